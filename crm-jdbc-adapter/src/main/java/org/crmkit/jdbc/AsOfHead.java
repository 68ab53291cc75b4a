package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.model.CustomerId;

/**
 * A head table that holds the latest as-of day of each customer's dated history (tier
 * assignments, lifecycle transitions). Writers claim the customer's head row before they touch
 * the history: updating the row locks it until commit, so two evaluations of one customer take
 * turns, and one for an older day than the stored latest is refused.
 */
final class AsOfHead {
    private final String subject;
    private final String claim;
    private final String read;
    private final String insert;

    /**
     * Creates the guard of one history.
     *
     * @param table the head table, with columns {@code customer_id} (its primary key) and {@code latest_as_of}
     * @param subject what the history holds, for the message, e.g. {@code "Tier assignment"}
     */
    AsOfHead(String table, String subject) {
        Objects.requireNonNull(table, "table");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.claim = "UPDATE " + table + " SET latest_as_of = ? WHERE customer_id = ? AND latest_as_of <= ?";
        this.read = "SELECT latest_as_of FROM " + table + " WHERE customer_id = ?";
        this.insert = "INSERT INTO " + table + " (customer_id, latest_as_of) VALUES (?, ?)";
    }

    /**
     * Claims a customer's head for a day, in the caller's transaction, which holds the lock
     * until it ends.
     *
     * @param connection the connection, in a transaction
     * @param customerId the customer
     * @param asOf the day of the entry about to be written
     * @throws ConcurrentUpdateException if a later day is stored already
     * @throws SQLException on a database failure, or a unique-key violation when a concurrent
     *     first entry of the customer won, which {@link Database#transaction} answers by running
     *     the work again
     */
    void claim(Connection connection, CustomerId customerId, LocalDate asOf) throws SQLException {
        if (Database.update(connection, claim, asOf, customerId.value(), asOf) == 1) {
            return;
        }
        Optional<LocalDate> latest = read(connection, customerId);
        if (latest.isEmpty()) {
            // The first entry; a concurrent first one makes this fail and run again.
            Database.update(connection, insert, customerId.value(), asOf);
        } else if (Database.update(connection, claim, asOf, customerId.value(), asOf) == 0) {
            // Claimed again because a concurrent first entry may have committed the head after
            // the UPDATE above took its snapshot; now only a later day refuses.
            throw new ConcurrentUpdateException(subject + " of customer '" + customerId + "' as of " + asOf
                    + " is older than the stored one as of " + read(connection, customerId).orElse(latest.get()));
        }
    }

    private Optional<LocalDate> read(Connection connection, CustomerId customerId) throws SQLException {
        return Database.first(connection, read, row -> row.getObject(1, LocalDate.class), customerId.value());
    }
}

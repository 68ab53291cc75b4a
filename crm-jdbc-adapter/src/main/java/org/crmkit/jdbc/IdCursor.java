package org.crmkit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A result set sorted by customer id (its first column) in the dialect's id order, read forward as
 * the customers of another stream in the same order go by: the merge of streamed queries by
 * customer, without a query per customer. Not thread-safe.
 */
final class IdCursor {
    private final ResultSet rows;
    private final Comparator<String> byId;
    private @Nullable String current;
    private boolean started;
    private boolean done;

    /**
     * @param rows the rows, sorted by their first column in {@code byId}'s order; not null
     * @param byId the dialect's order of ids; not null
     */
    IdCursor(ResultSet rows, Comparator<String> byId) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.byId = Objects.requireNonNull(byId, "byId");
    }

    /** Moves to the next row; false at the end. */
    boolean advance() throws SQLException {
        started = true;
        if (done || !rows.next()) {
            done = true;
            current = null;
            return false;
        }
        current = rows.getString(1);
        return true;
    }

    /** @return the id of the current row */
    String id() {
        return Objects.requireNonNull(current, "current");
    }

    /** @return the rows, at the current row */
    ResultSet rows() {
        return rows;
    }

    /**
     * Moves to the row of the id if there is one; rows of smaller ids belong to customers not visited.
     *
     * @return the rows at the id's row, or null when there is none
     */
    @Nullable ResultSet rowsAt(String id) throws SQLException {
        if (!started) {
            advance();
        }
        while (current != null && byId.compare(current, id) < 0) {
            advance();
        }
        return current != null && current.equals(id) ? rows : null;
    }
}

package org.crmkit.examples.erp;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.StaffId;
import org.crmkit.examples.SyntheticCustomerBase;

/**
 * The "existing ERP" of the example: tables with names of their own (partner, sales_document,
 * contact_log and the view v_contact over it), written with plain JDBC as the ERP would. Every
 * {@value #CANCELLED_TWIN_EVERY}th document has a cancelled twin worth ten times as much, which the
 * mapping's status filter must leave out.
 */
final class ErpDatabase {
    /** The zone of the ERP's zone-less contact times, as the mapping's {@code time_zone} says. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Every n-th posted document has a cancelled twin. */
    static final int CANCELLED_TWIN_EVERY = 7;
    /** The prefix of a cancelled twin's document number. */
    static final String TWIN_PREFIX = "C-";
    private static final BigDecimal TWIN_FACTOR = BigDecimal.TEN;
    private static final int BATCH = 1_000;

    /** The ERP's tables and view, a resource next to this class. */
    static final String SCHEMA = "erp-schema.sql";

    /** What one posting wrote. */
    record Posted(int partners, int documents, int cancelledTwins, int contacts) {
    }

    private final DataSource dataSource;

    ErpDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the ERP's tables and view from {@value #SCHEMA}. */
    void create() throws SQLException, IOException {
        String script;
        try (InputStream in = Objects.requireNonNull(ErpDatabase.class.getResourceAsStream(SCHEMA), SCHEMA)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl.strip());
                }
            }
        }
    }

    /**
     * Posts what the base holds for the days a filter accepts: partners by the day they were created,
     * documents by their date, contacts by their day in China.
     */
    Posted post(SyntheticCustomerBase base, Predicate<LocalDate> days) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int partners = 0;
            int documents = 0;
            int twins = 0;
            int contacts = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partner"
                    + " (partner_no, company, sector, since, framework_contract, key_account) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Customer customer : base.customers()) {
                    if (days.test(customer.createdOn())) {
                        insert.setString(1, customer.id().value());
                        insert.setString(2, customer.name());
                        insert.setString(3, customer.industry().orElse(null));
                        insert.setObject(4, customer.createdOn());
                        insert.setBoolean(5, customer.strategicAgreement());
                        insert.setString(6, customer.accountManager().map(StaffId::value).orElse(null));
                        batch(insert, ++partners);
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sales_document"
                    + " (doc_no, partner_no, doc_date, net_total, curr, product_group, doc_status)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int index = 0;
                for (Purchase purchase : base.purchases()) {
                    index++;
                    if (days.test(purchase.orderDate())) {
                        document(insert, purchase.id().value(), purchase, purchase.amount().amount(), "posted");
                        batch(insert, ++documents + twins);
                        if (index % CANCELLED_TWIN_EVERY == 0) {
                            document(insert, TWIN_PREFIX + purchase.id().value(), purchase,
                                    purchase.amount().amount().multiply(TWIN_FACTOR), "cancelled");
                            batch(insert, documents + ++twins);
                        }
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact_log"
                    + " (log_id, partner_no, logged_at, medium, topic, result, deleted) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Interaction interaction : base.interactions()) {
                    if (days.test(SyntheticCustomerBase.day(interaction))) {
                        insert.setString(1, interaction.id().value());
                        insert.setString(2, interaction.customerId().value());
                        insert.setObject(3, LocalDateTime.ofInstant(interaction.occurredAt().toInstant(), ZONE)
                                .truncatedTo(ChronoUnit.MICROS));
                        insert.setString(4, interaction.channel().key());
                        insert.setString(5, interaction.kind().key());
                        insert.setString(6, interaction.outcome().orElse(null));
                        insert.setBoolean(7, false);
                        batch(insert, ++contacts);
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            return new Posted(partners, documents, twins, contacts);
        }
    }

    /**
     * Cancels the largest posted documents of a period, as when big orders are taken back.
     *
     * @return the numbers of the documents cancelled, largest first
     */
    List<String> cancelLargest(LocalDate from, LocalDate to, int count) throws SQLException {
        List<String> cancelled = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT doc_no FROM sales_document"
                    + " WHERE doc_status = 'posted' AND doc_date BETWEEN ? AND ? ORDER BY net_total DESC, doc_no"
                    + " FETCH FIRST ? ROWS ONLY")) {
                select.setObject(1, from);
                select.setObject(2, to);
                select.setInt(3, count);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        cancelled.add(rows.getString(1));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sales_document SET doc_status = 'cancelled' WHERE doc_no = ?")) {
                for (String document : cancelled) {
                    update.setString(1, document);
                    update.addBatch();
                }
                update.executeBatch();
            }
            connection.commit();
        }
        return cancelled;
    }

    private static void document(PreparedStatement insert, String number, Purchase purchase, BigDecimal amount,
            String status) throws SQLException {
        insert.setString(1, number);
        insert.setString(2, purchase.customerId().value());
        insert.setObject(3, purchase.orderDate());
        insert.setBigDecimal(4, amount);
        insert.setString(5, purchase.amount().currency().getCurrencyCode());
        insert.setString(6, purchase.category().orElse(null));
        insert.setString(7, status);
    }

    private static void batch(PreparedStatement insert, int rows) throws SQLException {
        insert.addBatch();
        if (rows % BATCH == 0) {
            insert.executeBatch();
        }
    }
}

package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The nightly tiering job over 100,000 customers on an H2 in-memory database, loaded with JDBC
 * batches in one transaction, the orders' indexes built after their rows.
 */
class NightlyVolumeH2Test extends AbstractNightlyVolumeTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();
    private static final int BATCH = 10_000;

    @Override
    protected DataSource dataSource() {
        return DATABASE.dataSource();
    }

    @Override
    protected JdbcStore store() {
        return DATABASE.store();
    }

    @Override
    protected void load(Base base) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try (PreparedStatement customers = connection.prepareStatement("INSERT INTO crm_customer (id, name,"
                    + " created_on, preferred_days, do_not_contact, strategic_agreement) VALUES (?, ?, ?, '', '', FALSE)")) {
                for (int customer = 0; customer < base.customers(); customer++) {
                    customers.setString(1, Base.id(customer));
                    customers.setString(2, "Customer " + customer);
                    customers.setObject(3, LocalDate.ofEpochDay(base.createdDay[customer]));
                    customers.addBatch();
                    if (customer % BATCH == BATCH - 1) {
                        customers.executeBatch();
                    }
                }
                customers.executeBatch();
            }
            // Indexes built after the rows take less time than a million insertions into them.
            statement.execute("ALTER TABLE crm_purchase DROP CONSTRAINT crm_purchase_pk");
            statement.execute("DROP INDEX crm_purchase_customer_day");
            try (PreparedStatement orders = connection.prepareStatement("INSERT INTO crm_purchase (id, customer_id,"
                    + " order_date, amount, currency) VALUES (?, ?, ?, ?, 'CNY')")) {
                for (int order = 0; order < base.orders(); order++) {
                    orders.setString(1, Base.orderId(order));
                    orders.setString(2, Base.id(base.orderCustomer[order]));
                    orders.setObject(3, LocalDate.ofEpochDay(base.orderDay[order]));
                    orders.setBigDecimal(4, BigDecimal.valueOf(base.orderCents[order], 2));
                    orders.addBatch();
                    if (order % BATCH == BATCH - 1) {
                        orders.executeBatch();
                    }
                }
                orders.executeBatch();
            }
            statement.execute("ALTER TABLE crm_purchase ADD CONSTRAINT crm_purchase_pk PRIMARY KEY (id)");
            statement.execute("CREATE INDEX crm_purchase_customer_day ON crm_purchase (customer_id, order_date)");
            try (PreparedStatement inquiries = connection.prepareStatement("INSERT INTO crm_interaction (id, customer_id,"
                    + " occurred_at, occurred_nanos, occurred_offset_seconds, channel, kind) VALUES (?, ?, ?, 0, 28800,"
                    + " 'phone', 'inquiry')")) {
                for (int customer = 0; customer < base.customers(); customer++) {
                    if (base.inquiry[customer]) {
                        inquiries.setString(1, "i" + customer);
                        inquiries.setString(2, Base.id(customer));
                        inquiries.setObject(3, OffsetDateTime.parse(INQUIRY_AT));
                        inquiries.addBatch();
                    }
                }
                inquiries.executeBatch();
            }
            connection.commit();
        }
    }
}

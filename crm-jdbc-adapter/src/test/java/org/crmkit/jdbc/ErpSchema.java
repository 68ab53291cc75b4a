package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Invoice;
import org.crmkit.core.model.OrderLine;
import org.crmkit.core.model.Payment;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.jdbc.mapping.Entity;
import org.crmkit.jdbc.mapping.EntityMapping;
import org.crmkit.jdbc.mapping.ErpMapping;
import org.crmkit.jdbc.mapping.Field;
import org.crmkit.jdbc.mapping.Filter;

/**
 * An "existing ERP": its own tables with its own names (partner, sales_document, contact_log,
 * ticket, ticket_event), a view that hides deleted contacts, order statuses of which only 'posted'
 * counts, archived tickets that do not count, and contact and ticket event times kept as TIMESTAMP
 * without time zone, local times in Berlin (a ticket's opening is a TIMESTAMP WITH TIME ZONE). The
 * same SQL runs on H2 and PostgreSQL. {@link #storeHolding} writes crm-core records into these
 * tables as the ERP would, each with a row beside it that the mapping's filters must leave out, and
 * returns a store that reads them through {@link #MAPPING}.
 */
final class ErpSchema {
    /** The zone the ERP keeps its zone-less timestamps in. */
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final List<String> DDL = List.of("""
            CREATE TABLE partner (
                partner_no         VARCHAR(128) NOT NULL PRIMARY KEY,
                company            VARCHAR(400) NOT NULL,
                sector             VARCHAR(100),
                since              DATE         NOT NULL,
                framework_contract BOOLEAN      NOT NULL,
                key_account        VARCHAR(128)
            )""", """
            CREATE TABLE sales_document (
                doc_no        VARCHAR(128)    NOT NULL PRIMARY KEY,
                partner_no    VARCHAR(128)    NOT NULL,
                doc_date      DATE            NOT NULL,
                net_total     NUMERIC(38, 18) NOT NULL,
                curr          CHAR(3)         NOT NULL,
                product_group VARCHAR(200),
                doc_status    VARCHAR(12)     NOT NULL
            )""", """
            CREATE TABLE contact_log (
                log_id     VARCHAR(128) NOT NULL PRIMARY KEY,
                partner_no VARCHAR(128) NOT NULL,
                logged_at  TIMESTAMP    NOT NULL,
                medium     VARCHAR(16)  NOT NULL,
                topic      VARCHAR(16)  NOT NULL,
                result     VARCHAR(400),
                deleted    BOOLEAN      NOT NULL
            )""", """
            CREATE VIEW v_contact AS
                SELECT log_id, partner_no, logged_at, medium, topic, result FROM contact_log WHERE deleted = FALSE""", """
            CREATE TABLE ticket (
                ticket_no   VARCHAR(128)             NOT NULL PRIMARY KEY,
                partner_no  VARCHAR(128)             NOT NULL,
                reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
                ticket_kind VARCHAR(16)              NOT NULL,
                severity    VARCHAR(8),
                reason      VARCHAR(400),
                via         VARCHAR(16),
                archived    BOOLEAN                  NOT NULL
            )""", """
            CREATE TABLE ticket_event (
                event_no  BIGINT       NOT NULL PRIMARY KEY,
                ticket_no VARCHAR(128) NOT NULL,
                logged_at TIMESTAMP    NOT NULL,
                action    VARCHAR(32)  NOT NULL,
                note      VARCHAR(400)
            )""", """
            CREATE TABLE sales_document_item (
                doc_no        VARCHAR(128)    NOT NULL,
                pos_no        INTEGER         NOT NULL,
                article_no    VARCHAR(128)    NOT NULL,
                product_group VARCHAR(200),
                qty           NUMERIC(20, 6)  NOT NULL,
                price         NUMERIC(38, 18) NOT NULL,
                line_total    NUMERIC(38, 18) NOT NULL,
                curr          CHAR(3)         NOT NULL,
                PRIMARY KEY (doc_no, pos_no)
            )""", """
            CREATE TABLE billing_document (
                bill_no    VARCHAR(128)    NOT NULL PRIMARY KEY,
                partner_no VARCHAR(128)    NOT NULL,
                bill_date  DATE            NOT NULL,
                due_at     TIMESTAMP       NOT NULL,
                gross      NUMERIC(38, 18) NOT NULL,
                curr       CHAR(3)         NOT NULL,
                cancelled  BOOLEAN         NOT NULL
            )""", """
            CREATE TABLE incoming_payment (
                pay_no     VARCHAR(128)    NOT NULL PRIMARY KEY,
                bill_no    VARCHAR(128)    NOT NULL,
                value_date DATE            NOT NULL,
                paid       NUMERIC(38, 18) NOT NULL,
                curr       CHAR(3)         NOT NULL,
                reversed   BOOLEAN         NOT NULL
            )""");

    /** The ERP's mapping, as docs/database.md shows it in YAML. */
    static final ErpMapping MAPPING = builder().build();

    /** The same ERP, said to keep no interactions ({@code interactions: none}): its contact log goes unread. */
    static final ErpMapping WITHOUT_INTERACTIONS = builder().noInteractions().build();

    private static ErpMapping.Builder builder() {
        return ErpMapping.builder()
                .timeZone(BERLIN)
                .entity(EntityMapping.builder(Entity.CUSTOMERS).table("partner")
                        .column(Field.CUSTOMER_ID, "partner_no").column(Field.CUSTOMER_NAME, "company")
                        .column(Field.CUSTOMER_INDUSTRY, "sector").column(Field.CUSTOMER_CREATED_ON, "since")
                        .column(Field.CUSTOMER_STRATEGIC_AGREEMENT, "framework_contract")
                        .column(Field.CUSTOMER_ACCOUNT_MANAGER, "key_account")
                        .build())
                .entity(EntityMapping.builder(Entity.ORDERS).table("sales_document")
                        .column(Field.ORDER_ID, "doc_no").column(Field.ORDER_CUSTOMER_ID, "partner_no")
                        .column(Field.ORDER_DATE, "doc_date").column(Field.ORDER_AMOUNT, "net_total")
                        .column(Field.ORDER_CURRENCY, "curr").column(Field.ORDER_CATEGORY, "product_group")
                        .filter(Filter.in("doc_status", "posted"))
                        .build())
                .entity(EntityMapping.builder(Entity.INTERACTIONS).table("v_contact")
                        .column(Field.INTERACTION_ID, "log_id").column(Field.INTERACTION_CUSTOMER_ID, "partner_no")
                        .column(Field.INTERACTION_OCCURRED_AT, "logged_at").column(Field.INTERACTION_CHANNEL, "medium")
                        .column(Field.INTERACTION_KIND, "topic").column(Field.INTERACTION_OUTCOME, "result")
                        .build())
                .entity(EntityMapping.builder(Entity.COMPLAINTS).table("ticket")
                        .column(Field.COMPLAINT_ID, "ticket_no").column(Field.COMPLAINT_CUSTOMER_ID, "partner_no")
                        .column(Field.COMPLAINT_OPENED_AT, "reported_at").column(Field.COMPLAINT_KIND, "ticket_kind")
                        .column(Field.COMPLAINT_PRIORITY, "severity").column(Field.COMPLAINT_CAUSE, "reason")
                        .column(Field.COMPLAINT_CHANNEL, "via")
                        .filter(Filter.equalTo("archived", false))
                        .build())
                .entity(EntityMapping.builder(Entity.COMPLAINT_EVENTS).table("ticket_event")
                        .column(Field.COMPLAINT_EVENT_CASE_ID, "ticket_no")
                        .column(Field.COMPLAINT_EVENT_OCCURRED_AT, "logged_at")
                        .column(Field.COMPLAINT_EVENT_TYPE, "action").column(Field.COMPLAINT_EVENT_DETAIL, "note")
                        .column(Field.COMPLAINT_EVENT_SEQUENCE_NUMBER, "event_no")
                        .build())
                .entity(EntityMapping.builder(Entity.ORDER_LINES).table("sales_document_item")
                        .column(Field.ORDER_LINE_ORDER_ID, "doc_no").column(Field.ORDER_LINE_NUMBER, "pos_no")
                        .column(Field.ORDER_LINE_PRODUCT_ID, "article_no")
                        .column(Field.ORDER_LINE_CATEGORY, "product_group")
                        .column(Field.ORDER_LINE_QUANTITY, "qty").column(Field.ORDER_LINE_UNIT_PRICE, "price")
                        .column(Field.ORDER_LINE_AMOUNT, "line_total").column(Field.ORDER_LINE_CURRENCY, "curr")
                        .build())
                .entity(EntityMapping.builder(Entity.INVOICES).table("billing_document")
                        .column(Field.INVOICE_ID, "bill_no").column(Field.INVOICE_CUSTOMER_ID, "partner_no")
                        .column(Field.INVOICE_ISSUED_ON, "bill_date").column(Field.INVOICE_DUE_ON, "due_at")
                        .column(Field.INVOICE_AMOUNT, "gross").column(Field.INVOICE_CURRENCY, "curr")
                        .filter(Filter.equalTo("cancelled", false))
                        .build())
                .entity(EntityMapping.builder(Entity.PAYMENTS).table("incoming_payment")
                        .column(Field.PAYMENT_ID, "pay_no").column(Field.PAYMENT_INVOICE_ID, "bill_no")
                        .column(Field.PAYMENT_PAID_ON, "value_date").column(Field.PAYMENT_AMOUNT, "paid")
                        .column(Field.PAYMENT_CURRENCY, "curr")
                        .filter(Filter.equalTo("reversed", false))
                        .build());
    }

    private ErpSchema() {
    }

    /**
     * Creates the ERP's tables.
     *
     * @param dataSource where
     * @throws SQLException on failure
     */
    static void create(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
    }

    /**
     * The test's database with the ERP's tables holding the records, and a store reading them
     * through the mapping; survey answers, which no mapping maps, go to crmkit's table.
     *
     * @return the store
     */
    static JdbcStore storeHolding(DatabaseExtension database, List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, List<SurveyAnswer> surveys) {
        return storeHolding(database, customers, purchases, interactions, surveys, List.of(), List.of());
    }

    /**
     * The test's database with the ERP's tables holding the records, cases and events too (in the
     * order given, which the ERP's serial event numbers keep), and a store reading them through the
     * mapping.
     *
     * @return the store
     */
    static JdbcStore storeHolding(DatabaseExtension database, List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, List<SurveyAnswer> surveys, List<ServiceCase> cases,
            List<CaseEvent> events) {
        return storeHolding(database, MAPPING, customers, purchases, interactions, surveys, cases, events);
    }

    /**
     * The test's database with the ERP's tables holding the records, and a store reading them
     * through a mapping.
     *
     * @return the store
     */
    static JdbcStore storeHolding(DatabaseExtension database, ErpMapping mapping, List<Customer> customers,
            List<Purchase> purchases, List<Interaction> interactions, List<SurveyAnswer> surveys,
            List<ServiceCase> cases, List<CaseEvent> events) {
        DataSource dataSource = database.dataSource();
        try {
            try (Connection connection = dataSource.getConnection()) {
                // A test may ask for its data more than once: the ERP then holds exactly that data again.
                if (exists(connection)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DELETE FROM partner");
                        statement.execute("DELETE FROM sales_document");
                        statement.execute("DELETE FROM contact_log");
                        statement.execute("DELETE FROM ticket");
                        statement.execute("DELETE FROM ticket_event");
                        statement.execute("DELETE FROM sales_document_item");
                        statement.execute("DELETE FROM billing_document");
                        statement.execute("DELETE FROM incoming_payment");
                    }
                } else {
                    create(dataSource);
                }
                for (Customer customer : customers) {
                    insertCustomer(connection, customer);
                }
                for (Purchase purchase : purchases) {
                    insertOrder(connection, purchase.id().value(), purchase, "posted");
                    // Rows the status filter must leave out, with amounts that would show.
                    insertOrder(connection, "x-" + purchase.id().value(), purchase, "cancelled");
                    insertOrder(connection, "y-" + purchase.id().value(), purchase, "refunded");
                }
                for (Interaction interaction : interactions) {
                    insertContact(connection, interaction.id().value(), interaction, false);
                    // A deleted contact, which the view hides.
                    insertContact(connection, "x-" + interaction.id().value(), interaction, true);
                }
                for (ServiceCase serviceCase : cases) {
                    insertTicket(connection, serviceCase.id().value(), serviceCase, false);
                    // An archived ticket, which the filter leaves out.
                    insertTicket(connection, "x-" + serviceCase.id().value(), serviceCase, true);
                }
                long eventNo = 1;
                for (CaseEvent event : events) {
                    insertTicketEvent(connection, eventNo++, event);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not fill the ERP's tables", e);
        }
        JdbcStore store = JdbcStore.create(dataSource, mapping);
        surveys.forEach(store.surveys()::record);
        return store;
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (java.sql.ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("partner")) {
                    return true;
                }
            }
        }
        return false;
    }

    static void insertCustomer(Connection connection, Customer customer) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partner"
                + " (partner_no, company, sector, since, framework_contract, key_account) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, customer.id().value());
            insert.setString(2, customer.name());
            insert.setString(3, customer.industry().orElse(null));
            insert.setObject(4, customer.createdOn());
            insert.setBoolean(5, customer.strategicAgreement());
            insert.setString(6, customer.accountManager().map(StaffId::value).orElse(null));
            insert.executeUpdate();
        }
    }

    private static void insertOrder(Connection connection, String id, Purchase purchase, String status)
            throws SQLException {
        boolean posted = status.equals("posted");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sales_document"
                + " (doc_no, partner_no, doc_date, net_total, curr, product_group, doc_status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, purchase.customerId().value());
            insert.setObject(3, purchase.orderDate());
            insert.setBigDecimal(4, posted ? purchase.amount().amount() : new java.math.BigDecimal("1000000"));
            insert.setString(5, purchase.amount().currency().getCurrencyCode());
            insert.setString(6, posted ? purchase.category().orElse(null) : "cancelled goods");
            insert.setString(7, status);
            insert.executeUpdate();
        }
    }

    private static void insertContact(Connection connection, String id, Interaction interaction, boolean deleted)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact_log"
                + " (log_id, partner_no, logged_at, medium, topic, result, deleted) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, interaction.customerId().value());
            // The ERP keeps the local time in Berlin, to the microsecond.
            insert.setObject(3, LocalDateTime.ofInstant(interaction.occurredAt().toInstant(), BERLIN)
                    .truncatedTo(ChronoUnit.MICROS));
            insert.setString(4, interaction.channel().key());
            insert.setString(5, interaction.kind().key());
            insert.setString(6, interaction.outcome().orElse(null));
            insert.setBoolean(7, deleted);
            insert.executeUpdate();
        }
    }

    /** Writes a case as the ERP's ticket: its opening, a TIMESTAMP WITH TIME ZONE, to the microsecond. */
    static void insertTicket(Connection connection, String id, ServiceCase serviceCase, boolean archived)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket (ticket_no, partner_no,"
                + " reported_at, ticket_kind, severity, reason, via, archived) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, serviceCase.customerId().value());
            insert.setObject(3, serviceCase.openedAt().truncatedTo(ChronoUnit.MICROS));
            insert.setString(4, serviceCase.kind().key());
            insert.setString(5, serviceCase.priority().map(Priority::name).orElse(null));
            insert.setString(6, serviceCase.cause().orElse(null));
            insert.setString(7, serviceCase.channel().map(Channel::key).orElse(null));
            insert.setBoolean(8, archived);
            insert.executeUpdate();
        }
    }

    /** Writes an event as the ERP's ticket event: its time local in Berlin, to the microsecond. */
    static void insertTicketEvent(Connection connection, long eventNo, CaseEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket_event (event_no, ticket_no,"
                + " logged_at, action, note) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, eventNo);
            insert.setString(2, event.caseId().value());
            insert.setObject(3, LocalDateTime.ofInstant(event.occurredAt().toInstant(), BERLIN)
                    .truncatedTo(ChronoUnit.MICROS));
            insert.setString(4, event.type().key());
            insert.setString(5, event.detail().orElse(null));
            insert.executeUpdate();
        }
    }

    /**
     * The test's database with the ERP's tables holding order lines, invoices and payments (and
     * nothing else), each invoice with a cancelled twin and each payment with a reversed one that
     * the filters leave out, and a store reading them through the mapping.
     *
     * @return the store
     */
    static JdbcStore storeHolding(DatabaseExtension database, List<OrderLine> lines, List<Invoice> invoices,
            List<Payment> payments) {
        JdbcStore store = storeHolding(database, List.of(), List.of(), List.of(), List.of());
        try (Connection connection = database.dataSource().getConnection()) {
            for (OrderLine line : lines) {
                insertOrderLine(connection, line);
            }
            for (Invoice invoice : invoices) {
                insertInvoice(connection, invoice.id().value(), invoice, false);
                insertInvoice(connection, "x-" + invoice.id().value(), invoice, true);
            }
            for (Payment payment : payments) {
                insertPayment(connection, payment.id().value(), payment, false);
                insertPayment(connection, "x-" + payment.id().value(), payment, true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not fill the ERP's tables", e);
        }
        return store;
    }

    static void insertOrderLine(Connection connection, OrderLine line) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sales_document_item (doc_no, pos_no,"
                + " article_no, product_group, qty, price, line_total, curr) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, line.orderId().value());
            insert.setInt(2, line.lineNumber());
            insert.setString(3, line.productId());
            insert.setString(4, line.category().orElse(null));
            insert.setBigDecimal(5, line.quantity());
            insert.setBigDecimal(6, line.unitPrice().amount());
            insert.setBigDecimal(7, line.amount().amount());
            insert.setString(8, line.amount().currency().getCurrencyCode());
            insert.executeUpdate();
        }
    }

    /** Writes an invoice as the ERP's billing document: its due day as a timestamp at noon. */
    static void insertInvoice(Connection connection, String id, Invoice invoice, boolean cancelled)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_document (bill_no,"
                + " partner_no, bill_date, due_at, gross, curr, cancelled) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, invoice.customerId().value());
            insert.setObject(3, invoice.issuedOn());
            insert.setObject(4, invoice.dueOn().atTime(12, 0));
            insert.setBigDecimal(5, cancelled ? new java.math.BigDecimal("1000000") : invoice.amount().amount());
            insert.setString(6, invoice.amount().currency().getCurrencyCode());
            insert.setBoolean(7, cancelled);
            insert.executeUpdate();
        }
    }

    static void insertPayment(Connection connection, String id, Payment payment, boolean reversed)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incoming_payment (pay_no, bill_no,"
                + " value_date, paid, curr, reversed) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, payment.invoiceId().value());
            insert.setObject(3, payment.paidOn());
            insert.setBigDecimal(4, payment.amount().amount());
            insert.setString(5, payment.amount().currency().getCurrencyCode());
            insert.setBoolean(6, reversed);
            insert.executeUpdate();
        }
    }
}

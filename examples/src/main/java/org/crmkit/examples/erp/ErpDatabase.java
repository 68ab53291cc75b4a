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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.StaffId;
import org.crmkit.examples.SyntheticCustomerBase;

/**
 * The "existing ERP" of the example: tables with names of their own (partner, sales_document,
 * contact_log and the view v_contact over it, ticket and ticket_event), written with plain JDBC as
 * the ERP would. Every {@value #CANCELLED_TWIN_EVERY}th document has a cancelled twin worth ten
 * times as much, which the mapping's status filter must leave out. The tickets are the few
 * {@link #COMPLAINTS} of the service desk, written by hand.
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
    record Posted(int partners, int documents, int cancelledTwins, int contacts, int complaints, int complaintEvents) {
    }

    /** A complaint of the service desk and what was done about it, in the order it happened. */
    record Complaint(ServiceCase serviceCase, List<CaseEvent> events) {
    }

    /**
     * The service desk's complaints, around the two nights (2026-03-30 is a Monday; the desk works
     * Monday to Friday 09:00-18:00, the standard policy's office hours, in which a complaint is to
     * be answered within 1 hour, solved within 24 and resolved within 48):
     * <ul>
     *   <li>T-1001 of C000002, opened on Monday 14:00, answered after 20 minutes, a solution
     *       proposed on Tuesday 11:00, resolved on Wednesday 2026-04-01 10:00 and the customer's
     *       feedback received at 11:30, all in time;</li>
     *   <li>T-1002 of C000009, opened on Tuesday 2026-03-31 10:00 and answered at 12:30, an hour
     *       and a half late: its first response warns at 10:45 and breaches at 11:00;</li>
     *   <li>T-1003 of C000007, opened on Wednesday 2026-04-01 16:30 and not answered that day: it
     *       warns at 17:15 and breaches at 17:30.</li>
     * </ul>
     * Each is posted on the night of the day it was opened, each event on the night of its day.
     */
    static final List<Complaint> COMPLAINTS = List.of(
            complaint("T-1001", "C000002", "2026-03-30T14:00", Priority.P3, "late delivery", Channel.PHONE,
                    at("2026-03-30T14:20", CaseEventType.RESPONDED),
                    at("2026-03-31T11:00", CaseEventType.SOLUTION_PROPOSED),
                    at("2026-04-01T10:00", CaseEventType.RESOLVED),
                    at("2026-04-01T11:30", CaseEventType.FEEDBACK_RECEIVED)),
            complaint("T-1002", "C000009", "2026-03-31T10:00", Priority.P2, "damaged goods", Channel.EMAIL,
                    at("2026-03-31T12:30", CaseEventType.RESPONDED)),
            complaint("T-1003", "C000007", "2026-04-01T16:30", Priority.P3, "wrong invoice", Channel.PHONE));

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
            int complaints = 0;
            int complaintEvents = 0;
            try (PreparedStatement ticket = connection.prepareStatement("INSERT INTO ticket"
                    + " (ticket_no, partner_no, reported_at, severity, reason, via) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement event = connection.prepareStatement("INSERT INTO ticket_event"
                            + " (event_no, ticket_no, logged_at, action, note) VALUES (?, ?, ?, ?, ?)")) {
                int number = 0;
                for (Complaint complaint : COMPLAINTS) {
                    ServiceCase serviceCase = complaint.serviceCase();
                    if (days.test(day(serviceCase.openedAt()))) {
                        ticket.setString(1, serviceCase.id().value());
                        ticket.setString(2, serviceCase.customerId().value());
                        ticket.setObject(3, local(serviceCase.openedAt()));
                        ticket.setString(4, serviceCase.priority().map(Priority::name).orElse(null));
                        ticket.setString(5, serviceCase.cause().orElse(null));
                        ticket.setString(6, serviceCase.channel().map(Channel::key).orElse(null));
                        ticket.addBatch();
                        complaints++;
                    }
                    for (CaseEvent caseEvent : complaint.events()) {
                        // Numbered in the order the desk logged them, whichever night posts them.
                        number++;
                        if (days.test(day(caseEvent.occurredAt()))) {
                            event.setInt(1, number);
                            event.setString(2, caseEvent.caseId().value());
                            event.setObject(3, local(caseEvent.occurredAt()));
                            event.setString(4, caseEvent.type().key());
                            event.setString(5, caseEvent.detail().orElse(null));
                            event.addBatch();
                            complaintEvents++;
                        }
                    }
                }
                ticket.executeBatch();
                event.executeBatch();
            }
            connection.commit();
            return new Posted(partners, documents, twins, contacts, complaints, complaintEvents);
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

    /** What the desk did, at a local time in China. */
    private record Step(String localTime, CaseEventType type) {
    }

    private static Step at(String localTime, CaseEventType type) {
        return new Step(localTime, type);
    }

    private static Complaint complaint(String id, String customer, String opened, Priority priority, String cause,
            Channel channel, Step... steps) {
        CaseId caseId = CaseId.of(id);
        List<CaseEvent> events = new ArrayList<>();
        for (Step step : steps) {
            events.add(CaseEvent.of(caseId, china(step.localTime()), step.type()));
        }
        return new Complaint(new ServiceCase(caseId, CustomerId.of(customer), china(opened), CaseKind.COMPLAINT,
                Optional.of(priority), Optional.of(cause), Optional.of(channel)), List.copyOf(events));
    }

    private static OffsetDateTime china(String localTime) {
        return LocalDateTime.parse(localTime).atZone(ZONE).toOffsetDateTime();
    }

    private static LocalDate day(OffsetDateTime moment) {
        return local(moment).toLocalDate();
    }

    private static LocalDateTime local(OffsetDateTime moment) {
        return LocalDateTime.ofInstant(moment.toInstant(), ZONE);
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

package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.PersistenceException;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.event.SlaBreached;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.event.SlaWarning;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.jdbc.job.EventOutbox;
import org.crmkit.jdbc.job.OutboxSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EventOutbox} on {@code crm_outbox}, drained in batches in sequence order. */
final class JdbcEventOutbox implements EventOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventOutbox.class);
    /** Events read at a time; a batch is marked published in one transaction. */
    private static final int BATCH = 500;
    /** The type of a {@link TierChanged} in the outbox's {@code event_type}. */
    static final String TIER_CHANGED = "TierChanged";
    /** The type of a {@link LifecycleStageChanged} in the outbox's {@code event_type}. */
    static final String LIFECYCLE_STAGE_CHANGED = "LifecycleStageChanged";
    /** The columns of a tier change, in the order {@code write} writes them after its key and type. */
    static final String EVENT_COLUMNS = "customer_id, as_of, from_tier, to_tier, direction, policy_id,"
            + " policy_version, reasons, occurred_at, occurred_nanos";
    /** The columns of a lifecycle transition, in the order {@code write} writes them after its type. */
    static final String STAGE_CHANGE_COLUMNS = "customer_id, as_of, from_stage, to_stage, win_back, policy_id,"
            + " policy_version, reasons, occurred_at, occurred_nanos";
    /** The type of an {@link SlaWarning} in the outbox's {@code event_type}. */
    static final String SLA_WARNING = "SlaWarning";
    /** The type of an {@link SlaBreached} in the outbox's {@code event_type}. */
    static final String SLA_BREACHED = "SlaBreached";
    /** The type of a {@link MilestoneMet} in the outbox's {@code event_type}. */
    static final String MILESTONE_MET = "MilestoneMet";
    /**
     * The columns of a warning or breach, in the order {@code write} writes them after its key and
     * type; a {@link MilestoneMet} has {@code on_time} where they have {@code escalate_to}.
     */
    static final String SLA_ALERT_COLUMNS = "customer_id, as_of, case_id, milestone, cycle, due_at, due_nanos,"
            + " escalate_to, policy_id, policy_version, occurred_at, occurred_nanos";
    /** The columns of a met milestone, in the order {@code write} writes them after its key and type. */
    static final String MILESTONE_MET_COLUMNS = SLA_ALERT_COLUMNS.replace("escalate_to", "on_time");
    /** Writes a tier change into the outbox, in the transaction of the state it describes. */
    static final String INSERT = "INSERT INTO crm_outbox (event_key, event_type, " + EVENT_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Writes a lifecycle transition into the outbox, in the transaction of the state it describes. */
    static final String INSERT_STAGE_CHANGE = "INSERT INTO crm_outbox (event_key, event_type, " + STAGE_CHANGE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Writes a warning or breach into the outbox, in the transaction of the state it describes. */
    static final String INSERT_SLA_ALERT = "INSERT INTO crm_outbox (event_key, event_type, " + SLA_ALERT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Writes a met milestone into the outbox, in the transaction of the state it describes. */
    static final String INSERT_MILESTONE_MET = "INSERT INTO crm_outbox (event_key, event_type, "
            + MILESTONE_MET_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PENDING = "SELECT sequence_number, event_key, event_type, " + EVENT_COLUMNS
            + ", from_stage, to_stage, win_back, case_id, milestone, cycle, due_at, due_nanos, escalate_to, on_time"
            + " FROM crm_outbox WHERE published_at IS NULL AND sequence_number > ?"
            + " ORDER BY sequence_number"
            + " FETCH FIRST " + BATCH + " ROWS ONLY";
    private static final String MARK = "UPDATE crm_outbox SET published_at = CURRENT_TIMESTAMP WHERE sequence_number = ?";
    private static final String COUNT_PENDING = "SELECT COUNT(*) FROM crm_outbox WHERE published_at IS NULL";

    private final Database database;

    JdbcEventOutbox(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The idempotency key of a tier change: a customer's tier changes at most once per as-of day.
     *
     * @param event the event
     * @return {@code tier-changed/<customer id>/<as-of day>}
     */
    static String key(TierChanged event) {
        return "tier-changed/" + event.customerId().value() + "/" + event.asOf();
    }

    /**
     * Writes a tier change's outbox row: its key and type, then {@link #EVENT_COLUMNS}.
     *
     * @param sink where the row goes
     * @param event the change
     * @throws SQLException if a statement refuses the row
     */
    static void write(RowSink sink, TierChanged event) throws SQLException {
        sink.text(key(event)).text(TIER_CHANGED).text(event.customerId().value()).day(event.asOf())
                .text(event.from().map(Tier::name).orElse(null)).text(event.to().map(Tier::name).orElse(null))
                .text(event.direction().name()).text(event.policy().id()).text(event.policy().version())
                .text(JsonStrings.write(event.reasons())).moment(event.occurredAt()).endRow();
    }

    /**
     * The idempotency key of a lifecycle transition: a customer's stage changes at most once per
     * as-of day.
     *
     * @param event the event
     * @return {@code lifecycle-stage-changed/<customer id>/<as-of day>}
     */
    static String key(LifecycleStageChanged event) {
        return "lifecycle-stage-changed/" + event.customerId().value() + "/" + event.asOf();
    }

    /**
     * Writes a lifecycle transition's outbox row: its key and type, then {@link #STAGE_CHANGE_COLUMNS}.
     *
     * @param sink where the row goes
     * @param event the transition
     * @throws SQLException if a statement refuses the row
     */
    static void write(RowSink sink, LifecycleStageChanged event) throws SQLException {
        sink.text(key(event)).text(LIFECYCLE_STAGE_CHANGED).text(event.customerId().value()).day(event.asOf())
                .text(event.from().map(LifecycleStage::key).orElse(null)).text(event.to().key())
                .flag(event.winBack()).text(event.policy().id()).text(event.policy().version())
                .text(JsonStrings.write(event.reasons())).moment(event.occurredAt()).endRow();
    }

    /**
     * The idempotency key of an SLA event: {@link SlaEvent#key()}, {@code <case id>|<milestone>|<cycle>|<type>},
     * the key {@link org.crmkit.rules.sla.SlaService} marks published, so that a consumer fed by both
     * de-duplicates across them. A milestone warns, breaches and is met at most once per cycle,
     * whichever run found it. It cannot be taken for a tier or stage key, which end in a day.
     *
     * @param event the event
     * @return the key
     */
    static String key(SlaEvent event) {
        return event.key();
    }

    /**
     * Writes an SLA event's outbox row: its key and type, then {@link #SLA_ALERT_COLUMNS} for a
     * warning or breach, {@link #MILESTONE_MET_COLUMNS} for a met milestone.
     *
     * @param alerts where the row of a warning or breach goes ({@link #INSERT_SLA_ALERT})
     * @param met where the row of a met milestone goes ({@link #INSERT_MILESTONE_MET})
     * @param event the event
     * @param asOf the day of the run that found it
     * @throws SQLException if a statement refuses the row
     */
    static void write(RowSink alerts, RowSink met, SlaEvent event, LocalDate asOf) throws SQLException {
        RowSink sink = event instanceof MilestoneMet ? met : alerts;
        String type = event instanceof SlaWarning ? SLA_WARNING : event instanceof SlaBreached ? SLA_BREACHED
                : MILESTONE_MET;
        sink.text(key(event)).text(type).text(event.customerId().value()).day(asOf).text(event.caseId().value())
                .text(event.milestone()).number(event.cycle()).moment(event.dueAt());
        if (event instanceof SlaWarning warning) {
            sink.text(JsonStrings.write(warning.escalateTo()));
        } else if (event instanceof SlaBreached breach) {
            sink.text(JsonStrings.write(breach.escalateTo()));
        } else {
            sink.flag(((MilestoneMet) event).onTime());
        }
        sink.text(event.policy().id()).text(event.policy().version()).moment(event.occurredAt()).endRow();
    }

    /** A waiting event with its place in the outbox. */
    private record Waiting(long sequence, String key, DomainEvent event) {
    }

    @Override
    public long drainTo(OutboxSink sink) {
        Objects.requireNonNull(sink, "sink");
        long published = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Waiting> batch = database.transaction("read the waiting events",
                    connection -> Database.list(connection, PENDING, JdbcEventOutbox::map, from));
            if (batch.isEmpty()) {
                LOG.debug("Published {} event(s) from the outbox", published);
                return published;
            }
            List<Long> done = new ArrayList<>(batch.size());
            try {
                for (Waiting waiting : batch) {
                    sink.publish(waiting.key(), waiting.event());
                    done.add(waiting.sequence());
                }
            } finally {
                // What the sink took is marked even when it failed on a later event.
                mark(done);
            }
            published += done.size();
            after = batch.get(batch.size() - 1).sequence();
        }
    }

    private void mark(List<Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        database.transaction("mark " + sequences.size() + " event(s) published", connection -> {
            try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                for (long sequence : sequences) {
                    mark.setLong(1, sequence);
                    mark.addBatch();
                }
                mark.executeBatch();
            }
            return null;
        });
    }

    @Override
    public long pending() {
        return database.transaction("count the waiting events",
                connection -> Database.first(connection, COUNT_PENDING, row -> row.getLong(1)).orElse(0L));
    }

    private static Waiting map(ResultSet row) throws SQLException {
        long sequence = row.getLong("sequence_number");
        String type = row.getString("event_type");
        CustomerId customer = CustomerId.of(row.getString("customer_id"));
        LocalDate asOf = row.getObject("as_of", LocalDate.class);
        PolicyRef policy = PolicyRef.of(row.getString("policy_id"), row.getString("policy_version"));
        DomainEvent event = switch (type) {
            case TIER_CHANGED, LIFECYCLE_STAGE_CHANGED -> changeOf(row, type, sequence, customer, asOf, policy);
            case SLA_WARNING -> new SlaWarning(CaseId.of(row.getString("case_id")), customer, row.getString("milestone"),
                    row.getInt("cycle"), SqlValues.moment(row, "due"), escalateTo(row, sequence), policy,
                    SqlValues.moment(row, "occurred"));
            case SLA_BREACHED -> new SlaBreached(CaseId.of(row.getString("case_id")), customer,
                    row.getString("milestone"), row.getInt("cycle"), SqlValues.moment(row, "due"),
                    escalateTo(row, sequence), policy, SqlValues.moment(row, "occurred"));
            case MILESTONE_MET -> new MilestoneMet(CaseId.of(row.getString("case_id")), customer,
                    row.getString("milestone"), row.getInt("cycle"), SqlValues.moment(row, "due"),
                    row.getBoolean("on_time"), policy, SqlValues.moment(row, "occurred"));
            default -> throw new PersistenceException("Outbox event " + sequence + " has the unknown type '" + type
                    + "'", new SQLException("unknown event type"));
        };
        return new Waiting(sequence, row.getString("event_key"), event);
    }

    private static List<String> escalateTo(ResultSet row, long sequence) throws SQLException {
        return JsonStrings.read(row.getString("escalate_to"), "The escalation of outbox event " + sequence);
    }

    /** A tier change or a lifecycle transition, which carry reasons. */
    private static DomainEvent changeOf(ResultSet row, String type, long sequence, CustomerId customer,
            LocalDate asOf, PolicyRef policy) throws SQLException {
        List<String> reasons = JsonStrings.read(row.getString("reasons"), "The reasons of outbox event " + sequence);
        return switch (type) {
            case TIER_CHANGED -> new TierChanged(customer,
                    Optional.ofNullable(row.getString("from_tier")).map(Tier::of),
                    Optional.ofNullable(row.getString("to_tier")).map(Tier::of),
                    TierChanged.Direction.valueOf(row.getString("direction")), asOf, policy, reasons,
                    SqlValues.moment(row, "occurred"));
            case LIFECYCLE_STAGE_CHANGED -> new LifecycleStageChanged(customer,
                    Optional.ofNullable(row.getString("from_stage")).map(LifecycleStage::parse),
                    LifecycleStage.parse(row.getString("to_stage")), asOf, policy, reasons,
                    row.getBoolean("win_back"), SqlValues.moment(row, "occurred"));
            default -> throw new IllegalArgumentException("not a change: " + type);
        };
    }
}

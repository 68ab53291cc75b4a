package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.core.port.CrmStore;
import org.crmkit.jdbc.job.AgendaJob;
import org.crmkit.jdbc.job.JobProgress;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.rules.Policy;
import org.crmkit.rules.cadence.AgendaService;
import org.crmkit.rules.cadence.AgendaSink;
import org.crmkit.rules.cadence.ManagerAssignment;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AgendaJob} on the store's tables: {@link AgendaService#planDayByCustomer} over the store,
 * whose contacts arrive customer by customer and are written chunk by chunk, with {@code COPY} on
 * PostgreSQL (where the driver's copy API is there), JDBC batches elsewhere.
 */
final class JdbcAgendaJob extends RecordedJob implements AgendaJob {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAgendaJob.class);
    static final String JOB = "agenda";

    private static final JobRuns.History HISTORY = new JobRuns.History("plan the agenda", List.of(
            "SELECT COUNT(*) FROM crm_agenda WHERE as_of > ?",
            "SELECT COUNT(*) FROM crm_agenda_unscheduled WHERE as_of > ?"), "agenda row(s)",
            "SELECT COUNT(*) FROM crm_agenda WHERE as_of = ?", "planned contact(s)");
    /** The tables the job writes, apart from its run's row. */
    private static final List<String> WRITTEN = List.of("crm_agenda", "crm_agenda_unscheduled");

    static final String PLANNED_COLUMNS = "agenda_day, customer_id, rule_name, purpose, tier, channel, owner_kind,"
            + " owner, due, slot_start_at, slot_start_nanos, slot_end_at, slot_end_nanos, slot_zone, preferred_hours,"
            + " reason, as_of, policy_id, policy_version";
    static final String UNSCHEDULED_COLUMNS = "agenda_day, customer_id, rule_name, purpose, tier, owner_kind, owner,"
            + " due, kind, reason, as_of, policy_id, policy_version";
    private static final String INSERT_PLANNED = "INSERT INTO crm_agenda (" + PLANNED_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_UNSCHEDULED = "INSERT INTO crm_agenda_unscheduled (" + UNSCHEDULED_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COPY_PLANNED = "COPY crm_agenda (" + PLANNED_COLUMNS + ") FROM STDIN";
    private static final String COPY_UNSCHEDULED = "COPY crm_agenda_unscheduled (" + UNSCHEDULED_COLUMNS
            + ") FROM STDIN";

    private final Database database;
    private final JdbcFactsSource facts;
    private final PolicyRef policy;
    private final AgendaService service;
    private final int customersPerChunk;
    private final AgendaSink each;
    private final TierChunkRows.Writing writing;

    /**
     * @param store the store whose ports the plan reads
     * @param facts the store's facts, for the count of customers the progress shows
     * @throws IllegalArgumentException if the policy has no cadences section
     */
    JdbcAgendaJob(Database database, CrmStore store, JdbcFactsSource facts, Policy policy, Clock clock,
            int customersPerChunk, AgendaSink each, TierChunkRows.Writing writing) {
        super(new JobRuns(database, JOB, HISTORY, clock));
        this.database = Objects.requireNonNull(database, "database");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.policy = Objects.requireNonNull(policy, "policy").ref();
        this.service = AgendaService.of(policy, store);
        JobChunks.requireChunkSize(customersPerChunk);
        this.customersPerChunk = customersPerChunk;
        this.each = Objects.requireNonNull(each, "each");
        this.writing = Objects.requireNonNull(writing, "writing");
    }

    @Override
    public JobRun run(LocalDate asOf, JobProgress progress) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(progress, "progress");
        // The planned day must fit the store too, before anything is recorded.
        SqlValues.storableDay(asOf.plusDays(1), "agenda job planned day (as of " + asOf + " plus one)");
        JobRun run = runs.run(asOf, policy, started -> execute(started, progress));
        LOG.info("Planned the agenda of {} as of {}: {} customer(s) with contacts, {} row(s)", asOf.plusDays(1),
                asOf, run.customers(), run.changes());
        return run;
    }

    /**
     * Plans the next day whole and writes the customers after the run's last committed one: the
     * planner cannot start half-way, as every customer competes for the owners' capacity.
     */
    private void execute(JobRun run, JobProgress progress) {
        LocalDate day = run.asOf().plusDays(1);
        JobChunks.Writer<Entry> writer = new JobChunks.Writer<>(customersPerChunk, Entry::customerId,
                entries -> new Rows(entries, run.asOf()), WRITTEN);
        JobChunks<Entry> chunks = new JobChunks<>(database, runs, run, writer, progress, facts.countCustomers(day));
        Customers customers = new Customers(run.lastCustomer().map(CustomerId::value), chunks);
        service.planDayByCustomer(day, customers);
        customers.finish();
        chunks.finish();
    }

    /**
     * Groups the contacts, which arrive customer by customer, into one entry per customer, so that
     * a chunk never splits a customer; skips the customers a resumed run committed already.
     */
    private final class Customers implements AgendaSink {
        private final Optional<String> after;
        private final JobChunks<Entry> chunks;
        private @Nullable String current;
        private List<PlannedContact> planned = new ArrayList<>();
        private List<UnscheduledContact> unscheduled = new ArrayList<>();

        Customers(Optional<String> after, JobChunks<Entry> chunks) {
            this.after = after;
            this.chunks = chunks;
        }

        @Override
        public void planned(PlannedContact contact) {
            if (take(contact.customerId().value())) {
                each.planned(contact);
                planned.add(contact);
            }
        }

        @Override
        public void unscheduled(UnscheduledContact contact) {
            if (take(contact.customerId().value())) {
                each.unscheduled(contact);
                unscheduled.add(contact);
            }
        }

        @Override
        public void assigned(ManagerAssignment assignment) {
            // The manager is the planned contact's owner, stored with it; the assignment is only seen.
            if (!committed(assignment.customerId().value())) {
                each.assigned(assignment);
            }
        }

        /** Whether the customer's contacts are written by this execution; starts its entry if new. */
        private boolean take(String customer) {
            if (committed(customer)) {
                return false;
            }
            if (!customer.equals(current)) {
                if (current != null && customer.compareTo(current) < 0) {
                    // Resuming after a customer relies on the order: never write out of it.
                    throw new IllegalStateException("The agenda came out of customer order: '" + customer
                            + "' after '" + current + "'");
                }
                finish();
                current = customer;
            }
            return true;
        }

        private boolean committed(String customer) {
            return after.isPresent() && customer.compareTo(after.get()) <= 0;
        }

        /** Hands the current customer's contacts to the chunks. */
        void finish() {
            if (current != null && (!planned.isEmpty() || !unscheduled.isEmpty())) {
                chunks.add(new Entry(current, List.copyOf(planned), List.copyOf(unscheduled)));
                planned = new ArrayList<>();
                unscheduled = new ArrayList<>();
            }
        }
    }

    /** One customer's contacts of the day. */
    private record Entry(String customerId, List<PlannedContact> planned, List<UnscheduledContact> unscheduled) {
    }

    /** The rows of a chunk: made from the entries, checked before the transaction, written in it. */
    private final class Rows implements JobChunks.Rows {
        private final List<Entry> entries;
        private final LocalDate asOf;
        private final long rows;

        Rows(List<Entry> entries, LocalDate asOf) {
            this.entries = List.copyOf(entries);
            this.asOf = asOf;
            long count = 0;
            for (Entry entry : this.entries) {
                for (PlannedContact contact : entry.planned()) {
                    String what = "Planned contact of customer '" + entry.customerId() + "' by rule "
                            + contact.rule().name();
                    SqlValues.storableDay(contact.due(), what + " due");
                    SqlValues.storableMoment(contact.slot().start(), what + " slot start");
                    SqlValues.storableMoment(contact.slot().end(), what + " slot end");
                }
                for (UnscheduledContact contact : entry.unscheduled()) {
                    SqlValues.storableDay(contact.due(), "Unscheduled contact of customer '" + entry.customerId()
                            + "' by rule " + contact.rule().name() + " due");
                }
                count += entry.planned().size() + entry.unscheduled().size();
            }
            this.rows = count;
        }

        @Override
        public void write(Connection connection) throws SQLException {
            if (writing == TierChunkRows.Writing.COPY_WHERE_POSSIBLE && database.dialect() == Dialect.POSTGRESQL
                    && PostgresCopy.available(connection)) {
                CopyText planned = new CopyText();
                CopyText unscheduled = new CopyText();
                fill(planned, unscheduled);
                PostgresCopy.copyIn(connection, COPY_PLANNED, planned);
                PostgresCopy.copyIn(connection, COPY_UNSCHEDULED, unscheduled);
                return;
            }
            try (PreparedStatement plannedInserts = connection.prepareStatement(INSERT_PLANNED);
                    PreparedStatement unscheduledInserts = connection.prepareStatement(INSERT_UNSCHEDULED)) {
                BatchRows planned = new BatchRows(plannedInserts);
                BatchRows unscheduled = new BatchRows(unscheduledInserts);
                fill(planned, unscheduled);
                planned.execute();
                unscheduled.execute();
            }
        }

        /** Writes the chunk's rows, each table's to its sink: the one place that lists their values. */
        private void fill(RowSink planned, RowSink unscheduled) throws SQLException {
            for (Entry entry : entries) {
                for (PlannedContact contact : entry.planned()) {
                    planned.day(contact.date()).text(entry.customerId()).text(contact.rule().name())
                            .text(contact.rule().purpose().key()).text(tierName(contact.tier()))
                            .text(contact.channel().key()).text(contact.rule().owner().key()).text(contact.owner())
                            .day(contact.due()).moment(contact.slot().start()).moment(contact.slot().end())
                            .text(contact.slot().customerZone().getId())
                            .text(contact.hours().map(LocalTimeRange::toString).orElse(null)).text(contact.reason())
                            .day(asOf).text(policy.id()).text(policy.version()).endRow();
                }
                for (UnscheduledContact contact : entry.unscheduled()) {
                    unscheduled.day(asOf.plusDays(1)).text(entry.customerId()).text(contact.rule().name())
                            .text(contact.rule().purpose().key()).text(tierName(contact.tier()))
                            .text(contact.rule().owner().key()).text(contact.owner()).day(contact.due())
                            .text(contact.kind().key()).text(contact.reason()).day(asOf).text(policy.id())
                            .text(policy.version()).endRow();
                }
            }
        }

        @Override
        public long changes() {
            return rows;
        }

        @Override
        public long events() {
            return 0;
        }
    }

    private static @Nullable String tierName(Optional<Tier> tier) {
        return tier.map(Tier::name).orElse(null);
    }
}

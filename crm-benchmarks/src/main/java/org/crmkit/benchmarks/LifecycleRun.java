package org.crmkit.benchmarks;

import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.relationship.RelationshipPolicy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.CustomerBaseSummary;
import org.crmkit.rules.lifecycle.ValueEstimate;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * One timed run of the lifecycle benchmark on a database, in a JVM of its own ({@link LifecycleOnJdbc}
 * starts it with {@code -Xmx256m} under {@code /usr/bin/time -v}):
 * <ul>
 *   <li>{@code analyse}: the lifecycle and lifetime-value analysis of the whole base,
 *       {@code CustomerBaseAnalysis.of(PolicyLoader.standard(), ClvEstimator.of(policy.section(ClvPolicy.class)))
 *       .analyse(store.facts(), store.cases(), store.caseEvents(), asOf, each)}, where {@code each}
 *       writes one CSV line per customer (id, tier, stage, churn risk, relationship level and type,
 *       RFM code, ABC class, P(alive), lifetime value) to a file;</li>
 *   <li>{@code anchor}: the bare SQL aggregates of the same facts, once ({@link FactsAnchor}).</li>
 *   <li>{@code nightly}: the tiering job and then the assessment job as of the day, as {@code crm nightly}
 *       runs them;</li>
 *   <li>{@code tier}: the nightly tiering job as of the day, {@code store.tieringJob(policy, clock).run(asOf)}
 *       (chunks of 1,000 customers), the decided tiers tallied ({@link TierTally}) and reported;</li>
 *   <li>{@code tier-anchor}: its anchor, the tier rules' metrics in one SQL aggregate and the tiers
 *       decided from them by hand ({@link FactsAnchor#tiers}), tallied alike.</li>
 * </ul>
 * The database is PostgreSQL at a JDBC URL, reached through a connection pool as an application
 * reaches it (H2's {@link JdbcConnectionPool} over the driver's {@link PGConnectionPoolDataSource}),
 * or an H2 database file, opened in this JVM. What was found and how long each pass of the facts
 * took go to standard error.
 *
 * <pre>{@code
 * java -Xmx256m -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.LifecycleRun \
 *     analyse postgres 'jdbc:postgresql://localhost:5432/postgres?user=postgres' 2026-03-31 /tmp/assessments.csv
 * java -Xmx256m -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.LifecycleRun \
 *     anchor h2 /tmp/lifecycle/h2/crm 2026-03-31
 * }</pre>
 */
public final class LifecycleRun {
    private LifecycleRun() {
    }

    /**
     * Runs the analysis, the tiering job or one of their anchors.
     *
     * @param args {@code analyse}, {@code anchor}, {@code tier}, {@code nightly} or {@code tier-anchor}; {@code postgres} and a
     *     JDBC URL, or {@code h2} and a database file without {@code .mv.db}; the as-of day; for {@code analyse} the output file
     * @throws Exception if the run fails; the JVM then exits with a stack trace and status 1
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !List.of("analyse", "anchor", "tier", "nightly", "tier-anchor").contains(args[0])
                || !List.of("postgres", "h2").contains(args[1]) || args[0].equals("analyse") && args.length < 5) {
            System.err.println("usage: LifecycleRun analyse|anchor|tier|nightly|tier-anchor postgres JDBC_URL|h2 FILE AS_OF"
                    + " [OUTPUT.csv]");
            System.exit(2);
        }
        boolean postgres = args[1].equals("postgres");
        String target = args[2];
        LocalDate asOf = LocalDate.parse(args[3]);
        Policy policy = PolicyLoader.standard();
        long started = System.nanoTime();
        if (args[0].endsWith("anchor")) {
            String url = postgres ? target : "jdbc:h2:file:" + Path.of(target).toAbsolutePath();
            try (Connection connection = DriverManager.getConnection(url)) {
                String rows = args[0].equals("anchor") ? FactsAnchor.discard(connection, factsQuery(policy, asOf))
                        : "tiers: " + FactsAnchor.tiers(connection, policy.header().metricsQuery(asOf));
                System.err.printf(Locale.ROOT, "LifecycleRun %s: %s in %.1f s%n", args[0], rows, seconds(started));
            }
            return;
        }
        if (postgres) {
            PGConnectionPoolDataSource connections = new PGConnectionPoolDataSource();
            connections.setURL(target);
            JdbcConnectionPool pool = JdbcConnectionPool.create(connections);
            try {
                run(args, JdbcStore.create(pool), policy, asOf, started);
            } finally {
                pool.dispose();
            }
        } else {
            run(args, JdbcStore.h2File(Path.of(target)), policy, asOf, started);
        }
    }

    /** The tiering job or the analysis on the opened store, which it closes. */
    private static void run(String[] args, JdbcStore store, Policy policy, LocalDate asOf, long started)
            throws IOException {
        if (args[0].equals("tier") || args[0].equals("nightly")) {
            try (store) {
                TierTally tally = new TierTally();
                JobRun run = tier(store, policy, asOf, tally);
                System.err.printf(Locale.ROOT, "LifecycleRun tier: %,d customers, %,d history rows, %,d events in"
                        + " %.1f s; tiers: %s%n", run.customers(), run.changes(), run.events(), seconds(started),
                        tally);
                if (args[0].equals("nightly")) {
                    JobRun assessed = store.assessmentJob(policy, Clock.systemUTC()).run(asOf);
                    System.err.printf(Locale.ROOT, "LifecycleRun assessment: %,d customers, %,d rows written, %,d"
                            + " events, both jobs in %.1f s%n", assessed.customers(), assessed.changes(),
                            assessed.events(), seconds(started));
                }
            }
        } else {
            analyse(store, policy, asOf, Path.of(args[4]), started);
        }
    }

    /**
     * The nightly tiering job as of a day, as an application runs it ({@code store.tieringJob(policy, clock)},
     * chunks of 1,000 customers), each decision's tier tallied on its way.
     *
     * @return the job's run, complete
     */
    static JobRun tier(JdbcStore store, Policy policy, LocalDate asOf, TierTally tally) {
        return store.tieringJob(policy, Clock.systemUTC(), 1_000,
                decision -> tally.add(decision.customerId().value(), decision.tier())).run(asOf);
    }

    /** The facts the analysis asks for: every group, with the relationship policy's value-added categories. */
    static FactsQuery factsQuery(Policy policy, LocalDate asOf) {
        return FactsQuery.all(policy.header().metricsQuery(asOf),
                policy.find(RelationshipPolicy.class).orElseThrow().valueAddedCategories());
    }

    private static void analyse(JdbcStore opened, Policy policy, LocalDate asOf, Path output, long started)
            throws IOException {
        try (JdbcStore store = opened;
                Writer out = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
            TimedFacts facts = new TimedFacts(store.facts());
            StringBuilder line = new StringBuilder(128);
            CustomerBaseSummary summary = CustomerBaseAnalysis.of(policy, ClvEstimator.of(policy.section(ClvPolicy.class)))
                    .analyse(facts, store.cases(), store.caseEvents(), asOf, customer -> {
                        line.setLength(0);
                        write(line, customer);
                        try {
                            out.append(line);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            System.err.printf(Locale.ROOT, "LifecycleRun analyse: %,d customers in %.1f s (passes over the facts:"
                    + " %s); stages %s, %,d on the early-warning list, %,d win-back%n", summary.customers(),
                    seconds(started), facts.passes(), summary.stageCounts(), summary.highRiskCount(),
                    summary.winBack());
            summary.model().forEach(note -> System.err.println("  model: " + note));
        }
    }

    /** One customer's line: what the analysis decided, without the reasons. */
    static void write(StringBuilder line, CustomerAssessment customer) {
        line.append(customer.customerId().value()).append(',')
                .append(customer.tier().map(tier -> tier.name()).orElse("")).append(',')
                .append(customer.lifecycle().lifecycleStage().name().toLowerCase(Locale.ROOT)).append(',')
                .append(customer.lifecycle().churnRisk().value().toPlainString()).append(',')
                .append(customer.relationship().level().map(Object::toString).orElse("")).append(',')
                .append(customer.relationship().relationshipType()).append(',')
                .append(customer.rfm().map(score -> score.code()).orElse("")).append(',')
                .append(customer.abc().abcClass()).append(',');
        Optional<ValueEstimate> value = customer.value();
        line.append(value.map(estimate -> estimate.probabilityAlive().toPlainString()).orElse("")).append(',')
                .append(value.map(estimate -> estimate.lifetimeValue().toPlainString()).orElse("")).append('\n');
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A facts source that times each pass over the whole base. */
    private static final class TimedFacts implements CustomerFactsSource {
        private final CustomerFactsSource facts;
        private final List<String> passes = new ArrayList<>();

        TimedFacts(CustomerFactsSource facts) {
            this.facts = Objects.requireNonNull(facts, "facts");
        }

        @Override
        public Optional<CustomerFacts> find(CustomerId customerId, FactsQuery query) {
            return facts.find(customerId, query);
        }

        @Override
        public void forEach(FactsQuery query, Consumer<? super CustomerFacts> action) {
            long started = System.nanoTime();
            facts.forEach(query, action);
            passes.add(String.format(Locale.ROOT, "%.1f s", seconds(started)));
        }

        String passes() {
            return String.join(", ", passes);
        }
    }
}

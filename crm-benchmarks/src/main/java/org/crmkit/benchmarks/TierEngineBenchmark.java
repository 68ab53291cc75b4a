package org.crmkit.benchmarks;

import org.crmkit.rules.tiering.TieringPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The standard policy's tier rules decided for {@value #CUSTOMERS} pre-built metrics snapshots
 * ({@link TierSnapshots}, seed {@value #SEED}), all contestants in the same run:
 * <ul>
 *   <li>{@link TierEngine}: the tier only, the whole decision kept, and every decision's reasons
 *       rendered;</li>
 *   <li>the engine's former tree-walking evaluation ({@link TreeWalkingTiers}): the tier only and
 *       the reasons;</li>
 *   <li>the same four rules hand-written as an if/else chain ({@link HandWrittenTiers});</li>
 *   <li>the same four rules in Drools ({@link DroolsTiers}), without and with an explanation per
 *       decision, in stateless executions of {@link DroolsRules#batch} facts each.</li>
 * </ul>
 * One invocation decides all the snapshots; every tier and explanation goes to a
 * {@link Blackhole}. The heap is fixed at 2 GB so that no contestant's time depends on how the
 * heap happens to grow, and five warm-up iterations give Drools, whose invocations take longest,
 * a few dozen of them to settle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class TierEngineBenchmark {
    /** How many snapshots one invocation decides. */
    static final int CUSTOMERS = 100_000;
    /** The generator's seed. */
    static final long SEED = 20_261_207L;

    private CustomerMetrics[] snapshots;
    private List<CustomerMetrics> snapshotList;
    private TierEngine engine;
    private TreeWalkingTiers treeWalking;

    /** The Drools rules, in their own state so that only the Drools methods run once per batch size. */
    @State(Scope.Benchmark)
    public static class DroolsRules {
        /** Facts per stateless execution: about a thousand, or all of them in one session. */
        @Param({"1000", "100000"})
        int batch;
        DroolsTiers drools;
        DroolsTiers droolsExplained;

        /** Compiles the DRL files once per run. */
        @Setup(Level.Trial)
        public void setUp() {
            drools = DroolsTiers.load(DroolsTiers.TIERS);
            droolsExplained = DroolsTiers.load(DroolsTiers.EXPLAINED);
        }
    }

    /** Generates the snapshots and compiles the engine once per run. */
    @Setup(Level.Trial)
    public void setUp() {
        setUp(CUSTOMERS);
    }

    /**
     * The set-up with a batch of another size, for tests.
     *
     * @param customers the number of snapshots
     */
    void setUp(int customers) {
        Policy policy = PolicyLoader.standard();
        snapshotList = TierSnapshots.generate(customers, SEED);
        snapshots = snapshotList.toArray(CustomerMetrics[]::new);
        engine = TierEngine.of(policy.header(), policy.section(TieringPolicy.class));
        treeWalking = new TreeWalkingTiers(policy.section(TieringPolicy.class).rules(), policy.header().ref());
    }

    /**
     * crmkit's engine, tier only.
     *
     * @param sink consumes every tier
     */
    @Benchmark
    public void crmkitTier(Blackhole sink) {
        for (CustomerMetrics metrics : snapshots) {
            sink.consume(engine.evaluate(metrics).tier());
        }
    }

    /**
     * crmkit's engine, the whole decision kept, as a caller that stores or passes it on does: the
     * decision cannot be optimised away.
     *
     * @param sink consumes every decision
     */
    @Benchmark
    public void crmkitDecision(Blackhole sink) {
        for (CustomerMetrics metrics : snapshots) {
            sink.consume(engine.evaluate(metrics));
        }
    }

    /**
     * crmkit's engine, every decision's reasons rendered.
     *
     * @param sink consumes every tier and its reasons
     */
    @Benchmark
    public void crmkitReasons(Blackhole sink) {
        for (CustomerMetrics metrics : snapshots) {
            TierDecision decision = engine.evaluate(metrics);
            sink.consume(decision.tier());
            sink.consume(decision.reasons());
        }
    }

    /**
     * The engine's former tree-walking evaluation, tier only.
     *
     * @param sink consumes every tier
     */
    @Benchmark
    public void treeWalkingTier(Blackhole sink) {
        for (CustomerMetrics metrics : snapshots) {
            sink.consume(treeWalking.evaluate(metrics).tier());
        }
    }

    /**
     * The engine's former tree-walking evaluation, every decision's reasons rendered.
     *
     * @param sink consumes every tier and its reasons
     */
    @Benchmark
    public void treeWalkingReasons(Blackhole sink) {
        for (CustomerMetrics metrics : snapshots) {
            TierDecision decision = treeWalking.evaluate(metrics);
            sink.consume(decision.tier());
            sink.consume(decision.reasons());
        }
    }

    /**
     * The four rules as a hand-written if/else chain.
     *
     * @param sink consumes every tier
     */
    @Benchmark
    public void handWritten(Blackhole sink) {
        for (CustomerMetrics metrics : snapshots) {
            sink.consume(HandWrittenTiers.tier(metrics));
        }
    }

    /**
     * The four rules in Drools, tier only.
     *
     * @param rules the compiled rules and the batch size
     * @param sink consumes every tier
     */
    @Benchmark
    public void drools(DroolsRules rules, Blackhole sink) {
        for (DroolsCustomer customer : rules.drools.decide(snapshotList, rules.batch)) {
            sink.consume(customer.tierName());
        }
    }

    /**
     * The four rules in Drools, each decision with the explanation of the rule that decided it.
     *
     * @param rules the compiled rules and the batch size
     * @param sink consumes every tier and its explanation
     */
    @Benchmark
    public void droolsExplained(DroolsRules rules, Blackhole sink) {
        for (DroolsCustomer customer : rules.droolsExplained.decide(snapshotList, rules.batch)) {
            sink.consume(customer.tierName());
            sink.consume(customer.reason());
        }
    }

    /** @return the snapshots, in the order they are decided */
    List<CustomerMetrics> snapshots() {
        return snapshotList;
    }

    /** @return the engine */
    TierEngine engine() {
        return engine;
    }

    /** @return the former evaluation */
    TreeWalkingTiers treeWalking() {
        return treeWalking;
    }
}

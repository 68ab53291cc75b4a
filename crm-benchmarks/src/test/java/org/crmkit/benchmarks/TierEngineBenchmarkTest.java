package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.tiering.TierDecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Every contestant of the benchmark decides the same tiers, on exactly the snapshots it measures. */
class TierEngineBenchmarkTest {
    private static final int CUSTOMERS = 10_000;
    private static final TierEngineBenchmark BENCHMARK = new TierEngineBenchmark();
    private static final TierEngineBenchmark.DroolsRules RULES = new TierEngineBenchmark.DroolsRules();
    private static List<CustomerMetrics> snapshots;
    private static List<DroolsCustomer> drools;
    private static List<DroolsCustomer> droolsInOneSession;
    private static List<DroolsCustomer> droolsExplained;

    @BeforeAll
    static void decideOnce() {
        BENCHMARK.setUp(CUSTOMERS);
        RULES.setUp();
        RULES.batch = 1_000;
        snapshots = BENCHMARK.snapshots();
        drools = RULES.drools.decide(snapshots, RULES.batch);
        droolsInOneSession = RULES.drools.decide(snapshots, CUSTOMERS);
        droolsExplained = RULES.droolsExplained.decide(snapshots, RULES.batch);
    }

    @Test
    void theBatchIsTheFirstSnapshotsOfTheMeasuredOne() {
        assertThat(snapshots).hasSize(CUSTOMERS)
                .isEqualTo(TierSnapshots.generate(TierEngineBenchmark.CUSTOMERS, TierEngineBenchmark.SEED)
                        .subList(0, CUSTOMERS));
    }

    @Test
    void handWrittenRulesAndDroolsDecideTheEnginesTierForEverySnapshot() {
        for (int i = 0; i < snapshots.size(); i++) {
            CustomerMetrics metrics = snapshots.get(i);
            Optional<Tier> tier = BENCHMARK.engine().evaluate(metrics).tier();

            assertThat(HandWrittenTiers.tier(metrics)).as("hand-written, %s", metrics).isEqualTo(tier);
            assertThat(drools.get(i).tier()).as("Drools, %s", metrics).isEqualTo(tier);
            assertThat(droolsInOneSession.get(i).tier()).as("Drools in one session, %s", metrics).isEqualTo(tier);
            assertThat(droolsExplained.get(i).tier()).as("Drools explained, %s", metrics).isEqualTo(tier);
        }
    }

    @Test
    void droolsExplainsEachDecisionAsTheEnginesDecidingReason() {
        for (int i = 0; i < snapshots.size(); i++) {
            List<String> reasons = BENCHMARK.engine().evaluate(snapshots.get(i)).reasons();

            assertThat(droolsExplained.get(i).reason()).isEqualTo(reasons.get(reasons.size() - 1));
        }
    }

    @Test
    void theFormerTreeWalkingEvaluationDecidesAndExplainsAsTheEngine() {
        for (CustomerMetrics metrics : snapshots) {
            TierDecision before = BENCHMARK.treeWalking().evaluate(metrics);
            TierDecision now = BENCHMARK.engine().evaluate(metrics);

            assertThat(now).isEqualTo(before);
            assertThat(now.reasons()).isEqualTo(before.reasons());
        }
    }

    @Test
    void theSnapshotsFallIntoThePlansShares() {
        Map<String, Long> tiers = TierSnapshots.generate(TierEngineBenchmark.CUSTOMERS, TierEngineBenchmark.SEED)
                .stream().collect(Collectors.groupingBy(metrics -> HandWrittenTiers.tier(metrics).map(Tier::name)
                        .orElse("none"), Collectors.counting()));

        assertThat(tiers.get("core")).isBetween(9_500L, 10_500L);
        assertThat(tiers.get("important")).isBetween(29_000L, 31_000L);
        assertThat(tiers.get("basic")).isBetween(39_000L, 41_000L);
        assertThat(tiers.get("potential")).isBetween(16_000L, 18_000L);
        assertThat(tiers.get("none")).isBetween(2_500L, 3_500L);
        assertThat(snapshots).filteredOn(metrics -> metrics.spend().amount().signum() > 0
                && metrics.spend().amount().compareTo(new java.math.BigDecimal("100000")) >= 0
                && metrics.activeQuarters() < 3).isNotEmpty();
    }

    @Test
    void everyBenchmarkMethodRuns() {
        Blackhole sink = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        BENCHMARK.crmkitTier(sink);
        BENCHMARK.crmkitDecision(sink);
        BENCHMARK.crmkitReasons(sink);
        BENCHMARK.treeWalkingTier(sink);
        BENCHMARK.treeWalkingReasons(sink);
        BENCHMARK.handWritten(sink);
        BENCHMARK.drools(RULES, sink);
        BENCHMARK.droolsExplained(RULES, sink);
        sink.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }
}

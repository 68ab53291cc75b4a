package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.model.Tier;
import org.crmkit.examples.SyntheticCustomerBase.Settings;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierDistribution;
import org.crmkit.rules.tiering.TierRunSummary;
import org.crmkit.rules.tiering.TieringService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator's calibration: under the standard policy, 10,000 generated customers land near
 * the plan's expected shares. A real check of the model, since nothing in it forces the shares.
 */
class StandardPolicyCalibrationTest {
    private static final BigDecimal TOLERANCE = new BigDecimal("0.10");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {Settings.DEFAULT_SEED, 1L, 987_654_321L})
    void everyTierIsWithinTenPointsOfItsExpectedShare(long seed) {
        List<TierDecision> decisions = new ArrayList<>();
        TierRunSummary summary = tier(Settings.defaults().withSeed(seed), decisions);
        TierDistribution distribution = summary.distribution();

        assertThat(distribution.total()).isEqualTo(10_000);
        for (TierDistribution.Row row : distribution.rows()) {
            if (row.expectedShare().isPresent()) {
                assertThat(row.share().subtract(row.expectedShare().get()).abs())
                        .as("share of %s against %s", row.tier(), row.expectedShare().get())
                        .isLessThanOrEqualTo(TOLERANCE);
            } else {
                assertThat(row.share()).as("share without a tier").isBetween(new BigDecimal("0.005"),
                        new BigDecimal("0.05"));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {Settings.DEFAULT_SEED, 1L, 987_654_321L})
    void someBigSpendersMissCoreForLackOfStableCooperation(long seed) {
        List<TierDecision> decisions = new ArrayList<>();
        tier(Settings.defaults().withSeed(seed), decisions);

        // The demo explains one of these: spend of 100k or more, but purchases in two quarters only.
        assertThat(decisions).filteredOn(decision -> decision.tier().equals(Optional.of(Tier.of("important")))
                        && decision.metrics().activeQuarters() == 2
                        && decision.metrics().spend().amount().compareTo(new BigDecimal("100000")) >= 0)
                .hasSizeGreaterThan(20);
    }

    private static TierRunSummary tier(Settings settings, List<TierDecision> decisions) {
        Policy policy = PolicyLoader.standard();
        InMemoryStore store = InMemoryStore.create();
        SyntheticCustomerBase.generate(settings).loadInto(store, settings.asOf());
        LocalDate asOf = settings.asOf();
        TieringService service = TieringService.of(policy, store, new RecordingEventPublisher(),
                Clock.fixed(asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        return service.evaluateAll(asOf, decisions::add);
    }
}

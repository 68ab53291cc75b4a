package org.crmkit.rules.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

class TierDistributionTest {
    private static final TieringPolicy STANDARD = PolicyLoader.standard().section(TieringPolicy.class);
    private static final Optional<Tier> CORE = Optional.of(Tier.of("core"));
    private static final Optional<Tier> BASIC = Optional.of(Tier.of("basic"));

    @Test
    void countsAndSharesEveryTierNextToTheExpectedShare() {
        TierDistribution distribution = TierDistribution.of(STANDARD,
                List.of(CORE, BASIC, BASIC, Optional.empty(), BASIC, BASIC, CORE, BASIC));

        assertThat(distribution.total()).isEqualTo(8);
        assertThat(distribution.rows()).extracting(row -> row.tier().map(Tier::name).orElse("none"),
                TierDistribution.Row::count, row -> row.share().toPlainString(),
                row -> row.expectedShare().map(BigDecimal::toPlainString).orElse("-"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("core", 2L, "0.2500", "0.10"),
                        org.assertj.core.groups.Tuple.tuple("important", 0L, "0.0000", "0.30"),
                        org.assertj.core.groups.Tuple.tuple("basic", 5L, "0.6250", "0.40"),
                        org.assertj.core.groups.Tuple.tuple("potential", 0L, "0.0000", "0.20"),
                        org.assertj.core.groups.Tuple.tuple("none", 1L, "0.1250", "-"));
    }

    @Test
    void roundsSharesHalfEvenToHundredthsOfAPercent() {
        TierDistribution distribution = TierDistribution.of(STANDARD, List.of(CORE, BASIC, BASIC));

        assertThat(distribution.share(CORE)).isEqualByComparingTo("0.3333");
        assertThat(distribution.share(BASIC)).isEqualByComparingTo("0.6667");
    }

    @Test
    void hasZeroSharesWhenNobodyWasCounted() {
        assertThat(TierDistribution.of(STANDARD, List.of()).share(CORE)).isEqualByComparingTo("0");
    }

    @Test
    void rejectsATierThePolicyDoesNotHave() {
        assertThatThrownBy(() -> TierDistribution.of(STANDARD, List.of(Optional.of(Tier.of("gold")))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown tier 'gold', expected one of [core, important, basic, potential]");
    }
}

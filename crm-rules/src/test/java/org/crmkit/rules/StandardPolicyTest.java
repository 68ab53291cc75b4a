package org.crmkit.rules;

import org.crmkit.rules.tiering.TieringPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.policy.EvaluationWindow;
import org.crmkit.rules.tiering.TierRule;
import org.junit.jupiter.api.Test;

/** The built-in policy says what the README documents. */
class StandardPolicyTest {
    private final Policy standard = PolicyLoader.standard();

    @Test
    void identifiesItselfAndItsDefaults() {
        assertThat(standard.ref().toString()).isEqualTo("standard@2026.1");
        assertThat(standard.header().effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(standard.header().currency().getCurrencyCode()).isEqualTo("CNY");
        assertThat(standard.header().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(standard.header().window()).isEqualTo(EvaluationWindow.trailingYear());
        assertThat(standard.source().name()).isEqualTo("standard-policy.yaml (built-in)");
    }

    @Test
    void definesThePlansFourTiersWithTheirThresholds() {
        assertThat(standard.section(TieringPolicy.class).rules()).extracting(TierRule::name, rule -> rule.when().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("core", "all[spend >= 100000, active_quarters >= 3]"),
                        org.assertj.core.groups.Tuple.tuple("important", "spend >= 30000"),
                        org.assertj.core.groups.Tuple.tuple("basic", "spend > 0"),
                        org.assertj.core.groups.Tuple.tuple("potential", "all[spend = 0, inquiries >= 1]"));
        assertThat(standard.section(TieringPolicy.class).expectedShares()).containsExactly(
                org.assertj.core.api.Assertions.entry(Tier.of("core"), new java.math.BigDecimal("0.10")),
                org.assertj.core.api.Assertions.entry(Tier.of("important"), new java.math.BigDecimal("0.30")),
                org.assertj.core.api.Assertions.entry(Tier.of("basic"), new java.math.BigDecimal("0.40")),
                org.assertj.core.api.Assertions.entry(Tier.of("potential"), new java.math.BigDecimal("0.20")));
        assertThat(standard.section(TieringPolicy.class).demotionGrace()).isEmpty();
    }

    @Test
    void readsBackFromItsOwnTextAsTheSamePolicy() {
        Policy copy = PolicyDocuments.load(PolicyLoader.standardText(), "copy.yaml");

        assertThat(copy.header()).isEqualTo(standard.header());
        assertThat(copy.section(TieringPolicy.class)).isEqualTo(standard.section(TieringPolicy.class));
    }

    @Test
    void pointsLintAndErrorsAtItsLines() {
        assertThat(standard.source().line("tiers[0].when.all[0].spend.gte")).isPresent();
        assertThat(standard.source().line("no.such.path")).isEmpty();
    }
}

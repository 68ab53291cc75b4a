package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.crmkit.rules.MinimalPolicy;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClvPolicyTest {
    @Test
    void anAbsentSectionOrFieldMeansTheStandardValue() {
        Policy none = MinimalPolicy.with("");
        Policy some = MinimalPolicy.with("clv: {model: pareto_nbd, time_unit: days, horizon: 365}\n");

        assertThat(none.section(ClvPolicy.class)).isEqualTo(ClvPolicy.standard());
        assertThat(PolicyLoader.standard().section(ClvPolicy.class)).isEqualTo(ClvPolicy.standard());
        assertThat(some.section(ClvPolicy.class)).isEqualTo(new ClvPolicy(PurchaseModelKind.PARETO_NBD, ClvTimeUnit.DAYS, 365,
                new BigDecimal("0.10"), 100));
        assertThat(ClvPolicy.standard().describe()).isEqualTo("bgnbd, 52 weeks, annual discount rate 0.10");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "STRUCTURE | clv: {model: mbgnbd}           | acme.yaml:9: clv.model: unknown model 'mbgnbd', expected one of"
                + " bgnbd, pareto_nbd",
        "STRUCTURE | clv: {time_unit: months}       | acme.yaml:9: clv.time_unit: unknown time unit 'months', expected"
                + " one of days, weeks",
        "STRUCTURE | clv: {horizon: 0}              | acme.yaml:9: clv.horizon: must be at least 1, was 0",
        "STRUCTURE | clv: {min_customers: 0}        | acme.yaml:9: clv.min_customers: must be at least 1, was 0",
        "STRUCTURE | clv: {annual_discount_rate: -0.1} | acme.yaml:9: clv.annual_discount_rate: must not be negative,"
                + " was -0.1",
        "STRUCTURE | clv: {discount: 0.1}           | acme.yaml:9: clv.discount: unknown field, expected one of model,"
                + " time_unit, horizon, annual_discount_rate, min_customers",
    })
    void rejectsBadSettingsWithALocatedMessage(PolicyDocuments.Broken broken, String line, String expected) {
        MinimalPolicy.assertRejected(line + "\n", broken, expected);
    }
}

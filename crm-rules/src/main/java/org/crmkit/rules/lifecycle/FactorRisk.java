package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One factor's part of a churn risk. Immutable and thread-safe.
 *
 * @param factor the factor; not null
 * @param input what the factor read, e.g. the P(alive) or the recency ratio, if it applied; not null
 * @param risk the factor's risk, 0 to 1, if it applied; not null
 * @param weight its weight in the policy; not null
 * @param note why the factor did not apply, or what its input means; not null
 */
public record FactorRisk(ChurnFactor factor, Optional<BigDecimal> input, Optional<BigDecimal> risk,
        BigDecimal weight, String note) {

    /** Checks the invariants. */
    public FactorRisk {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(note, "note");
    }

    /** @return whether the factor counted: it applied and weighs something */
    public boolean counted() {
        return risk.isPresent() && weight.signum() > 0;
    }

    /** @return e.g. {@code "recency 2.50: risk 0.75, weight 0.25 (days since the last purchase / own mean gap)"} */
    public String explain() {
        if (risk.isEmpty()) {
            return factor.key() + ": not counted, " + note;
        }
        return factor.key() + " " + input.map(BigDecimal::toPlainString).orElse("-") + ": risk "
                + risk.get().toPlainString() + ", weight " + weight.toPlainString() + " (" + note + ")";
    }
}

package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * How the churn risk is computed: a weighted mean of the {@link ChurnFactor factors} that apply
 * to a customer, and the risk from which a customer is on the high-risk list. Immutable and
 * thread-safe.
 *
 * @param weights the weight of each factor, zero or more, at least one above zero; factors not
 *     named weigh nothing; not null
 * @param highRisk the risk from which a customer is high-risk, 0 to 1; not null
 * @param recencyFullRiskRatio the recency ratio at which the recency risk is full; more than 1; not null
 */
public record ChurnRiskPolicy(Map<ChurnFactor, BigDecimal> weights, BigDecimal highRisk,
        BigDecimal recencyFullRiskRatio) {

    /** Checks the invariants and copies the map. */
    public ChurnRiskPolicy {
        Map<ChurnFactor, BigDecimal> copy = new EnumMap<>(ChurnFactor.class);
        copy.putAll(Objects.requireNonNull(weights, "weights"));
        Objects.requireNonNull(highRisk, "highRisk");
        Objects.requireNonNull(recencyFullRiskRatio, "recencyFullRiskRatio");
        copy.forEach((factor, weight) -> {
            if (weight.signum() < 0) {
                throw new InvalidValueException("Churn risk weight of " + factor.key() + " must not be negative, was "
                        + weight.toPlainString());
            }
        });
        if (copy.values().stream().allMatch(weight -> weight.signum() == 0)) {
            throw new InvalidValueException("Churn risk needs at least one factor with a weight above zero");
        }
        if (highRisk.signum() < 0 || highRisk.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException("Churn risk high_risk must be between 0 and 1, was "
                    + highRisk.toPlainString());
        }
        if (recencyFullRiskRatio.compareTo(BigDecimal.ONE) <= 0) {
            throw new InvalidValueException("Churn risk recency_full_risk_ratio must be more than 1, was "
                    + recencyFullRiskRatio.toPlainString());
        }
        weights = Collections.unmodifiableMap(copy);
    }

    /**
     * A factor's weight.
     *
     * @param factor the factor; not null
     * @return its weight, zero when not named
     */
    public BigDecimal weight(ChurnFactor factor) {
        return weights.getOrDefault(Objects.requireNonNull(factor, "factor"), BigDecimal.ZERO);
    }
}

package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * A customer's churn risk with the part of every factor. Immutable and thread-safe.
 *
 * @param value the risk, 0 (safe) to 1 (as good as gone), four decimals; not null
 * @param high whether the risk reaches the policy's high-risk threshold
 * @param factors every factor, counted or not, in {@link ChurnFactor} order; not null
 */
public record ChurnRisk(BigDecimal value, boolean high, List<FactorRisk> factors) {

    /** Checks the invariants and copies the list. */
    public ChurnRisk {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException("Churn risk must be between 0 and 1, was " + value.toPlainString());
        }
        factors = List.copyOf(Objects.requireNonNull(factors, "factors"));
    }

    /** @return the reasons for people: the risk, then each factor */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        reasons.add("churn risk " + value.toPlainString() + (high ? " (high)" : ""));
        factors.stream().filter(factor -> factor.weight().signum() > 0).map(FactorRisk::explain).forEach(reasons::add);
        return List.copyOf(reasons);
    }
}

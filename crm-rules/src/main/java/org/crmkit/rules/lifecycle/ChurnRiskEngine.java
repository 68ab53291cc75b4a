package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.Signal;
import org.crmkit.rules.Policy;

/**
 * Computes churn risk: the weighted mean of the risks of the {@link ChurnFactor factors} that
 * apply to the customer. A factor that does not apply (no model fitted, too few purchases or
 * survey answers) drops out and the others share its weight, so missing data never reads as
 * safety or as danger. Pure; immutable and thread-safe.
 */
public final class ChurnRiskEngine {
    private static final int SCALE = 4;
    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal CSAT_RANGE = BigDecimal.valueOf(4);

    private final ChurnRiskPolicy policy;

    private ChurnRiskEngine(ChurnRiskPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Creates the engine of a policy's churn risk settings.
     *
     * @param policy the settings ({@code lifecycle.churn_risk}); not null
     * @return the engine
     */
    public static ChurnRiskEngine of(ChurnRiskPolicy policy) {
        return new ChurnRiskEngine(policy);
    }

    /**
     * Creates the engine of a policy.
     *
     * @param policy a policy with a {@code lifecycle} section; not null
     * @return the engine
     * @throws InvalidValueException if the policy has no lifecycle section
     */
    public static ChurnRiskEngine of(Policy policy) {
        return of(LifecycleEngine.section(policy).churnRisk());
    }

    /**
     * Decides one customer's churn risk.
     *
     * @param signals the customer's signals; not null
     * @return the risk with every factor's part
     */
    public ChurnRisk evaluate(CustomerSignals signals) {
        Objects.requireNonNull(signals, "signals");
        List<FactorRisk> factors = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (ChurnFactor factor : ChurnFactor.values()) {
            FactorRisk part = factor(factor, signals);
            factors.add(part);
            if (part.counted()) {
                weighted = weighted.add(part.risk().orElseThrow().multiply(part.weight()));
                weights = weights.add(part.weight());
            }
        }
        BigDecimal value = weights.signum() == 0 ? BigDecimal.ZERO.setScale(SCALE)
                : weighted.divide(weights, MATH).setScale(SCALE, RoundingMode.HALF_EVEN);
        return new ChurnRisk(value, value.compareTo(policy.highRisk()) >= 0, factors);
    }

    private FactorRisk factor(ChurnFactor factor, CustomerSignals signals) {
        BigDecimal weight = policy.weight(factor);
        return switch (factor) {
            case P_ALIVE -> signals.has(Signal.P_ALIVE)
                    ? applied(factor, signals.get(Signal.P_ALIVE), BigDecimal.ONE.subtract(signals.get(Signal.P_ALIVE)),
                            weight, "1 - P(alive)")
                    : notApplied(factor, weight, "no P(alive) from a purchase model");
            case RECENCY -> {
                if (!signals.has(Signal.RECENCY_RATIO)) {
                    yield notApplied(factor, weight, "fewer than two purchase days");
                }
                BigDecimal ratio = signals.get(Signal.RECENCY_RATIO);
                BigDecimal risk = ratio.subtract(BigDecimal.ONE)
                        .divide(policy.recencyFullRiskRatio().subtract(BigDecimal.ONE), MATH);
                yield applied(factor, ratio, risk, weight, "days since the last purchase / own mean gap");
            }
            case SPEND_TREND -> signals.has(Signal.SPEND_TREND)
                    ? applied(factor, signals.get(Signal.SPEND_TREND), signals.get(Signal.SPEND_TREND).negate(), weight,
                            "later half of the window against the earlier")
                    : notApplied(factor, weight, "no purchase yet");
            case COMPLAINTS -> {
                if (!signals.has(Signal.OPEN_BREACHES) || !signals.has(Signal.OPEN_COMPLAINTS)) {
                    yield notApplied(factor, weight, "no service levels known");
                }
                BigDecimal breaches = signals.get(Signal.OPEN_BREACHES);
                BigDecimal open = signals.get(Signal.OPEN_COMPLAINTS);
                BigDecimal risk = breaches.signum() > 0 ? BigDecimal.ONE : open.signum() > 0 ? HALF : BigDecimal.ZERO;
                yield applied(factor, open, risk, weight, "open complaints, " + breaches.toPlainString()
                        + " open breaches");
            }
            case SATISFACTION -> signals.has(Signal.SATISFACTION_CHANGE)
                    ? applied(factor, signals.get(Signal.SATISFACTION_CHANGE),
                            signals.get(Signal.SATISFACTION_CHANGE).negate().divide(CSAT_RANGE, MATH), weight,
                            "change of the latest CSAT")
                    : notApplied(factor, weight, "fewer than two satisfaction answers");
        };
    }

    private static FactorRisk applied(ChurnFactor factor, BigDecimal input, BigDecimal rawRisk, BigDecimal weight,
            String note) {
        BigDecimal risk = rawRisk.max(BigDecimal.ZERO).min(BigDecimal.ONE).setScale(SCALE, RoundingMode.HALF_EVEN);
        return new FactorRisk(factor, Optional.of(input.stripTrailingZeros()), Optional.of(risk), weight, note);
    }

    private static FactorRisk notApplied(ChurnFactor factor, BigDecimal weight, String note) {
        return new FactorRisk(factor, Optional.empty(), Optional.empty(), weight, note);
    }
}

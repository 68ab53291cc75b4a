package org.crmkit.rules.clv;

import java.math.BigDecimal;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * The {@code clv} section of a policy: which purchase model judges customers, in which time unit,
 * and over which horizon and discount rate lifetime value is counted. Immutable and thread-safe.
 *
 * @param model the purchase model; not null
 * @param timeUnit the unit of the summaries, the horizon and the fitted scale parameters; not null
 * @param horizon how many time units ahead lifetime value counts; 1 to {@value CustomerValue#MAX_HORIZON}
 *     (100 years in days, see {@link CustomerValue#MAX_HORIZON})
 * @param annualDiscountRate the yearly rate future purchases are discounted at, e.g. 0.10; zero or more; not null
 * @param minCustomers the fewest customers with a purchase the models are fitted on; with fewer,
 *     the parameters say more about chance than about the customers, so nothing is estimated; at least 1
 */
public record ClvPolicy(PurchaseModelKind model, ClvTimeUnit timeUnit, int horizon, BigDecimal annualDiscountRate,
        int minCustomers) {

    /** The standard {@link #minCustomers()}. */
    public static final int DEFAULT_MIN_CUSTOMERS = 100;

    /** Checks the invariants. */
    public ClvPolicy {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(annualDiscountRate, "annualDiscountRate");
        if (horizon < 1) {
            throw new InvalidValueException("CLV horizon must be at least 1 " + timeUnit.key() + ", was " + horizon);
        }
        if (horizon > CustomerValue.MAX_HORIZON) {
            throw new InvalidValueException("CLV horizon must be at most " + CustomerValue.MAX_HORIZON
                    + " periods (100 years in days), was " + horizon + " " + timeUnit.key());
        }
        if (minCustomers < 1) {
            throw new InvalidValueException("CLV min_customers must be at least 1, was " + minCustomers);
        }
        if (annualDiscountRate.signum() < 0) {
            throw new InvalidValueException("CLV annual discount rate must not be negative, was "
                    + annualDiscountRate.toPlainString());
        }
    }

    /** @return BG/NBD in weeks, a 52-week horizon, a 10% annual discount rate, fitted on 100 customers or more */
    public static ClvPolicy standard() {
        return new ClvPolicy(PurchaseModelKind.BGNBD, ClvTimeUnit.WEEKS, 52, new BigDecimal("0.10"),
                DEFAULT_MIN_CUSTOMERS);
    }

    /** @return e.g. {@code "bgnbd, 52 weeks, annual discount rate 0.10"} */
    public String describe() {
        return model.key() + ", " + horizon + " " + timeUnit.key() + ", annual discount rate "
                + annualDiscountRate.toPlainString();
    }
}

package org.crmkit.cli.output;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.rules.clv.PurchaseSummary;

/**
 * What {@code crm clv} estimated for each customer. Immutable and thread-safe.
 *
 * @param customers the customers, in output order; not null
 * @param model the purchase model's key, e.g. {@code bgnbd}; not null
 * @param currency the currency of the amounts, when known (from orders; a summary file does not
 *     say); not null
 */
public record ClvReport(List<Estimate> customers, String model, Optional<Currency> currency) {
    /** Copies the list. */
    public ClvReport {
        customers = List.copyOf(Objects.requireNonNull(customers, "customers"));
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * One customer's estimates.
     *
     * @param summary the customer's history (x, t<sub>x</sub>, T); not null
     * @param probabilityAlive P(alive) at the end of the calibration period; not null
     * @param expectedPurchases the purchases expected over the horizon; not null
     * @param expectedAverageValue the expected value of a purchase, when spend is known; not null
     * @param lifetimeValue the discounted value over the horizon, when spend is known; not null
     */
    public record Estimate(PurchaseSummary summary, BigDecimal probabilityAlive, BigDecimal expectedPurchases,
            Optional<BigDecimal> expectedAverageValue, Optional<BigDecimal> lifetimeValue) {
        /** Checks the arguments. */
        public Estimate {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(probabilityAlive, "probabilityAlive");
            Objects.requireNonNull(expectedPurchases, "expectedPurchases");
            Objects.requireNonNull(expectedAverageValue, "expectedAverageValue");
            Objects.requireNonNull(lifetimeValue, "lifetimeValue");
        }
    }
}

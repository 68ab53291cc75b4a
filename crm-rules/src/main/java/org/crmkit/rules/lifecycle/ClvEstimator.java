package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Purchase;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.clv.CustomerValue;
import org.crmkit.rules.clv.FittedModel;
import org.crmkit.rules.clv.GammaGammaModel;
import org.crmkit.rules.clv.ModelFitter;
import org.crmkit.rules.clv.PurchaseModel;
import org.crmkit.rules.clv.PurchaseModelKind;
import org.crmkit.rules.clv.PurchaseSummaries;
import org.crmkit.rules.clv.PurchaseSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ValueEstimator} of the policy's {@code clv} section: summarises the purchases up to
 * the as-of day in the section's time unit, fits its purchase model (BG/NBD or Pareto/NBD) and the
 * Gamma-Gamma spend model by maximum likelihood, and gives every customer who bought P(alive),
 * the purchases expected over the horizon, the expected value of a purchase and the discounted
 * lifetime value. When the data cannot support a fit (no repeat purchase at all, say), it says
 * why and estimates nothing; when only the spend model fails, lifetime value falls back to the
 * customer's own mean repeat value, or the mean purchase value of the base. Immutable and thread-safe.
 */
public final class ClvEstimator implements ValueEstimator {
    private static final Logger LOG = LoggerFactory.getLogger(ClvEstimator.class);
    private static final int SCALE = 4;
    /** Three parameters fitted on fewer repeat buyers describe chance, not spending. */
    private static final int MIN_REPEAT_BUYERS = 10;

    private final ClvPolicy policy;

    private ClvEstimator(ClvPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Creates the estimator of a policy's {@code clv} section.
     *
     * @param policy the section; not null
     * @return the estimator
     */
    public static ClvEstimator of(ClvPolicy policy) {
        return new ClvEstimator(policy);
    }

    @Override
    public ValueEstimates estimate(Collection<Purchase> purchases, LocalDate asOf) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(asOf, "asOf");
        List<Purchase> upToDay = purchases.stream().filter(purchase -> !purchase.orderDate().isAfter(asOf)).toList();
        if (upToDay.isEmpty()) {
            return ValueEstimates.none("no purchase model: no purchase up to " + asOf);
        }
        List<PurchaseSummary> summaries = PurchaseSummaries.fromPurchases(upToDay, asOf, policy.timeUnit());
        if (summaries.size() < policy.minCustomers()) {
            return ValueEstimates.none(String.format(Locale.ROOT, "no purchase model: %,d customers with a purchase,"
                    + " fewer than the %,d the policy fits models on (clv.min_customers)", summaries.size(),
                    policy.minCustomers()));
        }
        FittedModel<? extends PurchaseModel> fitted;
        try {
            fitted = ModelFitter.fit(policy.model(), summaries);
        } catch (CrmException e) { // no repeat purchase, or an optimiser that did not converge
            LOG.info("No {} fit as of {}: {}", policy.model().key(), asOf, e.getMessage());
            return ValueEstimates.none("no purchase model: " + policy.model().key() + " cannot be fitted, "
                    + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        notes.add(describe(policy.model().key(), fitted.model().parameters(), fitted)
                + " (" + policy.timeUnit().key() + ", calibration up to " + asOf + ")");
        Optional<GammaGammaModel> spend = spendModel(summaries, notes);
        BigDecimal fallback = meanPurchaseValue(upToDay);
        Map<CustomerId, ValueEstimate> estimates = new HashMap<>();
        PurchaseModel model = fitted.model();
        int horizon = policy.horizon();
        for (PurchaseSummary customer : summaries) {
            BigDecimal pAlive = decimal(model.probabilityAlive(customer));
            BigDecimal expected = decimal(model.conditionalExpectedPurchases(horizon, customer));
            BigDecimal averageValue = spend.map(gammaGamma -> CustomerValue.expectedAverageValue(gammaGamma, customer))
                    .orElseGet(() -> customer.frequency() > 0
                            ? customer.averageRepeatValue().setScale(2, RoundingMode.HALF_EVEN) : fallback);
            BigDecimal lifetimeValue = BigDecimal.valueOf(CustomerValue.discountedExpectedPurchases(model, customer,
                    horizon, policy.annualDiscountRate(), policy.timeUnit()))
                    .multiply(averageValue).setScale(2, RoundingMode.HALF_EVEN);
            boolean byAssumption = policy.model() == PurchaseModelKind.BGNBD && customer.frequency() == 0;
            estimates.put(CustomerId.of(customer.customerKey()), new ValueEstimate(pAlive, expected, averageValue,
                    lifetimeValue, byAssumption));
        }
        notes.add("lifetime value over " + horizon + " " + policy.timeUnit().key() + " at an annual discount rate of "
                + policy.annualDiscountRate().toPlainString());
        return new ValueEstimates(estimates, notes);
    }

    private static Optional<GammaGammaModel> spendModel(List<PurchaseSummary> summaries, List<String> notes) {
        List<PurchaseSummary> paying = PurchaseSummaries.paidRepeatBuyers(summaries);
        if (paying.size() < MIN_REPEAT_BUYERS) {
            notes.add("gamma_gamma not fitted: " + paying.size() + " repeat buyers who paid, fewer than "
                    + MIN_REPEAT_BUYERS + "; each customer's own mean repeat value is used instead");
            return Optional.empty();
        }
        try {
            FittedModel<GammaGammaModel> fitted = ModelFitter.fitGammaGamma(paying);
            if (fitted.model().q() <= 1) {
                notes.add("gamma_gamma fitted with q <= 1 (no finite mean value): each customer's own mean repeat"
                        + " value is used instead");
                return Optional.empty();
            }
            notes.add(describe("gamma_gamma", fitted.model().parameters(), fitted));
            return Optional.of(fitted.model());
        } catch (CrmException e) {
            notes.add("gamma_gamma cannot be fitted (" + e.getMessage() + "): each customer's own mean repeat value"
                    + " is used instead");
            return Optional.empty();
        }
    }

    private static BigDecimal meanPurchaseValue(List<Purchase> purchases) {
        BigDecimal total = purchases.stream().map(purchase -> purchase.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.divide(BigDecimal.valueOf(purchases.size()), 2, RoundingMode.HALF_EVEN);
    }

    private static String describe(String name, Map<String, Double> parameters, FittedModel<?> fitted) {
        String values = parameters.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s=%.4f", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
        String bounds = fitted.parametersAtBound().isEmpty() ? ""
                : "; " + String.join(", ", fitted.parametersAtBound()) + " at the bound of the search range (the data"
                        + " do not pin it down)";
        return String.format(Locale.ROOT, "%s fitted on %,d customers: %s, log-likelihood %.2f%s", name,
                fitted.customers(), values, fitted.logLikelihood(), bounds);
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}

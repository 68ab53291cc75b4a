package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crmkit.core.CrmException;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.clv.CustomerSummaries;
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
 * The {@link ValueEstimator} of the policy's {@code clv} section: summarises each customer's
 * purchase history up to the as-of day in the section's time unit (gathered in bounded memory, by
 * distinct history), fits its purchase model (BG/NBD or Pareto/NBD) and the
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
    public Fitting fitting(LocalDate asOf) {
        return new ClvFitting(Objects.requireNonNull(asOf, "asOf"));
    }

    /**
     * Gathers the customers' summaries once, for the purchase model and (its repeat buyers who paid)
     * the spend model, and the base's mean purchase.
     */
    private final class ClvFitting implements Fitting {
        private final LocalDate asOf;
        private final CustomerSummaries all = CustomerSummaries.create();
        private BigDecimal spend = BigDecimal.ZERO;
        private long orders;

        ClvFitting(LocalDate asOf) {
            this.asOf = asOf;
        }

        @Override
        public void add(CustomerFacts facts) {
            Optional<PurchaseSummary> summary = PurchaseSummaries.fromFacts(facts, policy.timeUnit());
            if (summary.isEmpty()) {
                return;
            }
            all.add(summary.get());
            PurchaseHistoryFacts history = facts.history().orElseThrow();
            spend = spend.add(history.spend().amount());
            orders += history.orders();
        }

        @Override
        public ValueModel fit() {
            if (all.customers() == 0) {
                return ValueModel.none("no purchase model: no purchase up to " + asOf);
            }
            if (all.customers() < policy.minCustomers()) {
                return ValueModel.none(String.format(Locale.ROOT, "no purchase model: %,d customers with a purchase,"
                        + " fewer than the %,d the policy fits models on (clv.min_customers)", all.customers(),
                        policy.minCustomers()));
            }
            FittedModel<? extends PurchaseModel> fitted;
            try {
                fitted = ModelFitter.fit(policy.model(), all);
            } catch (CrmException e) { // no repeat purchase, or an optimiser that did not converge
                LOG.info("No {} fit as of {}: {}", policy.model().key(), asOf, e.getMessage());
                return ValueModel.none("no purchase model: " + policy.model().key() + " cannot be fitted, "
                        + e.getMessage());
            }
            List<String> notes = new ArrayList<>();
            notes.add(describe(policy.model().key(), fitted.model().parameters(), fitted)
                    + " (" + policy.timeUnit().key() + ", calibration up to " + asOf + ")");
            Optional<GammaGammaModel> spendModel = spendModel(all, notes);
            BigDecimal fallback = spend.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_EVEN);
            notes.add("lifetime value over " + policy.horizon() + " " + policy.timeUnit().key()
                    + " at an annual discount rate of " + policy.annualDiscountRate().toPlainString());
            return new ClvModel(fitted.model(), spendModel, fallback, List.copyOf(notes));
        }
    }

    /** The fitted purchase and spend models, judging one customer at a time. */
    private final class ClvModel implements ValueModel {
        private final PurchaseModel model;
        private final Optional<GammaGammaModel> spend;
        private final BigDecimal fallback;
        private final List<String> notes;

        ClvModel(PurchaseModel model, Optional<GammaGammaModel> spend, BigDecimal fallback, List<String> notes) {
            this.model = model;
            this.spend = spend;
            this.fallback = fallback;
            this.notes = notes;
        }

        @Override
        public Optional<ValueEstimate> estimate(CustomerFacts facts) {
            return PurchaseSummaries.fromFacts(facts, policy.timeUnit()).map(this::estimate);
        }

        private ValueEstimate estimate(PurchaseSummary customer) {
            int horizon = policy.horizon();
            BigDecimal pAlive = decimal(model.probabilityAlive(customer));
            BigDecimal expected = decimal(model.conditionalExpectedPurchases(horizon, customer));
            BigDecimal averageValue = spend.map(gammaGamma -> CustomerValue.expectedAverageValue(gammaGamma, customer))
                    .orElseGet(() -> customer.frequency() > 0
                            ? customer.averageRepeatValue().setScale(2, RoundingMode.HALF_EVEN) : fallback);
            BigDecimal lifetimeValue = BigDecimal.valueOf(CustomerValue.discountedExpectedPurchases(model, customer,
                    horizon, policy.annualDiscountRate(), policy.timeUnit()))
                    .multiply(averageValue).setScale(2, RoundingMode.HALF_EVEN);
            boolean byAssumption = policy.model() == PurchaseModelKind.BGNBD && customer.frequency() == 0;
            return new ValueEstimate(pAlive, expected, averageValue, lifetimeValue, byAssumption);
        }

        @Override
        public List<String> notes() {
            return notes;
        }
    }

    private static Optional<GammaGammaModel> spendModel(CustomerSummaries customers, List<String> notes) {
        if (customers.paidRepeatBuyers() < MIN_REPEAT_BUYERS) {
            notes.add("gamma_gamma not fitted: " + customers.paidRepeatBuyers() + " repeat buyers who paid, fewer than "
                    + MIN_REPEAT_BUYERS + "; each customer's own mean repeat value is used instead");
            return Optional.empty();
        }
        try {
            FittedModel<GammaGammaModel> fitted = ModelFitter.fitGammaGammaOnPaidRepeatBuyers(customers);
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

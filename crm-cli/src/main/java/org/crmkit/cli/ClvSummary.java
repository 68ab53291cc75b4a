package org.crmkit.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crmkit.cli.output.ClvFitReport;
import org.crmkit.cli.output.ClvReport;
import org.crmkit.rules.Policy;
import org.crmkit.rules.clv.ClvPolicy;

/**
 * The summaries {@code crm clv} and {@code crm clv fit} print on standard error: what was read,
 * each fit with its log-likelihood, which purchase model is used and why, and for {@code crm clv}
 * the totals. Customers are counted, never named.
 */
final class ClvSummary {
    private ClvSummary() {
    }

    /** The summary of {@code crm clv fit}: the fits, then the choice between the purchase models. */
    static List<String> fitLines(String command, Policy policy, ClvInput input, ClvFitReport report) {
        List<String> lines = fits(command, policy, input, report.fits());
        ClvPolicy clv = policy.section(ClvPolicy.class);
        String chosen = clv.model().key();
        StringBuilder choice = new StringBuilder(command + ": chosen: " + chosen + ", the policy's clv.model (policy "
                + policy.ref() + ")");
        Optional<ClvFitReport.Fit> policyFit = purchaseFit(report, chosen, true);
        Optional<ClvFitReport.Fit> other = purchaseFit(report, chosen, false);
        if (policyFit.isPresent() && other.isPresent()) {
            double difference = policyFit.get().logLikelihood() - other.get().logLikelihood();
            // Both purchase models have four parameters, so the likelihoods compare directly.
            if (difference >= 0) {
                choice.append(String.format(Locale.ROOT, "; it fits these data better than %s (log-likelihood higher"
                        + " by %.2f with as many parameters)", other.get().model(), difference));
            } else {
                choice.append(String.format(Locale.ROOT, "; %s fits these data better (log-likelihood higher by %.2f"
                        + " with as many parameters): set clv.model: %s in the policy to use it", other.get().model(),
                        -difference, other.get().model()));
            }
        }
        lines.add(choice.toString());
        report.fits().stream().filter(fit -> fit.model().equals(ClvModels.SPEND))
                .filter(fit -> fit.parameters().get("q") <= 1)
                .forEach(fit -> lines.add(String.format(Locale.ROOT, "%s: warning: %s has q = %.4f <= 1, no finite"
                        + " mean value per purchase: crm clv cannot value customers without repeat purchases",
                        command, ClvModels.SPEND, fit.parameters().get("q"))));
        return lines;
    }

    /**
     * The summary of {@code crm clv}: the fits, the model used, then the totals.
     *
     * @param horizon the horizon as the totals name it, e.g. {@code 52 weeks}
     */
    static List<String> valueLines(String command, Policy policy, ClvInput input, List<ClvFitReport.Fit> fits,
            Totals report, String horizon, BigDecimal annualDiscountRate) {
        List<String> lines = fits(command, policy, input, fits);
        lines.add(command + ": model " + report.model + ", the policy's clv.model (policy " + policy.ref()
                + "); 'crm clv fit' compares the purchase models");
        long count = report.customers;
        StringBuilder totals = new StringBuilder(String.format(Locale.ROOT, "%s: %,d %s over %s at an annual"
                + " discount rate of %s: mean P(alive) %s, expected purchases %s", command, count,
                count == 1 ? "customer" : "customers", horizon, annualDiscountRate.toPlainString(),
                count == 0 ? "-" : report.alive.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_EVEN)
                        .toPlainString(),
                report.purchases.setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
        if (input.spendKnown()) {
            totals.append(", sum of clv ").append(report.lifetimeValue.toPlainString()).append(' ')
                    .append(report.currency.map(Currency::getCurrencyCode).orElse("(the summary file's currency)"));
        }
        if (!input.spendKnown()) {
            totals.append("; expected_average_value and clv are null without spend");
        }
        lines.add(totals.toString());
        return lines;
    }

    /**
     * The totals of {@code crm clv}'s estimates, summed exactly as they are written, one customer
     * at a time. Not thread-safe.
     */
    static final class Totals {
        private final String model;
        private final Optional<Currency> currency;
        private long customers;
        private BigDecimal alive = BigDecimal.ZERO;
        private BigDecimal purchases = BigDecimal.ZERO;
        private BigDecimal lifetimeValue = BigDecimal.ZERO.setScale(2);

        /**
         * @param model the purchase model's key, e.g. {@code bgnbd}
         * @param currency the currency of the amounts, when known
         */
        Totals(String model, Optional<Currency> currency) {
            this.model = model;
            this.currency = currency;
        }

        /** Counts a customer's estimate. */
        void add(ClvReport.Estimate customer) {
            customers++;
            alive = alive.add(customer.probabilityAlive());
            purchases = purchases.add(customer.expectedPurchases());
            customer.lifetimeValue().ifPresent(value -> lifetimeValue = lifetimeValue.add(value));
        }
    }

    /** What was read, a warning about few customers, and each fit. */
    private static List<String> fits(String command, Policy policy, ClvInput input, List<ClvFitReport.Fit> fits) {
        List<String> lines = new ArrayList<>();
        lines.add(command + ": " + input.source());
        int minimum = policy.section(ClvPolicy.class).minCustomers();
        if (input.count() < minimum) {
            lines.add(String.format(Locale.ROOT, "%s: warning: %,d customers, fewer than the policy's"
                    + " clv.min_customers (%,d), below which crm lifecycle fits no model: the parameters may say"
                    + " more about chance than about the customers", command, input.count(), minimum));
        }
        for (ClvFitReport.Fit fit : fits) {
            String parameters = fit.parameters().entrySet().stream()
                    .map(entry -> String.format(Locale.ROOT, "%s=%.4f", entry.getKey(), entry.getValue()))
                    .collect(Collectors.joining(", "));
            boolean spend = fit.model().equals(ClvModels.SPEND);
            lines.add(String.format(Locale.ROOT, "%s: %s fitted on %,d %s: %s; log-likelihood %.2f%s", command,
                    fit.model(), fit.customers(), spend ? "repeat customers" : "customers", parameters,
                    fit.logLikelihood(), fit.parametersAtBound().isEmpty() ? ""
                            : "; " + String.join(", ", fit.parametersAtBound())
                                    + " at the bound of the search range (the data do not pin it down)"));
        }
        long unpaid = input.unpaidRepeaters();
        if (input.spendKnown() && unpaid > 0) {
            lines.add(String.format(Locale.ROOT, "%s: %s: %,d repeat %s whose repeat purchases are worth 0 left out of"
                    + " the spend fit (the model needs values above 0)", command, ClvModels.SPEND, unpaid,
                    unpaid == 1 ? "customer" : "customers"));
        }
        if (!input.spendKnown()) {
            lines.add(command + ": no " + ClvModels.SPEND + ": spend is unknown");
        }
        return lines;
    }

    private static Optional<ClvFitReport.Fit> purchaseFit(ClvFitReport report, String chosen, boolean isChosen) {
        return report.fits().stream()
                .filter(fit -> !fit.model().equals(ClvModels.SPEND) && fit.model().equals(chosen) == isChosen)
                .findFirst();
    }
}

package org.crmkit.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crmkit.cli.output.ClvFitReport;
import org.crmkit.cli.output.ClvReport;
import org.crmkit.cli.output.Reports;
import org.crmkit.cli.output.RowWriter;
import org.crmkit.rules.Policy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.CustomerValue;
import org.crmkit.rules.clv.FittedModel;
import org.crmkit.rules.clv.GammaGammaModel;
import org.crmkit.rules.clv.PurchaseModel;
import org.crmkit.rules.clv.PurchaseModelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crm clv}: every customer's P(alive), expected purchases and lifetime value under the
 * policy's purchase model and the Gamma-Gamma spend model, fitted on the customers given; with
 * the subcommand {@code fit}, the fitted models themselves. Reads and validates all input first,
 * then fits, then computes and writes each customer's values as they come: bad input gives no output
 * at all. From {@code --orders} it streams: each customer's history is summed up as the orders go
 * by ({@link org.crmkit.cli.csv.CsvFactsSource}), the fits gather the distinct histories, and the
 * customers are walked again for their values, so ten million orders never sit in a list.
 */
@Command(name = "clv",
        header = "Estimates every customer's P(alive), expected purchases and lifetime value from a purchase model.",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        customSynopsis = {
            "crm clv (--summary=FILE",
            "         | --orders=FILE [--customers=FILE] [--calibration-end=DATE])",
            "        [--time-unit=UNIT] [--horizon=N] [--discount-rate=R] [--as-of=DATE]",
            "        [--policy=FILE] [--format=FORMAT] [-hV]",
            "   or: crm clv fit [OPTIONS], see 'crm clv fit --help'"},
        description = {
            "Fits the policy's purchase model (clv.model: bgnbd or pareto_nbd) and, when spend is known, the"
                    + " gamma_gamma spend model on the customers given, and prints one JSON object per customer:"
                    + " customer_id, p_alive (the probability that the customer is still alive at the end of the"
                    + " calibration period), expected_purchases (over the horizon), expected_average_value (of a"
                    + " purchase) and clv (the purchases expected in each period of the horizon times the expected"
                    + " value, discounted at the annual rate), then frequency, recency and T (the customer's repeat"
                    + " purchases, time from the first to the last purchase and from the first purchase to the"
                    + " calibration end, in the time unit), model and currency (null for a summary file).",
            "p_alive and expected_purchases have four decimals, amounts two; without spend (a summary file"
                    + " without zbar or monetary_value) expected_average_value and clv are null. Customers come in"
                    + " the summary file's order, or by customer_id from orders.",
            "With --format csv: the same fields as columns.",
            "Standard error gets a summary: what was read, the fits with their log-likelihoods, the model used and"
                    + " the totals (mean P(alive), expected purchases, sum of clv).",
            "",
            "The models are fitted on every customer given, however few: the minimum of the policy"
                    + " (clv.min_customers) applies to 'crm lifecycle' only, and a smaller base gets a warning."
                    + " Data the models cannot be fitted on (no repeat purchase, say) is bad input (exit status 2)."
                    + " Repeat customers whose repeat purchases are worth 0 are left out of the spend fit."},
        subcommands = ClvCommand.Fit.class,
        sortOptions = false)
final class ClvCommand implements Callable<Integer> {
    static final String HORIZON = "--horizon";
    /** Decimals of p_alive and expected_purchases, as {@code crm lifecycle} prints P(alive). */
    private static final int SCALE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ClvCommand.class);

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Mixin
    ClvInputOptions input;

    @Option(names = HORIZON, paramLabel = "N",
            description = "How many time units ahead to count purchases and value, for example 52 (weeks); at"
                    + " most " + CustomerValue.MAX_HORIZON + " (100 years in days). Default: the policy's"
                    + " clv.horizon, converted to the --time-unit.")
    Optional<Integer> horizon = Optional.empty();

    @Option(names = "--discount-rate", paramLabel = "R", converter = DiscountRateConverter.class,
            description = "The annual rate future purchases are discounted at, for example 0.10 for 10%% a year; 0"
                    + " for none. Default: the policy's clv.annual_discount_rate.")
    Optional<BigDecimal> discountRate = Optional.empty();

    @Mixin
    PolicyOption policy;

    @Mixin
    OutputFormatOption format;

    ClvCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() {
        if (horizon.isPresent() && horizon.get() < 1) {
            throw new ParameterException(spec.commandLine(), HORIZON + " must be at least 1, was " + horizon.get());
        }
        if (horizon.isPresent() && horizon.get() > CustomerValue.MAX_HORIZON) {
            throw new ParameterException(spec.commandLine(), HORIZON + " must be at most " + CustomerValue.MAX_HORIZON
                    + " (100 years in days), was " + horizon.get());
        }
        Policy loaded = policy.load();
        ClvPolicy clv = loaded.section(ClvPolicy.class);
        BigDecimal rate = discountRate.orElse(clv.annualDiscountRate());
        ClvInput data = input.read(spec, loaded, clock);
        int periods = horizon.orElseGet(() -> policyHorizon(clv, data.timeUnit()));
        if (periods > CustomerValue.MAX_HORIZON) {
            // Only a policy horizon converted to a finer --time-unit gets here: 6,000 weeks are 42,000 days.
            throw new ParameterException(spec.commandLine(), "the policy's clv.horizon, " + clv.horizon() + " "
                    + clv.timeUnit().key() + ", is " + periods + " " + data.timeUnit().key() + ", more than the "
                    + CustomerValue.MAX_HORIZON + " (100 years in days) lifetime value is counted over; give a"
                    + " shorter " + HORIZON);
        }
        String horizonText = periods + " " + data.timeUnit().key();
        if (horizon.isEmpty() && clv.timeUnit() != data.timeUnit()) {
            horizonText += " (the policy's clv.horizon, " + clv.horizon() + " " + clv.timeUnit().key() + ")";
        }
        LOG.debug("read {} customers", data.count());

        FittedModel<? extends PurchaseModel> fitted = ClvModels.purchase(clv.model(), data.all());
        Optional<FittedModel<GammaGammaModel>> spend = data.spendKnown() ? Optional.of(ClvModels.spend(data))
                : Optional.empty();
        PurchaseModel model = fitted.model();
        List<ClvFitReport.Fit> fits = new ArrayList<>(List.of(ClvModels.line(fitted, true)));
        spend.ifPresent(gammaGamma -> fits.add(ClvModels.spendLine(gammaGamma)));

        // Each customer's values written as they are computed; only the totals are kept, for the summary.
        ClvSummary.Totals totals = new ClvSummary.Totals(model.name(), data.currency());
        RowWriter<ClvReport.Estimate> writer = format.get().writer(Reports.clv(model.name(), data.currency()));
        StandardOutput.Streamed<ClvReport.Estimate> out = StandardOutput.streamed(spec, writer);
        data.customers().forEach(customer -> {
            ClvReport.Estimate estimate = new ClvReport.Estimate(customer, decimal(model.probabilityAlive(customer)),
                    decimal(model.conditionalExpectedPurchases(periods, customer)),
                    spend.map(gammaGamma -> CustomerValue.expectedAverageValue(gammaGamma.model(), customer)),
                    spend.map(gammaGamma -> CustomerValue.clv(model, gammaGamma.model(), customer, periods, rate,
                            data.timeUnit())));
            totals.add(estimate);
            out.accept(estimate);
        });
        out.finish();
        StandardOutput.summary(spec, ClvSummary.valueLines(spec.qualifiedName(), loaded, data, fits, totals,
                horizonText, rate));
        return ExitCodes.OK;
    }

    /**
     * The policy's horizon in the data's time unit, which {@code --time-unit} may have made another
     * than the policy's: 52 weeks are 364 days, 365 days 52 weeks; whole units, at least one.
     */
    static int policyHorizon(ClvPolicy clv, ClvTimeUnit unit) {
        double converted = clv.horizon() * unit.periodsPerYear() / clv.timeUnit().periodsPerYear();
        return (int) Math.max(1, Math.round(converted));
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** {@code crm clv fit}: both purchase models and the spend model, with their log-likelihoods. */
    @Command(name = "fit",
            header = "Fits the purchase models (BG/NBD, Pareto/NBD) and the Gamma-Gamma spend model, with their"
                    + " log-likelihoods.",
            mixinStandardHelpOptions = true,
            versionProvider = CrmVersion.class,
            customSynopsis = {
                "crm clv fit (--summary=FILE",
                "             | --orders=FILE [--customers=FILE] [--calibration-end=DATE])",
                "            [--time-unit=UNIT] [--as-of=DATE] [--policy=FILE]",
                "            [--format=FORMAT] [-hV]"},
            description = {
                "Fits both purchase models by maximum likelihood, and the spend model when spend is known (orders,"
                        + " or a summary file with zbar or monetary_value), and prints one JSON object per model:"
                        + " bgnbd (r, alpha, a, b), pareto_nbd (r, alpha, s, beta) and gamma_gamma (p, q, gamma),"
                        + " each with model, its parameters by their names in the literature, log_likelihood,"
                        + " customers (fitted on: gamma_gamma on the repeat customers who spent more than 0),"
                        + " time_unit (of alpha and beta), chosen (true for the models 'crm clv' uses: the"
                        + " policy's clv.model and gamma_gamma) and calibration_end (null for a summary file).",
                "Parameters and log-likelihoods are written with the full precision of the fit. The purchase"
                        + " models have four parameters each, so the higher log-likelihood is the better fit.",
                "With --format csv: one row per model under a header naming every parameter of every model, empty"
                        + " where a parameter belongs to another model.",
                "Standard error gets a summary: what was read, the fits, and which model the policy chooses and"
                        + " whether it fits better."},
            sortOptions = false)
    static final class Fit implements Callable<Integer> {
        private final Clock clock;

        @Spec
        CommandSpec spec;

        @Mixin
        ClvInputOptions input;

        @Mixin
        PolicyOption policy;

        @Mixin
        OutputFormatOption format;

        Fit(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        @Override
        public Integer call() {
            Policy loaded = policy.load();
            ClvInput data = input.read(spec, loaded, clock);
            List<ClvFitReport.Fit> fits = new ArrayList<>();
            for (PurchaseModelKind kind : PurchaseModelKind.values()) {
                fits.add(ClvModels.line(ClvModels.purchase(kind, data.all()), kind == loaded.section(ClvPolicy.class).model()));
            }
            if (data.spendKnown()) {
                fits.add(ClvModels.spendLine(ClvModels.spend(data)));
            }
            ClvFitReport report = new ClvFitReport(fits, data.timeUnit(), data.calibrationEnd());

            StandardOutput.print(spec, out -> format.get().writer(Reports.clvFit(report)).write(report.fits(), out));
            StandardOutput.summary(spec, ClvSummary.fitLines(spec.qualifiedName(), loaded, data, report));
            return ExitCodes.OK;
        }
    }
}

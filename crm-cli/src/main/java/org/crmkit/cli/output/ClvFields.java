package org.crmkit.cli.output;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.crmkit.rules.clv.ClvTimeUnit;

/**
 * The reports of {@code crm clv} (one line per customer) and {@code crm clv fit} (one line per
 * model), the fields FORMATS.md requires first, then the extras. Parameters, log-likelihoods,
 * recency and age are written with the full precision of their {@code double} (the shortest
 * decimal that reads back as the same number), never in exponent notation; amounts have two
 * decimals; absent values are null (JSON null, an empty CSV cell).
 */
final class ClvFields {
    /**
     * The parameters' columns of {@code crm clv fit} as CSV: BG/NBD's, then Pareto/NBD's (r and
     * alpha are shared), then Gamma-Gamma's. A JSON line has its own model's only.
     */
    private static final List<String> PARAMETERS = List.of("r", "alpha", "a", "b", "s", "beta", "p", "q", "gamma");

    private ClvFields() {
    }

    /**
     * @param model the purchase model's key
     * @param currency the currency of the amounts, when known
     * @return the report of customers' lifetime values
     */
    static Report<ClvReport.Estimate> report(String model, Optional<Currency> currency) {
        String code = currency.map(Currency::getCurrencyCode).orElse(null);
        return Report.of(Columns.<ClvReport.Estimate>builder()
                .text("customer_id", customer -> customer.summary().customerKey())
                .number("p_alive", ClvReport.Estimate::probabilityAlive)
                .number("expected_purchases", ClvReport.Estimate::expectedPurchases)
                .number("expected_average_value", customer -> customer.expectedAverageValue().orElse(null))
                .number("clv", customer -> customer.lifetimeValue().orElse(null))
                .integer("frequency", customer -> customer.summary().frequency())
                .number("recency", customer -> decimal(customer.summary().recency()))
                .number("T", customer -> decimal(customer.summary().age()))
                .text("model", customer -> model)
                .text("currency", customer -> code)
                .build());
    }

    /**
     * @param timeUnit the unit of the data's times
     * @param calibrationEnd the last day of the calibration period, when known
     * @return the report of fitted models
     */
    static Report<ClvFitReport.Fit> fitReport(ClvTimeUnit timeUnit, Optional<LocalDate> calibrationEnd) {
        String end = calibrationEnd.map(LocalDate::toString).orElse(null);
        return Report.of(Columns.<ClvFitReport.Fit>builder()
                .text("model", ClvFitReport.Fit::model)
                .numbers(ClvFitReport.Fit::parameters, PARAMETERS)
                .number("log_likelihood", fit -> decimal(fit.logLikelihood()))
                .integer("customers", ClvFitReport.Fit::customers)
                .text("time_unit", fit -> timeUnit.key())
                .flag("chosen", ClvFitReport.Fit::chosen)
                .text("calibration_end", fit -> end)
                .build());
    }

    /** The shortest decimal that reads back as the same double, as a plain number. */
    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }
}

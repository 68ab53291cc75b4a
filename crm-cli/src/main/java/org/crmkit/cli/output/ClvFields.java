package org.crmkit.cli.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.rules.clv.PurchaseSummary;
import org.jspecify.annotations.Nullable;

/**
 * The fields and values of the {@code crm clv} and {@code crm clv fit} outputs, shared by JSON
 * Lines and CSV: those FORMATS.md requires first, then the extras. Parameters, log-likelihoods,
 * recency and age are written with the full precision of their {@code double} (the shortest
 * decimal that reads back as the same number), never in exponent notation; amounts have two
 * decimals; absent values are null (JSON null, an empty CSV cell).
 */
final class ClvFields {
    static final String CUSTOMER_ID = "customer_id";
    static final String P_ALIVE = "p_alive";
    static final String EXPECTED_PURCHASES = "expected_purchases";
    static final String EXPECTED_AVERAGE_VALUE = "expected_average_value";
    static final String CLV = "clv";
    static final String FREQUENCY = "frequency";
    static final String RECENCY = "recency";
    static final String AGE = "T";
    static final String MODEL = "model";
    static final String CURRENCY = "currency";
    static final String LOG_LIKELIHOOD = "log_likelihood";
    static final String CUSTOMERS = "customers";
    static final String TIME_UNIT = "time_unit";
    static final String CHOSEN = "chosen";
    static final String CALIBRATION_END = "calibration_end";

    /** The fields of {@code crm clv}, in output order. */
    static final List<String> FIELDS = List.of(CUSTOMER_ID, P_ALIVE, EXPECTED_PURCHASES, EXPECTED_AVERAGE_VALUE, CLV,
            FREQUENCY, RECENCY, AGE, MODEL, CURRENCY);

    /**
     * The columns of {@code crm clv fit} as CSV: every model's parameters, BG/NBD's, then
     * Pareto/NBD's (r and alpha are shared), then Gamma-Gamma's. A JSON line has its own model's only.
     */
    static final List<String> FIT_FIELDS = List.of(MODEL, "r", "alpha", "a", "b", "s", "beta", "p", "q", "gamma",
            LOG_LIKELIHOOD, CUSTOMERS, TIME_UNIT, CHOSEN, CALIBRATION_END);

    private ClvFields() {
    }

    /**
     * Writes each customer's row to a sink.
     *
     * @param sink the rows' sink; closed with the records
     * @param model the purchase model's key
     * @param currency the currency of the amounts, when known
     * @return the records
     */
    static ClvWriter.Records records(FlatRows.Sink sink, String model, Optional<Currency> currency) {
        String code = currency.map(Currency::getCurrencyCode).orElse(null);
        return new ClvWriter.Records() {
            @Override
            public void write(ClvReport.Estimate customer) throws IOException {
                sink.row(row(customer, model, code));
            }

            @Override
            public void close() throws IOException {
                sink.close();
            }
        };
    }

    /** @return a customer's row */
    private static Map<String, @Nullable Object> row(ClvReport.Estimate customer, String model,
            @Nullable String currency) {
        PurchaseSummary summary = customer.summary();
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put(CUSTOMER_ID, summary.customerKey());
        row.put(P_ALIVE, customer.probabilityAlive());
        row.put(EXPECTED_PURCHASES, customer.expectedPurchases());
        row.put(EXPECTED_AVERAGE_VALUE, customer.expectedAverageValue().orElse(null));
        row.put(CLV, customer.lifetimeValue().orElse(null));
        row.put(FREQUENCY, summary.frequency());
        row.put(RECENCY, decimal(summary.recency()));
        row.put(AGE, decimal(summary.age()));
        row.put(MODEL, model);
        row.put(CURRENCY, currency);
        return row;
    }

    /** @return one row per model, in the report's order */
    static List<Map<String, @Nullable Object>> rows(ClvFitReport report) {
        String calibrationEnd = report.calibrationEnd().map(LocalDate::toString).orElse(null);
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(report.fits().size());
        for (ClvFitReport.Fit fit : report.fits()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put(MODEL, fit.model());
            fit.parameters().forEach((name, value) -> row.put(name, decimal(value)));
            row.put(LOG_LIKELIHOOD, decimal(fit.logLikelihood()));
            row.put(CUSTOMERS, fit.customers());
            row.put(TIME_UNIT, report.timeUnit().key());
            row.put(CHOSEN, fit.chosen());
            row.put(CALIBRATION_END, calibrationEnd);
            rows.add(row);
        }
        return rows;
    }

    /** The shortest decimal that reads back as the same double, as a plain number. */
    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }
}

package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crmkit.rules.clv.BgNbdModel;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.CustomerValue;
import org.crmkit.rules.clv.ParetoNbdModel;
import org.crmkit.rules.clv.PurchaseModel;
import org.crmkit.rules.clv.PurchaseSummary;
import org.crmkit.rules.io.clv.PurchaseSummaryCsv;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lifetime value's discounted expected purchases ({@link CustomerValue#discountedExpectedPurchases})
 * of all 2,357 customers of the CDNOW sample in days (the summary's times and the published
 * estimates' alpha and beta times 7) at an annual discount rate of 10%, under BG/NBD and
 * Pareto/NBD, over one year (364 days), ten years (3,650) and the longest horizon
 * ({@value CustomerValue#MAX_HORIZON}); and, as the anchor, the per-period evaluation the library
 * used before ({@link PerPeriodClv}) over one year, where it still finishes in seconds.
 *
 * <p>The CDNOW summary is read as in {@link ClvFitBenchmark}: {@code -p cdnowFile=PATH}, or the
 * CDNOW data set's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class ClvValueBenchmark {
    /** The published CDNOW BG/NBD estimates, alpha in days. */
    static final BgNbdModel BG_NBD_DAYS = BgNbdModel.of(0.2426, 4.4135 * 7, 0.7929, 2.4258);
    /** The published CDNOW Pareto/NBD estimates, alpha and beta in days. */
    static final ParetoNbdModel PARETO_NBD_DAYS = ParetoNbdModel.of(0.5533, 10.5776 * 7, 0.6062, 11.6679 * 7);
    static final BigDecimal RATE = new BigDecimal("0.10");

    /** The customers in days, and the model. */
    @State(Scope.Benchmark)
    public static class Customers {
        /** The summary file; empty for the CDNOW data set's. */
        @Param("")
        public String cdnowFile;

        /** {@code bgnbd} or {@code pareto_nbd}. */
        @Param({"bgnbd", "pareto_nbd"})
        public String model;

        List<PurchaseSummary> customers;
        PurchaseModel purchases;

        /** Reads the file once per run. */
        @Setup(Level.Trial)
        public void read() {
            customers = inDays(PurchaseSummaryCsv.readCsv(cdnowFile.isEmpty() ? ClvFitBenchmark.defaultFile()
                    : Path.of(cdnowFile), ClvTimeUnit.WEEKS));
            purchases = model(model);
        }
    }

    /** The horizons of the walk. */
    @State(Scope.Benchmark)
    public static class Horizon {
        /** In days. */
        @Param({"364", "3650", "36525"})
        public int days;
    }

    static List<PurchaseSummary> inDays(List<PurchaseSummary> inWeeks) {
        return inWeeks.stream().map(customer -> PurchaseSummary.of(customer.customerKey(), customer.frequency(),
                customer.recency() * 7, customer.age() * 7)).toList();
    }

    static PurchaseModel model(String key) {
        return switch (key) {
            case "bgnbd" -> BG_NBD_DAYS;
            case "pareto_nbd" -> PARETO_NBD_DAYS;
            default -> throw new IllegalArgumentException("model must be bgnbd or pareto_nbd, was '" + key + "'");
        };
    }

    /**
     * Every customer's discounted expected purchases, as the library computes them.
     *
     * @param state the customers and the model
     * @param horizon the horizon
     * @return their sum
     */
    @Benchmark
    public double walk(Customers state, Horizon horizon) {
        double sum = 0;
        for (PurchaseSummary customer : state.customers) {
            sum += CustomerValue.discountedExpectedPurchases(state.purchases, customer, horizon.days, RATE,
                    ClvTimeUnit.DAYS);
        }
        return sum;
    }

    /**
     * Every customer's discounted expected purchases over 364 days, each period evaluated afresh.
     *
     * @param state the customers and the model
     * @return their sum
     */
    @Benchmark
    public double perPeriodOneYear(Customers state) {
        double sum = 0;
        for (PurchaseSummary customer : state.customers) {
            sum += PerPeriodClv.discountedExpectedPurchases(state.purchases, customer, 364, RATE, ClvTimeUnit.DAYS);
        }
        return sum;
    }
}

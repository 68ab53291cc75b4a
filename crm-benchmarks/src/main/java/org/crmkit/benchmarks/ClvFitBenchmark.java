package org.crmkit.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crmkit.rules.clv.BgNbdModel;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.FittedModel;
import org.crmkit.rules.clv.ModelFitter;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BG/NBD maximum-likelihood fit ({@link ModelFitter#fitBgNbd}) on the 2,357 customers of the
 * CDNOW sample and on {@value #MILLION} customers simulated by {@link BgNbdCustomers} from the
 * CDNOW estimates (seed {@value #SEED}). Each invocation fits from scratch, grouping included.
 *
 * <p>The CDNOW summary is read from {@code -p cdnowFile=PATH}; by default from
 * {@code crm-rules/src/test/resources/cdnow/cdnow_customers_summary.csv} under the system property
 * {@code crmkit.root.dir}, or under the working directory when it is not set (right when run from
 * the repository root). The
 * tear-downs print the fitted parameters and the number of distinct histories.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ClvFitBenchmark {
    /** The size of the simulated base. */
    static final int MILLION = 1_000_000;
    /** The simulator's seed. */
    static final long SEED = 20_051_997L;
    /** The process simulated: the published CDNOW BG/NBD estimates, weeks. */
    static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

    /** The CDNOW sample's summaries. */
    @State(Scope.Benchmark)
    public static class Cdnow {
        /** The summary file; empty for the CDNOW data set's. */
        @Param("")
        public String cdnowFile;

        List<PurchaseSummary> customers;
        FittedModel<BgNbdModel> last;

        /** Reads the file once per run. */
        @Setup(Level.Trial)
        public void read() {
            customers = PurchaseSummaryCsv.readCsv(cdnowFile.isEmpty() ? defaultFile() : Path.of(cdnowFile),
                    ClvTimeUnit.WEEKS);
        }

        /** Prints the last fit. */
        @TearDown(Level.Trial)
        public void report() {
            if (last != null) {
                System.out.printf("%nClvFitBenchmark CDNOW: %,d customers, %s%n", customers.size(), last);
            }
        }
    }

    /** The simulated base. */
    @State(Scope.Benchmark)
    public static class Simulated {
        List<PurchaseSummary> customers;
        FittedModel<BgNbdModel> last;

        /** Simulates the base once per run. */
        @Setup(Level.Trial)
        public void generate() {
            customers = BgNbdCustomers.generate(MILLION, SEED, CDNOW);
        }

        /** Prints the last fit and how many distinct histories the base holds. */
        @TearDown(Level.Trial)
        public void report() {
            if (last != null) {
                long distinct = customers.stream().map(customer -> List.of(customer.frequency(), customer.recency(),
                        customer.age())).distinct().count();
                System.out.printf("%nClvFitBenchmark simulated: %,d customers, %,d distinct (x, t_x, T), %s%n",
                        customers.size(), distinct, last);
            }
        }
    }

    static Path defaultFile() {
        return Path.of(System.getProperty("crmkit.root.dir", "."), "crm-rules", "src", "test", "resources", "cdnow",
                "cdnow_customers_summary.csv");
    }

    /**
     * Fits BG/NBD to the CDNOW sample.
     *
     * @param state the customers
     * @return the fit
     */
    @Benchmark
    public FittedModel<BgNbdModel> fitCdnow(Cdnow state) {
        state.last = ModelFitter.fitBgNbd(state.customers);
        return state.last;
    }

    /**
     * Fits BG/NBD to the simulated million.
     *
     * @param state the customers
     * @return the fit
     */
    @Benchmark
    public FittedModel<BgNbdModel> fitMillion(Simulated state) {
        state.last = ModelFitter.fitBgNbd(state.customers);
        return state.last;
    }
}

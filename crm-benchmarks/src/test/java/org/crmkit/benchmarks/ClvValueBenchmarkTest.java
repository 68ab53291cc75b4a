package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.CustomerValue;
import org.crmkit.rules.clv.PurchaseModel;
import org.crmkit.rules.clv.PurchaseSummary;
import org.crmkit.rules.io.clv.PurchaseSummaryCsv;
import org.junit.jupiter.api.Test;

/** The benchmark's two computations give the same values on its inputs. */
class ClvValueBenchmarkTest {

    @Test
    void theWalkAndThePerPeriodAnchorAgreeOnTheCdnowCustomers() {
        List<PurchaseSummary> customers = ClvValueBenchmark.inDays(PurchaseSummaryCsv.readCsv(
                ClvFitBenchmark.defaultFile(), ClvTimeUnit.WEEKS));

        assertThat(customers).hasSize(2357);
        for (String key : List.of("bgnbd", "pareto_nbd")) {
            PurchaseModel model = ClvValueBenchmark.model(key);
            for (PurchaseSummary customer : customers.subList(0, 50)) {
                double anchor = PerPeriodClv.discountedExpectedPurchases(model, customer, 364, ClvValueBenchmark.RATE,
                        ClvTimeUnit.DAYS);
                double walked = CustomerValue.discountedExpectedPurchases(model, customer, 364, ClvValueBenchmark.RATE,
                        ClvTimeUnit.DAYS);

                assertThat(walked).as("%s %s", key, customer).isCloseTo(anchor, withPercentage(1e-7));
            }
        }
    }
}

package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodExpectationsTest {
    private static final ParetoNbdModel PARETO_NBD_DAYS = ParetoNbdModel.of(0.5533, 10.5776 * 7, 0.6062, 11.6679 * 7);

    @Test
    void paretoNbdPeriodsAreTheClosedFormToAFewUnitsInTheLastPlace() {
        List<PurchaseSummary> customers = List.of(PurchaseSummary.of("today", 0, 0, 0),
                PurchaseSummary.of("one purchase", 0, 0, 272), PurchaseSummary.of("regular", 4, 200, 272),
                PurchaseSummary.of("heavy buyer", 1000, 270, 272));
        // s = 1 takes the Taylor branch of the closed form; s = 3 makes the exponent large early.
        List<ParetoNbdModel> models = List.of(PARETO_NBD_DAYS, ParetoNbdModel.of(0.5533, 74.0, 1, 81.7),
                ParetoNbdModel.of(0.5533, 74.0, 3, 81.7));
        for (ParetoNbdModel model : models) {
            for (PurchaseSummary customer : customers) {
                PeriodExpectations walk = PeriodExpectations.of(model, customer);
                for (int period = 1; period <= CustomerValue.MAX_HORIZON; period++) {
                    double expected = model.conditionalExpectedPurchases(period, customer);

                    assertThat(walk.at(period)).as("%s %s at %d", model, customer, period)
                            .isCloseTo(expected, within(1e-14 * expected));
                }
            }
        }
    }

    @Test
    void aCustomerWhoIsSurelyGoneExpectsNothingInEveryPeriod() {
        BgNbdModel model = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4258);
        PurchaseSummary gone = PurchaseSummary.of("gone", 1000, 1, 1000);

        assertThat(model.probabilityAlive(gone)).isZero();
        PeriodExpectations walk = PeriodExpectations.of(model, gone);
        assertThat(walk.at(1)).isZero();
        assertThat(walk.at(CustomerValue.MAX_HORIZON)).isZero();
    }
}

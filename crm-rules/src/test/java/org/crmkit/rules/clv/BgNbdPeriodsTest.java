package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The BG/NBD expectations of {@link BgNbdPeriods}, walked period by period as
 * {@link CustomerValue} walks them, against the paper's equation (10) evaluated with mpmath 1.3.0
 * at 60 digits ({@code hyp2f1}; at a = 1 with a + 1e-40), every value also checked by integrating
 * over the drop-out probability ({@code mpmath.quad}) to 19 digits or more.
 */
class BgNbdPeriodsTest {

    @ParameterizedTest(name = "{0} at t = {8}")
    @CsvSource(delimiter = '|', value = {
        // label               | r         | alpha     | a         | b       | x    | t_x    | T      | t     | E[Y(t)]
        "CDNOW in days         | 0.2426    | 30.8945   | 0.7929    | 2.4258  | 2    | 213.01 | 272.02 | 1     | 0.0053750076902881807231",
        "CDNOW in days         | 0.2426    | 30.8945   | 0.7929    | 2.4258  | 2    | 213.01 | 272.02 | 364   | 1.5585840056700349086",
        "CDNOW in days         | 0.2426    | 30.8945   | 0.7929    | 2.4258  | 2    | 213.01 | 272.02 | 3650  | 7.3300604387753303388",
        "CDNOW in days         | 0.2426    | 30.8945   | 0.7929    | 2.4258  | 2    | 213.01 | 272.02 | 36525 | 19.742670964897457942",
        "a customer of today   | 0.2426    | 30.8945   | 0.7929    | 2.4258  | 0    | 0      | 0      | 1     | 0.0078140232689216442454",
        "a customer of today   | 0.2426    | 30.8945   | 0.7929    | 2.4258  | 0    | 0      | 0      | 36525 | 12.151008456285794304",
        "1,000 purchases       | 0.2426    | 30.8945   | 0.7929    | 2.4258  | 1000 | 270    | 272.02 | 1     | 2.0127463402334425903",
        "1,000 purchases       | 0.2426    | 30.8945   | 0.7929    | 2.4258  | 1000 | 270    | 272.02 | 36525 | 5025.4299314694121251",
        "a = 1                 | 0.5       | 10        | 1         | 3       | 3    | 20     | 30     | 1     | 0.056096718286791217331",
        "a = 1                 | 0.5       | 10        | 1         | 3       | 3    | 20     | 30     | 100   | 3.4124939442408790861",
        "a = 1                 | 0.5       | 10        | 1         | 3       | 3    | 20     | 30     | 36525 | 24.102536888879977501",
        "r far above a + b     | 50        | 10        | 0.6       | 0.5     | 0    | 0      | 10     | 1     | 1.4832231296892357138",
        "r far above a + b     | 50        | 10        | 0.6       | 0.5     | 0    | 0      | 10     | 1000  | 30.355789809856964351",
        // The per-period series cancels here and its value is off by 1e-8; the walk is not.
        "series cancels        | 0.0403863 | 0.0408296 | 0.0143339 | 2052.10 | 0    | 0      | 0      | 1     | 0.98905536631252017735",
        "series cancels        | 0.0403863 | 0.0408296 | 0.0143339 | 2052.10 | 0    | 0      | 0      | 100   | 98.347251895827656096",
    })
    void walkingThePeriodsGivesTheExpectationToThirteenDigits(String label, double r, double alpha, double a,
            double b, int frequency, double recency, double age, int t, String expected) {
        PeriodExpectations walk = PeriodExpectations.of(BgNbdModel.of(r, alpha, a, b),
                PurchaseSummary.of("c", frequency, recency, age));

        double value = 0;
        for (int period = 1; period <= t; period++) {
            value = walk.at(period);
        }

        assertThat(value).isCloseTo(Double.parseDouble(expected), withinPercentage(1e-11));
    }
}

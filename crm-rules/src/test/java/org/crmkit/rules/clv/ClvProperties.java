package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The invariants of the customer-base models over wide ranges of parameters and customers. */
class ClvProperties {

    /** A customer: x, t_x and T. */
    record Customer(int frequency, double recency, double age) {
    }

    /** Parameters from 1e-4 to 1e4, the fitters' whole search box, log-uniformly. */
    @Provide
    Arbitrary<Double> parameter() {
        return Arbitraries.doubles().between(-4, 4).map(exponent -> Math.pow(10, exponent))
                .edgeCases(edges -> edges.add(1.0));
    }

    /** Parameters of everyday size: where the counts' distribution has most of its mass below a few thousand. */
    @Provide
    Arbitrary<Double> moderate() {
        return Arbitraries.doubles().between(0.2, 5);
    }

    @Provide
    Arbitrary<Customer> customers() {
        Arbitrary<Double> age = Arbitraries.doubles().between(0, 1000)
                .edgeCases(edges -> edges.add(0.0).add(1000.0));
        Arbitrary<Integer> frequency = Arbitraries.integers().between(0, 1000)
                .edgeCases(edges -> edges.add(0).add(1).add(1000));
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 1).edgeCases(edges -> edges.add(1.0).add(1e-9));
        return Combinators.combine(frequency, age, share).as((x, t, fraction) -> {
            if (x == 0 || t == 0) {
                return new Customer(0, 0, t);
            }
            return new Customer(x, Math.max(Math.min(t, 1e-9), fraction * t), t);
        });
    }

    @Property(tries = 400)
    void probabilityAliveIsAProbabilityUnderBothModels(@ForAll("parameter") double r, @ForAll("parameter") double alpha,
            @ForAll("parameter") double a, @ForAll("parameter") double b, @ForAll("customers") Customer customer) {
        BgNbdModel bgNbd = BgNbdModel.of(r, alpha, a, b);
        ParetoNbdModel paretoNbd = ParetoNbdModel.of(r, alpha, a, b);

        assertThat(bgNbd.probabilityAlive(customer.frequency(), customer.recency(), customer.age())).isBetween(0.0, 1.0);
        assertThat(paretoNbd.probabilityAlive(customer.frequency(), customer.recency(), customer.age())).isBetween(0.0, 1.0);
    }

    @Property(tries = 200)
    void underBgNbdACustomerWithoutRepeatPurchasesIsAlive(@ForAll("parameter") double r,
            @ForAll("parameter") double alpha, @ForAll("parameter") double a, @ForAll("parameter") double b,
            @ForAll("customers") Customer customer) {
        assertThat(BgNbdModel.of(r, alpha, a, b).probabilityAlive(0, 0, customer.age())).isEqualTo(1.0);
    }

    @Property(tries = 400)
    void likelihoodsAreFiniteEvenForAThousandPurchases(@ForAll("parameter") double r, @ForAll("parameter") double alpha,
            @ForAll("parameter") double a, @ForAll("parameter") double b, @ForAll("customers") Customer customer) {
        double bgNbd = BgNbdModel.of(r, alpha, a, b).logLikelihood(customer.frequency(), customer.recency(),
                customer.age());
        double paretoNbd = ParetoNbdModel.of(r, alpha, a, b).logLikelihood(customer.frequency(), customer.recency(),
                customer.age());

        assertThat(bgNbd).isFinite();
        assertThat(paretoNbd).isFinite();
    }

    @Property(tries = 300)
    void moreRepeatPurchasesUpToTheEndMeanMoreExpectedPurchases(@ForAll("parameter") double r,
            @ForAll("parameter") double alpha, @ForAll("parameter") double a, @ForAll("parameter") double b,
            @ForAll @IntRange(min = 1, max = 999) int x, @ForAll("moderate") double age, @ForAll("moderate") double t) {
        // At t_x = T a customer is as alive as can be; more purchases then mean a higher rate.
        for (PurchaseModel model : new PurchaseModel[] {BgNbdModel.of(r, alpha, a, b), ParetoNbdModel.of(r, alpha, a, b)}) {
            double fewer = model.conditionalExpectedPurchases(t * 10, x, age * 10, age * 10);
            double more = model.conditionalExpectedPurchases(t * 10, x + 1, age * 10, age * 10);

            assertThat(more).as(model.toString()).isGreaterThanOrEqualTo(fewer * (1 - 1e-12));
        }
    }

    @Property(tries = 200)
    void expectationsAreFiniteAndNonNegativeEverywhere(@ForAll("parameter") double r, @ForAll("parameter") double alpha,
            @ForAll("parameter") double a, @ForAll("parameter") double b, @ForAll("customers") Customer customer,
            @ForAll("parameter") double t) {
        for (PurchaseModel model : new PurchaseModel[] {BgNbdModel.of(r, alpha, a, b), ParetoNbdModel.of(r, alpha, a, b)}) {
            double expected = model.conditionalExpectedPurchases(t, customer.frequency(), customer.recency(),
                    customer.age());

            assertThat(expected).as(model.toString()).isFinite().isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 60)
    void theCountsDistributionSumsToOneWithTheExpectationAsMean(@ForAll("moderate") double r,
            @ForAll("moderate") double alpha, @ForAll("moderate") double a, @ForAll("moderate") double b,
            @ForAll("moderate") double t) {
        // b > 1 under BG/NBD keeps E[X(t)]'s tail light enough for 400 terms.
        for (PurchaseModel model : new PurchaseModel[] {BgNbdModel.of(r, alpha, a, b + 1),
                ParetoNbdModel.of(r, alpha, a, b)}) {
            if (model.expectedPurchases(t) > 15) {
                continue; // 400 terms would cut off too much of so heavy a tail to compare sums to 1e-6
            }
            double[] counts = Counts.totalAndMean(model, t, 400);

            assertThat(counts[0]).as(model.toString()).isCloseTo(1, within(1e-6));
            // The mean weighs the cut-off tail by n: compared to 0.01%, still far below any formula error.
            assertThat(counts[1]).as(model.toString()).isCloseTo(model.expectedPurchases(t), withPercentage(1e-2));
        }
    }

    @Property(tries = 100)
    void clvIsNeverNegativeAndNeverFallsAsTheHorizonGrows(@ForAll("moderate") double r, @ForAll("moderate") double alpha,
            @ForAll("moderate") double a, @ForAll("moderate") double b, @ForAll("customers") Customer customer,
            @ForAll @IntRange(min = 0, max = 60) int horizon, @ForAll @IntRange(min = 0, max = 30) int ratePercent) {
        GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
        PurchaseSummary summary = new PurchaseSummary("c", customer.frequency(), customer.recency(), customer.age(),
                customer.frequency() == 0 ? BigDecimal.ZERO : new BigDecimal("25.00"));
        BigDecimal rate = BigDecimal.valueOf(ratePercent, 2);

        for (PurchaseModel model : new PurchaseModel[] {BgNbdModel.of(r, alpha, a, b), ParetoNbdModel.of(r, alpha, a, b)}) {
            BigDecimal shorter = CustomerValue.clv(model, spend, summary, horizon, rate, ClvTimeUnit.WEEKS);
            BigDecimal longer = CustomerValue.clv(model, spend, summary, horizon + 1, rate, ClvTimeUnit.WEEKS);

            assertThat(shorter.signum()).isNotNegative();
            assertThat(longer).isGreaterThanOrEqualTo(shorter);
        }
    }
}

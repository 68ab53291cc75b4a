package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.math.BigDecimal;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;

/** The invariants of the customer-base models over wide ranges of parameters and customers. */
class ClvProperties {

    /** A customer: x, t_x and T. */
    record Customer(int frequency, double recency, double age) {
    }

    /** The four model parameters, each drawn on its own: bundled where a property has more than five inputs. */
    record Parameters(double r, double alpha, double a, double b) {
    }

    /** Parameters from 1e-4 to 1e4, the fitters' whole search box, log-uniformly. */
    static Gen<Double> parameter() {
        return Gens.doubles(-4, 4, 2).map(exponent -> Math.pow(10, exponent)).withEdgeCases(1.0);
    }

    /** Parameters of everyday size: where the counts' distribution has most of its mass below a few thousand. */
    static Gen<Double> moderate() {
        return Gens.doubles(0.2, 5, 2);
    }

    /** r, alpha, a and b, each from {@code each}. */
    static Gen<Parameters> parameters(Gen<Double> each) {
        return source -> new Parameters(each.generate(source), each.generate(source), each.generate(source),
                each.generate(source));
    }

    static Gen<Customer> customers() {
        Gen<Double> age = Gens.doubles(0, 1000, 2).withEdgeCases(0.0, 1000.0);
        Gen<Integer> frequency = Gens.integers(0, 1000).withEdgeCases(0, 1, 1000);
        Gen<Double> share = Gens.doubles(0, 1, 2).withEdgeCases(1.0, 1e-9);
        return source -> {
            int x = frequency.generate(source);
            double t = age.generate(source);
            double fraction = share.generate(source);
            if (x == 0 || t == 0) {
                return new Customer(0, 0, t);
            }
            return new Customer(x, Math.max(Math.min(t, 1e-9), fraction * t), t);
        };
    }

    @Test
    void probabilityAliveIsAProbabilityUnderBothModels() {
        Property.forAll(parameter(), parameter(), parameter(), parameter(), customers()).tries(400)
                .check((r, alpha, a, b, customer) -> {
                    BgNbdModel bgNbd = BgNbdModel.of(r, alpha, a, b);
                    ParetoNbdModel paretoNbd = ParetoNbdModel.of(r, alpha, a, b);

                    assertThat(bgNbd.probabilityAlive(customer.frequency(), customer.recency(), customer.age()))
                            .isBetween(0.0, 1.0);
                    assertThat(paretoNbd.probabilityAlive(customer.frequency(), customer.recency(), customer.age()))
                            .isBetween(0.0, 1.0);
                });
    }

    @Test
    void bgNbdProbabilityAliveIsTheShareOfTheLikelihoodInWhichTheCustomerIsStillAlive() {
        // Fader, Hardie and Lee (2005), equation (6): the likelihood of a repeat buyer is
        // B(a, b + x) (alpha + T)^-(r + x) + B(a + 1, b + x - 1) (alpha + t_x)^-(r + x), up to factors both
        // terms share; P(alive) is the first term's share. Beta functions from Hipparchus, not the model's algebra.
        Property.forAll(moderate(), moderate(), moderate(), moderate(), customers()).tries(400)
                .check((r, alpha, a, b, customer) -> {
                    int x = customer.frequency();
                    Property.assume(x > 0);
                    double alive = Beta.logBeta(a, b + x) - (r + x) * Math.log(alpha + customer.age());
                    double droppedOut = Beta.logBeta(a + 1, b + x - 1) - (r + x) * Math.log(alpha + customer.recency());
                    double expected = 1 / (1 + Math.exp(droppedOut - alive));

                    assertThat(BgNbdModel.of(r, alpha, a, b).probabilityAlive(x, customer.recency(), customer.age()))
                            .isCloseTo(expected, within(1e-9));
                });
    }

    @Test
    void underBgNbdACustomerWithoutRepeatPurchasesIsAlive() {
        Property.forAll(parameter(), parameter(), parameter(), parameter(), customers()).tries(200)
                .check((r, alpha, a, b, customer) ->
                        assertThat(BgNbdModel.of(r, alpha, a, b).probabilityAlive(0, 0, customer.age()))
                                .isEqualTo(1.0));
    }

    @Test
    void likelihoodsAreFiniteEvenForAThousandPurchases() {
        Property.forAll(parameter(), parameter(), parameter(), parameter(), customers()).tries(400)
                .check((r, alpha, a, b, customer) -> {
                    double bgNbd = BgNbdModel.of(r, alpha, a, b).logLikelihood(customer.frequency(),
                            customer.recency(), customer.age());
                    double paretoNbd = ParetoNbdModel.of(r, alpha, a, b).logLikelihood(customer.frequency(),
                            customer.recency(), customer.age());

                    assertThat(bgNbd).isFinite();
                    assertThat(paretoNbd).isFinite();
                });
    }

    @Test
    void moreRepeatPurchasesUpToTheEndMeanMoreExpectedPurchases() {
        Property.forAll(parameters(parameter()), Gens.integers(1, 999), moderate(), moderate()).tries(300)
                .check((p, x, age, t) -> {
                    // At t_x = T a customer is as alive as can be; more purchases then mean a higher rate.
                    for (PurchaseModel model : new PurchaseModel[] {BgNbdModel.of(p.r(), p.alpha(), p.a(), p.b()),
                            ParetoNbdModel.of(p.r(), p.alpha(), p.a(), p.b())}) {
                        double fewer = model.conditionalExpectedPurchases(t * 10, x, age * 10, age * 10);
                        double more = model.conditionalExpectedPurchases(t * 10, x + 1, age * 10, age * 10);

                        assertThat(more).as(model.toString()).isGreaterThanOrEqualTo(fewer * (1 - 1e-12));
                    }
                });
    }

    @Test
    void expectationsAreFiniteAndNonNegativeEverywhere() {
        Property.forAll(parameters(parameter()), customers(), parameter()).tries(200).check((p, customer, t) -> {
            for (PurchaseModel model : new PurchaseModel[] {BgNbdModel.of(p.r(), p.alpha(), p.a(), p.b()),
                    ParetoNbdModel.of(p.r(), p.alpha(), p.a(), p.b())}) {
                double expected = model.conditionalExpectedPurchases(t, customer.frequency(), customer.recency(),
                        customer.age());

                assertThat(expected).as(model.toString()).isFinite().isGreaterThanOrEqualTo(0);
            }
        });
    }

    @Test
    void theCountsDistributionSumsToOneWithTheExpectationAsMean() {
        Property.forAll(moderate(), moderate(), moderate(), moderate(), moderate()).tries(60)
                .check((r, alpha, a, b, t) -> {
                    // b > 1 under BG/NBD keeps E[X(t)]'s tail light enough for 400 terms.
                    for (PurchaseModel model : new PurchaseModel[] {BgNbdModel.of(r, alpha, a, b + 1),
                            ParetoNbdModel.of(r, alpha, a, b)}) {
                        if (model.expectedPurchases(t) > 15) {
                            continue; // 400 terms would cut off too much of so heavy a tail to compare sums to 1e-6
                        }
                        double[] counts = Counts.totalAndMean(model, t, 400);

                        assertThat(counts[0]).as(model.toString()).isCloseTo(1, within(1e-6));
                        // The mean weighs the cut-off tail by n: compared to 0.01%, still far below any formula error.
                        assertThat(counts[1]).as(model.toString())
                                .isCloseTo(model.expectedPurchases(t), withPercentage(1e-2));
                    }
                });
    }

    @Test
    void clvIsNeverNegativeAndNeverFallsAsTheHorizonGrows() {
        Property.forAll(parameters(moderate()), customers(), Gens.integers(0, 60), Gens.integers(0, 30)).tries(100)
                .check((p, customer, horizon, ratePercent) -> {
                    GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
                    PurchaseSummary summary = new PurchaseSummary("c", customer.frequency(), customer.recency(),
                            customer.age(), customer.frequency() == 0 ? BigDecimal.ZERO : new BigDecimal("25.00"));
                    BigDecimal rate = BigDecimal.valueOf(ratePercent, 2);

                    for (PurchaseModel model : new PurchaseModel[] {BgNbdModel.of(p.r(), p.alpha(), p.a(), p.b()),
                            ParetoNbdModel.of(p.r(), p.alpha(), p.a(), p.b())}) {
                        BigDecimal shorter = CustomerValue.clv(model, spend, summary, horizon, rate, ClvTimeUnit.WEEKS);
                        BigDecimal longer = CustomerValue.clv(model, spend, summary, horizon + 1, rate,
                                ClvTimeUnit.WEEKS);

                        assertThat(shorter.signum()).isNotNegative();
                        assertThat(longer).isGreaterThanOrEqualTo(shorter);
                    }
                });
    }
}

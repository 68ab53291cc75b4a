package org.crmkit.rules.clv;

/** The distribution of a new customer's purchase count, summed over its first counts. */
final class Counts {
    private Counts() {
    }

    /**
     * The total probability and the mean of P(X(t) = n) for n below a limit.
     *
     * @param model the model
     * @param t the time
     * @param below the first n left out
     * @return {total, mean}
     */
    static double[] totalAndMean(PurchaseModel model, double t, int below) {
        double total = 0;
        double mean = 0;
        for (int n = 0; n < below; n++) {
            double p = model.probabilityOfPurchases(t, n);
            total += p;
            mean += n * p;
        }
        return new double[] {total, mean};
    }
}

package org.crmkit.rules.lifecycle;

import java.time.LocalDate;
import java.util.Collection;
import org.crmkit.core.model.Purchase;

/**
 * Estimates P(alive) and lifetime value from a customer base's purchases: the seam between the
 * lifecycle analysis and the customer-base models of {@code org.crmkit.rules.clv}.
 */
@FunctionalInterface
public interface ValueEstimator {

    /**
     * Fits a model on the purchases up to a day and judges every customer who bought.
     *
     * @param purchases every purchase of the customer base; later ones are ignored; not null
     * @param asOf the end of the calibration period; not null
     * @return the estimates, empty with a note when no model can be fitted
     */
    ValueEstimates estimate(Collection<Purchase> purchases, LocalDate asOf);

    /** @return an estimator that never estimates, for policies or data without a model */
    static ValueEstimator none() {
        return (purchases, asOf) -> ValueEstimates.none("no purchase model: P(alive) and lifetime value unknown");
    }
}

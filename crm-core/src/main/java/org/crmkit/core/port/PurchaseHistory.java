package org.crmkit.core.port;

import java.util.List;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Purchase;

/** The purchases customers have made. */
public interface PurchaseHistory {
    /**
     * A customer's purchases on the days of a window.
     *
     * @param customerId the customer; not null
     * @param days the days, both ends inclusive; not null
     * @return the purchases ordered by day, then id; empty if none
     */
    List<Purchase> findByCustomer(CustomerId customerId, DateWindow days);

    /**
     * Records a purchase. Recording the same purchase again changes nothing, so imports can be
     * re-run.
     *
     * @param purchase the purchase; not null
     * @throws org.crmkit.core.InvalidValueException if another purchase with the same id is recorded
     */
    void record(Purchase purchase);
}

package org.crmkit.core.port;

import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;

/**
 * The customers known to the application; implemented over the ERP's own tables or in memory.
 */
public interface Customers {
    /**
     * Finds a customer.
     *
     * @param id the id; not null
     * @return the customer, or empty if unknown
     */
    Optional<Customer> findById(CustomerId id);

    /**
     * Visits every customer in ascending id order. Implementations may stream from storage, so
     * the action must not call back into this port.
     *
     * @param action called once per customer; not null
     */
    void forEach(Consumer<? super Customer> action);

    /**
     * Stores a customer, replacing the one with the same id.
     *
     * @param customer the customer; not null
     */
    void save(Customer customer);

    /** @return the number of customers */
    long count();
}

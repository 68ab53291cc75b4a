package org.crmkit.rules.cadence;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.port.Customers;
import org.crmkit.core.port.InteractionLog;

/**
 * The customers and interactions a plan reads, each streamed once and in any order: a store's
 * ports ({@link #of}), or a caller's own sources, such as the command line's files, which hold
 * them in no particular order and need not sort them. The plan keeps a few dozen bytes of each
 * customer and lets the rest go, so a source need never hold the base in memory.
 */
public interface AgendaInputs {
    /**
     * Hands every customer to the action, once each, in any order.
     *
     * @param action receives each customer; not null
     */
    void forEachCustomer(Consumer<? super Customer> action);

    /**
     * Hands every interaction in a time range to the action, once each, in any order.
     *
     * @param from the first moment, inclusive; not null
     * @param until the end, exclusive; not null
     * @param action receives each interaction; not null
     */
    void forEachInteraction(Instant from, Instant until, Consumer<? super Interaction> action);

    /**
     * The inputs of a store's ports.
     *
     * @param customers the customers; not null
     * @param interactions their interactions; not null
     * @return the inputs
     */
    static AgendaInputs of(Customers customers, InteractionLog interactions) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(interactions, "interactions");
        return new AgendaInputs() {
            @Override
            public void forEachCustomer(Consumer<? super Customer> action) {
                customers.forEach(action);
            }

            @Override
            public void forEachInteraction(Instant from, Instant until, Consumer<? super Interaction> action) {
                interactions.forEach(from, until, action);
            }
        };
    }
}

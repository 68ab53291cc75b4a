package org.crmkit.core.port;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;

/** The contacts with customers: inquiries, visits, calls, survey answers and so on. */
public interface InteractionLog {
    /**
     * A customer's interactions in a time range.
     *
     * @param customerId the customer; not null
     * @param from the first moment, inclusive; not null
     * @param until the end, exclusive; not null
     * @return the interactions ordered by moment, then id; empty if none
     */
    List<Interaction> findByCustomer(CustomerId customerId, Instant from, Instant until);

    /**
     * Visits every customer's interactions in a time range, customer by customer in ascending
     * customer id order, each customer's ordered by moment, then id, as {@link #findByCustomer}
     * orders them: for engines that read a whole base's contacts in one pass instead of one query
     * per customer. Implementations may stream from storage, so the action must not call back
     * into this port.
     *
     * @param from the first moment, inclusive; not null
     * @param until the end, exclusive; not null
     * @param action called once per interaction in the range; not null
     */
    void forEach(Instant from, Instant until, Consumer<? super Interaction> action);

    /**
     * Records an interaction. Recording the same interaction again changes nothing.
     *
     * @param interaction the interaction; not null
     * @throws org.crmkit.core.InvalidValueException if another interaction with the same id is recorded
     */
    void record(Interaction interaction);
}

package org.crmkit.jdbc;

import java.util.Objects;
import org.crmkit.jdbc.mapping.Entity;

/**
 * The relations a store reads, one per entity.
 *
 * @param customers the customers
 * @param orders the orders
 * @param interactions the interactions
 * @param complaints the service cases
 * @param complaintEvents the events of the service cases
 */
record Relations(Relation customers, Relation orders, Relation interactions, Relation complaints,
        Relation complaintEvents) {
    /** crmkit's own tables. */
    static final Relations OWN = new Relations(Relation.own(Entity.CUSTOMERS), Relation.own(Entity.ORDERS),
            Relation.own(Entity.INTERACTIONS), Relation.own(Entity.COMPLAINTS), Relation.own(Entity.COMPLAINT_EVENTS));

    Relations {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(complaints, "complaints");
        Objects.requireNonNull(complaintEvents, "complaintEvents");
    }
}

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
 * @param orderLines the lines of the orders
 * @param invoices the invoices
 * @param payments the payments
 */
record Relations(Relation customers, Relation orders, Relation interactions, Relation complaints,
        Relation complaintEvents, Relation orderLines, Relation invoices, Relation payments) {
    /** crmkit's own tables. */
    static final Relations OWN = new Relations(Relation.own(Entity.CUSTOMERS), Relation.own(Entity.ORDERS),
            Relation.own(Entity.INTERACTIONS), Relation.own(Entity.COMPLAINTS), Relation.own(Entity.COMPLAINT_EVENTS),
            Relation.own(Entity.ORDER_LINES), Relation.own(Entity.INVOICES), Relation.own(Entity.PAYMENTS));

    Relations {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(complaints, "complaints");
        Objects.requireNonNull(complaintEvents, "complaintEvents");
        Objects.requireNonNull(orderLines, "orderLines");
        Objects.requireNonNull(invoices, "invoices");
        Objects.requireNonNull(payments, "payments");
    }
}

package org.crmkit.jdbc;

import java.util.Objects;
import org.crmkit.jdbc.mapping.Entity;

/**
 * The relations a store reads, one per entity.
 *
 * @param customers the customers
 * @param orders the orders
 * @param interactions the interactions
 */
record Relations(Relation customers, Relation orders, Relation interactions) {
    /** crmkit's own tables. */
    static final Relations OWN = new Relations(Relation.own(Entity.CUSTOMERS), Relation.own(Entity.ORDERS),
            Relation.own(Entity.INTERACTIONS));

    Relations {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(interactions, "interactions");
    }
}

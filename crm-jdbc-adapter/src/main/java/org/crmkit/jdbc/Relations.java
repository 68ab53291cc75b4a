package org.crmkit.jdbc;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.crmkit.jdbc.mapping.Entity;

/** The relations a store reads, one per entity. Immutable. */
final class Relations {
    /** crmkit's own tables. */
    static final Relations OWN = own();

    private final Map<Entity, Relation> byEntity;
    private final boolean keepsInteractions;

    /**
     * The relations of every entity.
     *
     * @param byEntity a relation for each {@link Entity}, the relation's own entity
     * @throws IllegalArgumentException if an entity has none, or another entity's
     */
    Relations(Map<Entity, Relation> byEntity) {
        this(byEntity, true);
    }

    /**
     * The relations of every entity, of a system that may keep no interactions at all.
     *
     * @param byEntity a relation for each {@link Entity}, the relation's own entity
     * @param keepsInteractions false when the mapping says {@code interactions: none}: the
     *     interactions relation is then never read
     * @throws IllegalArgumentException if an entity has none, or another entity's
     */
    Relations(Map<Entity, Relation> byEntity, boolean keepsInteractions) {
        this.keepsInteractions = keepsInteractions;
        Map<Entity, Relation> copy = new EnumMap<>(Entity.class);
        for (Entity entity : Entity.values()) {
            Relation relation = Objects.requireNonNull(byEntity.get(entity), entity.key());
            if (relation.entity() != entity) {
                throw new IllegalArgumentException("the relation of " + entity.key() + " is one of "
                        + relation.entity().key());
            }
            copy.put(entity, relation);
        }
        this.byEntity = Collections.unmodifiableMap(copy);
    }

    private static Relations own() {
        Map<Entity, Relation> own = new EnumMap<>(Entity.class);
        for (Entity entity : Entity.values()) {
            own.put(entity, Relation.own(entity));
        }
        return new Relations(own);
    }

    /** @return the relation of every entity */
    Map<Entity, Relation> byEntity() {
        return byEntity;
    }

    /**
     * The relation of an entity.
     *
     * @param entity the entity
     * @return where the store reads it
     */
    Relation of(Entity entity) {
        return byEntity.get(Objects.requireNonNull(entity, "entity"));
    }

    /** @return false when the system keeps no interactions: no relation holds them, inquiries are unknown */
    boolean keepsInteractions() {
        return keepsInteractions;
    }

    /** @return the customers */
    Relation customers() {
        return of(Entity.CUSTOMERS);
    }

    /** @return the orders */
    Relation orders() {
        return of(Entity.ORDERS);
    }

    /** @return the interactions */
    Relation interactions() {
        return of(Entity.INTERACTIONS);
    }

    /** @return the service cases */
    Relation complaints() {
        return of(Entity.COMPLAINTS);
    }

    /** @return the events of the service cases */
    Relation complaintEvents() {
        return of(Entity.COMPLAINT_EVENTS);
    }

    /** @return the lines of the orders */
    Relation orderLines() {
        return of(Entity.ORDER_LINES);
    }

    /** @return the invoices */
    Relation invoices() {
        return of(Entity.INVOICES);
    }

    /** @return the payments */
    Relation payments() {
        return of(Entity.PAYMENTS);
    }
}

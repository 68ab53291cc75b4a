package org.crmkit.jdbc;

import org.crmkit.jdbc.mapping.ReadOnlyEntityException;

/** Refuses writes to entities that a mapping reads from an ERP's own tables. */
final class ReadOnly {
    private ReadOnly() {
    }

    /**
     * Refuses a write to a mapped relation; does nothing for crmkit's own tables.
     *
     * @param relation where the entity is
     * @param operation what was asked, e.g. {@code save customer 'c-1'}
     * @throws ReadOnlyEntityException if the relation is mapped
     */
    static void refuse(Relation relation, String operation) {
        if (relation.mapped()) {
            throw new ReadOnlyEntityException("Could not " + operation + ": the "
                    + relation.entity().key().replace('_', ' ')
                    + " are read from " + relation.description() + " through the mapping, and crmkit does not"
                    + " write the ERP's rows");
        }
    }
}

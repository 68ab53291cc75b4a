package org.crmkit.jdbc.mapping;

import org.crmkit.core.CrmException;

/**
 * A port was asked to write an entity that a mapping reads from the ERP's own tables: those rows
 * are the ERP's, and crmkit only reads them.
 */
public class ReadOnlyEntityException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and where the entity is read from; not null
     */
    public ReadOnlyEntityException(String message) {
        super(message);
    }
}

package org.crmkit.core;

/** An entity that a caller named by its id does not exist. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the kind of entity and quotes the id; not null
     */
    public NotFoundException(String message) {
        super(message);
    }
}

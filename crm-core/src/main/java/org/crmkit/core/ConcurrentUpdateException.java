package org.crmkit.core;

/**
 * A write was based on state that another writer changed in the meantime, for example a tier
 * assignment recorded for an as-of date older than the one already stored.
 */
public class ConcurrentUpdateException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what conflicted, quoting both sides; not null
     */
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}

package org.crmkit.core;

/**
 * Storage behind a port failed. Adapters wrap their technology's exceptions (for example
 * {@code SQLException}) in this one so that no storage type crosses a port.
 */
public class PersistenceException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was being done when storage failed; not null
     * @param cause the storage failure; not null
     */
    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}

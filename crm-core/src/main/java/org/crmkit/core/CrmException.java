package org.crmkit.core;

/**
 * Root of every exception crmkit throws on purpose.
 *
 * <p>Callers that embed crmkit can catch this one type to handle all library errors; the
 * subclasses say what went wrong (bad value, missing entity, stale update, storage failure).
 * Messages name the field or path and quote the bad value.
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the field and quoting the bad value; not null
     */
    public CrmException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong; not null
     * @param cause the underlying failure; not null
     */
    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}

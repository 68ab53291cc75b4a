package org.crmkit.jdbc.job;

import org.crmkit.core.ConcurrentUpdateException;

/**
 * Another job holds the database's job lock: this one did not run. The message names the running
 * run where it is recorded.
 */
public final class JobRunningException extends ConcurrentUpdateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is running; not null
     */
    public JobRunningException(String message) {
        super(message);
    }
}

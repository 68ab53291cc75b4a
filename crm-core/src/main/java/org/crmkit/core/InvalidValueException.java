package org.crmkit.core;

/**
 * A value broke an invariant of a crmkit type, for example a blank identifier or a negative
 * amount. The message names the field and quotes the rejected value.
 */
public class InvalidValueException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the field and quotes the rejected value; not null
     */
    public InvalidValueException(String message) {
        super(message);
    }
}

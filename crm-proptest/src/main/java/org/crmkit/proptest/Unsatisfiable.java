package org.crmkit.proptest;

/** A generator could not produce a value from its choices (a filter that rejects too much, say). */
final class Unsatisfiable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsatisfiable(String message) {
        super(message, null, false, false);
    }
}

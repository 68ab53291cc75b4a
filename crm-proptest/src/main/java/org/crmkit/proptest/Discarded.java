package org.crmkit.proptest;

/** Thrown by {@link Property#assume} to discard a try whose input the property does not speak about. */
final class Discarded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final Discarded INSTANCE = new Discarded();

    private Discarded() {
        super("assumption not met", null, false, false);
    }
}

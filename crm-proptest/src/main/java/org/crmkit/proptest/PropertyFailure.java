package org.crmkit.proptest;

import java.util.List;
import java.util.Objects;

/**
 * A property that does not hold: the seed that reproduces it, the input first found to fail, and the
 * simplest failing input shrinking found. The message says all of it; the cause is the failure on the
 * simplest input.
 */
public final class PropertyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String property;
    private final long seed;
    private final transient List<Object> original;
    private final transient List<Object> shrunk;
    private final int shrinkSteps;

    PropertyFailure(String property, long seed, String when, List<Object> original, List<Object> shrunk,
            int shrinkSteps, boolean shrinkComplete, Throwable cause) {
        super(message(property, seed, when, original, shrunk, shrinkSteps, shrinkComplete, cause), cause);
        this.property = property;
        this.seed = seed;
        this.original = original;
        this.shrunk = shrunk;
        this.shrinkSteps = shrinkSteps;
    }

    private static String message(String property, long seed, String when, List<Object> original,
            List<Object> shrunk, int steps, boolean complete, Throwable cause) {
        StringBuilder text = new StringBuilder();
        text.append("Property ").append(property).append(" failed on ").append(when).append(" with seed ")
                .append(seed).append(" (rerun with -D").append(Property.SEED_PROPERTY).append('=').append(seed)
                .append(")\n");
        text.append("Simplest failing input (").append(steps).append(steps == 1 ? " shrinking step" : " shrinking steps")
                .append(complete ? "" : ", stopped at the time limit").append("):\n");
        inputs(text, shrunk);
        if (steps > 0) {
            text.append("First failing input:\n");
            inputs(text, original);
        }
        text.append("Failure: ").append(Objects.toString(cause.getMessage(), cause.getClass().getName()).strip());
        return text.toString();
    }

    private static void inputs(StringBuilder text, List<Object> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            text.append("  [").append(i).append("] ").append(inputs.get(i)).append('\n');
        }
    }

    /** The property, as the test class and method that checked it. */
    public String property() {
        return property;
    }

    /** The seed that reproduces the failure. */
    public long seed() {
        return seed;
    }

    /** The inputs that failed first, in the order of the generators. */
    public List<Object> originalInputs() {
        return original;
    }

    /** The simplest failing inputs shrinking found, in the order of the generators. */
    public List<Object> shrunkInputs() {
        return shrunk;
    }

    /** How many simplifications shrinking made. */
    public int shrinkSteps() {
        return shrinkSteps;
    }
}

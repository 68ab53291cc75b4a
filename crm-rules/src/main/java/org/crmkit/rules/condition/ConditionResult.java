package org.crmkit.rules.condition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of a {@link Condition} with everything needed to explain it: each metric's value
 * next to its threshold, and whether each part held.
 */
public sealed interface ConditionResult permits ConditionResult.Compared, ConditionResult.Unknown,
        ConditionResult.Combined {

    /** @return whether the condition held */
    boolean holds();

    /**
     * Renders the outcome for people, e.g.
     * {@code "spend 120000.00 >= 100000 met; active_quarters 2 >= 3 not met"}.
     *
     * @return the explanation
     */
    String explain();

    /**
     * One comparison's outcome. Immutable and thread-safe.
     *
     * @param comparison the comparison; not null
     * @param actual the metric's value; not null
     * @param holds whether the comparison held
     */
    record Compared(Comparison comparison, BigDecimal actual, boolean holds) implements ConditionResult {
        /** Checks the invariants. */
        public Compared {
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(actual, "actual");
        }

        @Override
        public String explain() {
            return comparison.measure().key() + " " + Comparison.format(comparison.measure(), actual) + " "
                    + comparison.operator().symbol() + " "
                    + Comparison.format(comparison.measure(), comparison.threshold())
                    + (holds ? " met" : " not met");
        }
    }

    /**
     * A comparison with a signal that is not known: it does not hold, whatever the threshold.
     * Immutable and thread-safe.
     *
     * @param comparison the comparison; not null
     */
    record Unknown(Comparison comparison) implements ConditionResult {
        /** Checks the invariants. */
        public Unknown {
            Objects.requireNonNull(comparison, "comparison");
        }

        @Override
        public boolean holds() {
            return false;
        }

        /** @return e.g. {@code "recency_ratio unknown >= 2 not met"} */
        @Override
        public String explain() {
            return comparison.measure().key() + " unknown " + comparison.operator().symbol() + " "
                    + Comparison.format(comparison.measure(), comparison.threshold()) + " not met";
        }
    }

    /**
     * The outcome of {@code all} or {@code any}. Immutable and thread-safe.
     *
     * @param kind all or any; not null
     * @param parts the nested outcomes, in policy order; not null
     * @param holds whether the combination held
     */
    record Combined(Kind kind, List<ConditionResult> parts, boolean holds) implements ConditionResult {
        /** How the parts combine. */
        public enum Kind {
            /** Every part must hold. */
            ALL,
            /** One part suffices. */
            ANY
        }

        /** Copies the parts. */
        public Combined {
            Objects.requireNonNull(kind, "kind");
            parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        }

        @Override
        public String explain() {
            if (kind == Kind.ALL) {
                return parts.stream().map(part -> part instanceof Combined nested && nested.kind == Kind.ANY
                        ? "(" + part.explain() + ")" : part.explain()).collect(Collectors.joining("; "));
            }
            return "any of: " + parts.stream().map(part -> part instanceof Combined
                    ? "(" + part.explain() + ")" : part.explain()).collect(Collectors.joining(" or "));
        }

        /** @return every comparison outcome with a known value in the tree, depth first */
        public List<Compared> comparisons() {
            return parts.stream().flatMap(part -> part instanceof Compared compared
                    ? java.util.stream.Stream.of(compared)
                    : part instanceof Combined combined ? combined.comparisons().stream()
                    : java.util.stream.Stream.<Compared>empty()).toList();
        }
    }
}

package org.crmkit.rules.condition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.Facts;

/**
 * An ordered list of {@link Choice choices} of which the first whose condition holds wins; the
 * last has no condition, so every customer gets an outcome. Immutable and thread-safe.
 *
 * @param choices the branches in order, each outcome once, only the last without condition; not null
 * @param <T> the type of outcome
 */
public record FirstMatch<T>(List<Choice<T>> choices) {

    /** Checks that the list ends, and only ends, with the "otherwise" branch. */
    public FirstMatch {
        choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
        if (choices.isEmpty()) {
            throw new InvalidValueException("A first-match list needs at least one choice");
        }
        Set<T> seen = new LinkedHashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice<T> choice = choices.get(i);
            boolean last = i == choices.size() - 1;
            if (!seen.add(choice.outcome())) {
                throw new InvalidValueException("'" + choice.outcome() + "' is chosen twice");
            }
            if (last == choice.when().isPresent()) {
                throw new InvalidValueException(last
                        ? "The last choice '" + choice.outcome() + "' must have no condition: it applies otherwise"
                        : "Only the last choice may lack a condition, '" + choice.outcome() + "' does");
            }
        }
    }

    /**
     * Chooses.
     *
     * @param facts the snapshot; not null
     * @return the outcome with the results of the conditions evaluated, in order
     */
    public Chosen<T> choose(Facts facts) {
        List<ConditionResult> tried = new ArrayList<>();
        for (Choice<T> choice : choices) {
            if (choice.when().isEmpty()) {
                return new Chosen<>(choice.outcome(), Optional.empty(), tried);
            }
            ConditionResult result = choice.when().get().evaluate(facts);
            if (result.holds()) {
                return new Chosen<>(choice.outcome(), Optional.of(result), tried);
            }
            tried.add(result);
        }
        throw new IllegalStateException("unreachable: the last choice has no condition");
    }

    /**
     * The outcome of a first-match choice. Immutable and thread-safe.
     *
     * @param outcome the chosen outcome; not null
     * @param matched the result of the condition that held, or empty if no condition held; not null
     * @param failed the results of the earlier conditions, which did not hold, in order; not null
     * @param <T> the type of outcome
     */
    public record Chosen<T>(T outcome, Optional<ConditionResult> matched, List<ConditionResult> failed) {
        /** Copies the list. */
        public Chosen {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(matched, "matched");
            failed = List.copyOf(Objects.requireNonNull(failed, "failed"));
        }

        /**
         * Explains the choice for people.
         *
         * @param what the name of the outcome, e.g. {@code "stage"}; not null
         * @param key how the outcome is spelt; not null
         * @return e.g. {@code "stage growth: spend_trend 0.4 >= 0.2 met"} or
         *     {@code "stage maturity: no other stage's condition held"}
         */
        public String explain(String what, String key) {
            return what + " " + key + ": " + matched.map(ConditionResult::explain)
                    .orElse("no other " + what + "'s condition held");
        }
    }
}

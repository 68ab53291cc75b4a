package org.crmkit.rules.condition;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/** Shared checks of the combinators. */
final class Conditions {
    private Conditions() {
    }

    static List<Condition> requireNonEmpty(List<Condition> conditions, String what) {
        List<Condition> copy = List.copyOf(Objects.requireNonNull(conditions, what));
        if (copy.isEmpty()) {
            throw new InvalidValueException(what + " needs at least one condition");
        }
        return copy;
    }
}

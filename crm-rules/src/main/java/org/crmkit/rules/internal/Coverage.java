package org.crmkit.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.rules.tiering.TierRule;

/** Which buying customers no tier rule matches, as disjoint boxes. */
public final class Coverage {
    private Coverage() {
    }

    /**
     * The buying customers (spend above zero) that no rule matches.
     *
     * @param rules the tier rules
     * @return disjoint boxes covering exactly those customers; empty when a rule is too large to analyse
     */
    public static Optional<List<Box>> uncoveredBuyers(List<TierRule> rules) {
        List<Box> remaining = List.of(Box.buyers());
        for (TierRule rule : rules) {
            Optional<List<Box>> taken = Box.of(rule.when());
            if (taken.isEmpty()) {
                return Optional.empty();
            }
            remaining = subtract(remaining, taken.get());
            if (remaining.size() > Box.MAX_BOXES) {
                return Optional.empty();
            }
        }
        return Optional.of(remaining);
    }

    /**
     * Removes boxes from a set of boxes.
     *
     * @param from disjoint boxes
     * @param taken the boxes to remove
     * @return disjoint boxes of what is left
     */
    public static List<Box> subtract(List<Box> from, List<Box> taken) {
        List<Box> left = from;
        for (Box cut : taken) {
            List<Box> next = new ArrayList<>();
            for (Box piece : left) {
                next.addAll(piece.minus(cut));
            }
            left = next;
        }
        return left;
    }
}

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
        return uncoveredBuyersOf(rules.stream().map(rule -> Box.of(rule.when())).toList());
    }

    /**
     * The buying customers (spend above zero) that no rule matches, from the rules' boxes.
     *
     * @param rules each rule's {@link Box#of boxes}, in rule order
     * @return disjoint boxes covering exactly those customers; empty when a rule is too large to analyse
     */
    public static Optional<List<Box>> uncoveredBuyersOf(List<Optional<List<Box>>> rules) {
        List<Box> remaining = List.of(Box.buyers());
        for (Optional<List<Box>> taken : rules) {
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

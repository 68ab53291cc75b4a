package org.crmkit.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.rules.internal.Box;
import org.crmkit.rules.internal.Coverage;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.tiering.TierRule;
import org.crmkit.rules.tiering.TieringPolicy;

/**
 * Finds what is legal but probably wrong in a policy: tier rules that can never match (their
 * conditions contradict each other or the metrics' ranges, or higher rules already take every
 * customer they would match), and buying customers (spend above zero) that no tier rule
 * matches, described by their metrics, e.g. {@code "no tier rule matches customers with spend in
 * (0, 10000)"} or {@code "... with spend >= 100000 and active_quarters <= 2"}.
 *
 * <p>The analysis is exact for the condition language (comparisons combined with all/any) over
 * each metric's range, knowing that spend needs orders; it knows no other relation between
 * metrics (such as active quarters never exceeding orders). Rules with more than 4096
 * alternatives are left out of the analysis.
 */
public final class PolicyLinter {
    /** Uncovered regions listed one by one; beyond this they are counted. */
    private static final int MAX_REGIONS = 10;

    private PolicyLinter() {
    }

    /**
     * Lints a policy.
     *
     * @param policy the policy; not null
     * @return the warnings in document order; empty when nothing looks wrong
     */
    public static List<InputProblem> lint(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        List<InputProblem> warnings = new ArrayList<>();
        List<TierRule> rules = policy.section(TieringPolicy.class).rules();
        List<Optional<List<Box>>> boxes = rules.stream().map(rule -> Box.of(rule.when())).toList();
        for (int i = 0; i < rules.size(); i++) {
            neverMatches(policy, rules, boxes, i).ifPresent(warnings::add);
        }
        warnings.addAll(uncoveredBuyers(policy, boxes));
        return List.copyOf(warnings);
    }

    private static Optional<InputProblem> neverMatches(Policy policy, List<TierRule> rules,
            List<Optional<List<Box>>> boxes, int index) {
        if (boxes.get(index).isEmpty()) {
            return Optional.empty();
        }
        String path = "tiers[" + index + "]";
        String name = rules.get(index).name();
        List<Box> remaining = boxes.get(index).get();
        if (remaining.isEmpty()) {
            return Optional.of(warning(policy, path, "rule " + name
                    + " can never match: no possible metric values satisfy its conditions"));
        }
        Set<String> overlapping = new LinkedHashSet<>();
        for (int higher = 0; higher < index; higher++) {
            if (boxes.get(higher).isEmpty()) {
                return Optional.empty();
            }
            for (Box taken : boxes.get(higher).get()) {
                if (remaining.stream().anyMatch(box -> box.intersect(taken).isPresent())) {
                    overlapping.add(rules.get(higher).name());
                }
            }
            remaining = Coverage.subtract(remaining, boxes.get(higher).get());
        }
        if (remaining.isEmpty()) {
            return Optional.of(warning(policy, path, "rule " + name + " can never match: every customer it matches"
                    + " is matched first by " + (overlapping.size() == 1 ? "rule " : "rules ")
                    + String.join(", ", overlapping)));
        }
        return Optional.empty();
    }

    private static List<InputProblem> uncoveredBuyers(Policy policy, List<Optional<List<Box>>> boxes) {
        Optional<List<Box>> uncovered = Coverage.uncoveredBuyersOf(boxes);
        if (uncovered.isEmpty()) {
            return List.of();
        }
        Box buyers = Box.buyers();
        List<InputProblem> warnings = new ArrayList<>();
        List<Box> regions = uncovered.get();
        for (Box region : regions.subList(0, Math.min(regions.size(), MAX_REGIONS))) {
            String where = region.describeWithin(buyers);
            warnings.add(warning(policy, "tiers", "no tier rule matches customers with "
                    + (where.isEmpty() ? "any spend above 0" : where)));
        }
        if (regions.size() > MAX_REGIONS) {
            warnings.add(warning(policy, "tiers", "... and " + (regions.size() - MAX_REGIONS)
                    + " more regions of buying customers that no tier rule matches"));
        }
        return warnings;
    }

    private static InputProblem warning(Policy policy, String path, String message) {
        return InputProblem.atPath(policy.source().name(), policy.source().line(path).orElse(0), path, message);
    }
}

package org.crmkit.rules;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.metrics.Metric;
import org.crmkit.rules.internal.Box;
import org.crmkit.rules.policy.PolicyProblem;
import org.crmkit.rules.tiering.TierRule;

/**
 * Finds what is legal but probably wrong in a policy: tier rules that can never match (their
 * conditions contradict each other or the metrics' ranges, or higher rules already take every
 * customer they would match), and spend ranges above zero for which no tier rule can match,
 * whatever the other metrics are.
 *
 * <p>The analysis is exact for the condition language (comparisons combined with all/any), up
 * to 4096 alternatives per rule; a larger rule is left out of the analysis. It does not know
 * relations between metrics (e.g. that spend above 0 implies at least one order).
 */
public final class PolicyLinter {
    private PolicyLinter() {
    }

    /**
     * Lints a policy.
     *
     * @param policy the policy; not null
     * @return the warnings in document order; empty when nothing looks wrong
     */
    public static List<PolicyProblem> lint(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        List<PolicyProblem> warnings = new ArrayList<>();
        List<TierRule> rules = policy.tiering().rules();
        List<Optional<List<Box>>> boxes = rules.stream().map(rule -> Box.of(rule.when())).toList();
        for (int i = 0; i < rules.size(); i++) {
            neverMatches(policy, rules, boxes, i).ifPresent(warnings::add);
        }
        warnings.addAll(spendGaps(policy, boxes));
        return List.copyOf(warnings);
    }

    private static Optional<PolicyProblem> neverMatches(Policy policy, List<TierRule> rules,
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
            List<Box> next = new ArrayList<>();
            for (Box box : remaining) {
                List<Box> left = List.of(box);
                for (Box taken : boxes.get(higher).get()) {
                    List<Box> cut = new ArrayList<>();
                    for (Box piece : left) {
                        if (piece.intersect(taken).isPresent()) {
                            overlapping.add(rules.get(higher).name());
                        }
                        cut.addAll(piece.minus(taken));
                    }
                    left = cut;
                }
                next.addAll(left);
            }
            remaining = next;
        }
        if (remaining.isEmpty()) {
            return Optional.of(warning(policy, path, "rule " + name + " can never match: every customer it matches"
                    + " is matched first by " + (overlapping.size() == 1 ? "rule " : "rules ")
                    + String.join(", ", overlapping)));
        }
        return Optional.empty();
    }

    private static List<PolicyProblem> spendGaps(Policy policy, List<Optional<List<Box>>> boxes) {
        RangeSet<BigDecimal> bands = TreeRangeSet.create();
        for (Optional<List<Box>> ruleBoxes : boxes) {
            for (Box box : ruleBoxes.orElse(List.of())) {
                bands.add(box.range(Metric.SPEND));
            }
        }
        RangeSet<BigDecimal> gaps = TreeRangeSet.create();
        gaps.add(Range.greaterThan(BigDecimal.ZERO));
        gaps.removeAll(bands);
        List<PolicyProblem> warnings = new ArrayList<>();
        for (Range<BigDecimal> gap : gaps.asRanges()) {
            warnings.add(warning(policy, "tiers", "spend " + describe(gap) + " can match no tier rule"));
        }
        return warnings;
    }

    private static String describe(Range<BigDecimal> range) {
        if (!range.hasUpperBound()) {
            return (range.lowerBoundType() == BoundType.CLOSED ? ">= " : "> ")
                    + range.lowerEndpoint().toPlainString();
        }
        return "in " + (range.lowerBoundType() == BoundType.CLOSED ? "[" : "(") + range.lowerEndpoint().toPlainString()
                + ", " + range.upperEndpoint().toPlainString() + (range.upperBoundType() == BoundType.CLOSED ? "]" : ")");
    }

    private static PolicyProblem warning(Policy policy, String path, String message) {
        return new PolicyProblem(policy.source().name(), policy.source().line(path).orElse(0), path, message);
    }
}

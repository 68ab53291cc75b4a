package org.crmkit.rules.tiering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.jspecify.annotations.Nullable;

/**
 * A customer's tier with its full explanation: the inputs, every rule tried in order with each
 * metric against its threshold, the rule that matched, and what demotion grace did.
 *
 * <p>A decision made by {@link TierEngine} records only how many rules were tried: the compared
 * values are in the snapshot and the thresholds in the engine's compiled rules, so
 * {@link #evaluatedRules()}, {@link #matchedRule()} and {@link #reasons()} are rendered when asked,
 * and deciding a tier builds no explanation nobody reads. Two decisions are equal when all their
 * accessors return equal values, however they were made. Immutable and thread-safe.
 */
public final class TierDecision {
    private final CustomerMetrics metrics;
    private final PolicyRef policy;
    /** The engine's compiled rules, or null when the rule results were given to the constructor. */
    private final @Nullable CompiledTierRules compiled;
    /** The rule results given to the constructor, or null when they are rendered from {@link #compiled}. */
    private final @Nullable List<RuleResult> given;
    private final int rulesTried;
    private final Optional<Tier> ruleTier;
    private final Optional<Tier> tier;
    private final Optional<GraceOutcome> grace;
    private final List<String> notes;
    private final int evaluationsBelow;

    /**
     * Creates a decision from rule results already evaluated.
     *
     * @param metrics the snapshot the decision was made on; not null
     * @param policy the policy that decided; not null
     * @param evaluatedRules the rules tried, in priority order, ending with the one that matched if any; not null
     * @param ruleTier the tier the rules alone give, or empty when no rule matched; not null
     * @param tier the tier the customer holds after this decision; not null
     * @param grace what demotion grace did, if it took part; not null
     * @param notes further remarks for the explanation, such as a previous tier the policy no longer has; not null
     * @param evaluationsBelow consecutive evaluations below the held tier's rule, to be stored; zero or more
     * @throws InvalidValueException if {@code evaluationsBelow} is negative
     */
    public TierDecision(CustomerMetrics metrics, PolicyRef policy, List<RuleResult> evaluatedRules,
            Optional<Tier> ruleTier, Optional<Tier> tier, Optional<GraceOutcome> grace, List<String> notes,
            int evaluationsBelow) {
        this(metrics, policy, null, List.copyOf(Objects.requireNonNull(evaluatedRules, "evaluatedRules")),
                evaluatedRules.size(), ruleTier, tier, grace, List.copyOf(Objects.requireNonNull(notes, "notes")),
                evaluationsBelow);
    }

    private TierDecision(CustomerMetrics metrics, PolicyRef policy, @Nullable CompiledTierRules compiled,
            @Nullable List<RuleResult> given, int rulesTried, Optional<Tier> ruleTier, Optional<Tier> tier,
            Optional<GraceOutcome> grace, List<String> notes, int evaluationsBelow) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.compiled = compiled;
        this.given = given;
        this.rulesTried = rulesTried;
        this.ruleTier = Objects.requireNonNull(ruleTier, "ruleTier");
        this.tier = Objects.requireNonNull(tier, "tier");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.notes = notes;
        if (evaluationsBelow < 0) {
            throw new InvalidValueException("evaluationsBelow must not be negative, was " + evaluationsBelow);
        }
        this.evaluationsBelow = evaluationsBelow;
    }

    /**
     * A decision whose explanation is rendered from compiled rules when asked.
     *
     * @param compiled the engine's rules; not null
     * @param rulesTried how many rules were tried, the last being the matching one when {@code ruleTier} is present
     * @param notes an immutable list; not null
     */
    static TierDecision compiled(CustomerMetrics metrics, PolicyRef policy, CompiledTierRules compiled,
            int rulesTried, Optional<Tier> ruleTier, Optional<Tier> tier, Optional<GraceOutcome> grace,
            List<String> notes, int evaluationsBelow) {
        return new TierDecision(metrics, policy, Objects.requireNonNull(compiled, "compiled"), null, rulesTried,
                ruleTier, tier, grace, notes, evaluationsBelow);
    }

    /** @return the snapshot the decision was made on */
    public CustomerMetrics metrics() {
        return metrics;
    }

    /** @return the policy that decided */
    public PolicyRef policy() {
        return policy;
    }

    /**
     * The rules tried, in priority order, ending with the one that matched if any, each with the
     * outcome of its condition (every metric against its threshold). Rendered on each call for a
     * decision of {@link TierEngine}.
     *
     * @return the rule results, an immutable list
     */
    public List<RuleResult> evaluatedRules() {
        if (given != null) {
            return given;
        }
        List<TierRule> rules = Objects.requireNonNull(compiled).rules();
        List<RuleResult> results = new ArrayList<>(rulesTried);
        for (int r = 0; r < rulesTried; r++) {
            results.add(rules.get(r).evaluate(metrics));
        }
        return List.copyOf(results);
    }

    /** @return the tier the rules alone give, or empty when no rule matched */
    public Optional<Tier> ruleTier() {
        return ruleTier;
    }

    /** @return the tier the customer holds after this decision */
    public Optional<Tier> tier() {
        return tier;
    }

    /** @return what demotion grace did, if it took part */
    public Optional<GraceOutcome> grace() {
        return grace;
    }

    /** @return further remarks for the explanation, such as a previous tier the policy no longer has */
    public List<String> notes() {
        return notes;
    }

    /** @return consecutive evaluations below the held tier's rule, to be stored; zero or more */
    public int evaluationsBelow() {
        return evaluationsBelow;
    }

    /** @return the customer */
    public CustomerId customerId() {
        return metrics.customerId();
    }

    /** @return the as-of day */
    public LocalDate asOf() {
        return metrics.asOf();
    }

    /** @return the rule that matched, or empty when none did */
    public Optional<RuleResult> matchedRule() {
        if (given != null) {
            return given.stream().filter(RuleResult::matched).findFirst();
        }
        if (ruleTier.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Objects.requireNonNull(compiled).rules().get(rulesTried - 1).evaluate(metrics));
    }

    /**
     * The explanation for people, one line per step: each rule tried with every metric against
     * its threshold, then grace and notes. This is what {@code reasons} prints.
     *
     * @return the lines, in evaluation order
     */
    public List<String> reasons() {
        int count = rulesTried + (ruleTier.isEmpty() ? 1 : 0) + notes.size() + (grace.isPresent() ? 1 : 0);
        String[] reasons = new String[count];
        if (given != null) {
            for (int r = 0; r < rulesTried; r++) {
                reasons[r] = given.get(r).explain();
            }
        } else {
            Objects.requireNonNull(compiled).explainTried(rulesTried, ruleTier.isPresent(), metrics, reasons);
        }
        int next = rulesTried;
        if (ruleTier.isEmpty()) {
            reasons[next++] = "no rule matched: no tier";
        }
        for (String note : notes) {
            reasons[next++] = note;
        }
        if (grace.isPresent()) {
            reasons[next] = grace.get().explain();
        }
        return listOf(reasons);
    }

    /** {@link List#of(Object[])} without its copy of the array for the usual two to four lines. */
    private static List<String> listOf(String[] lines) {
        return switch (lines.length) {
            case 1 -> List.of(lines[0]);
            case 2 -> List.of(lines[0], lines[1]);
            case 3 -> List.of(lines[0], lines[1], lines[2]);
            case 4 -> List.of(lines[0], lines[1], lines[2], lines[3]);
            default -> List.of(lines);
        };
    }

    /**
     * The assignment to store for this decision.
     *
     * @param recordedAt when the evaluation ran; not null
     * @return the assignment
     */
    public TierAssignment toAssignment(Instant recordedAt) {
        return new TierAssignment(customerId(), tier, asOf(), policy, evaluationsBelow, recordedAt);
    }

    /**
     * Compares every accessor's value. Two decisions of engines with the same rules compare
     * without rendering their rule results, which are then equal by construction.
     */
    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof TierDecision that
                && evaluationsBelow == that.evaluationsBelow
                && rulesTried == that.rulesTried
                && metrics.equals(that.metrics)
                && policy.equals(that.policy)
                && ruleTier.equals(that.ruleTier)
                && tier.equals(that.tier)
                && grace.equals(that.grace)
                && notes.equals(that.notes)
                && sameRuleResults(that);
    }

    private boolean sameRuleResults(TierDecision that) {
        if (compiled != null && that.compiled != null) {
            // Equal snapshots evaluated by equal rules give equal results.
            return compiled == that.compiled
                    || compiled.rules().subList(0, rulesTried).equals(that.compiled.rules().subList(0, rulesTried));
        }
        return evaluatedRules().equals(that.evaluatedRules());
    }

    /** Hashes the accessors' values, the rule results by their number, so that no explanation is rendered. */
    @Override
    public int hashCode() {
        int hash = metrics.hashCode();
        hash = 31 * hash + policy.hashCode();
        hash = 31 * hash + rulesTried;
        hash = 31 * hash + ruleTier.hashCode();
        hash = 31 * hash + tier.hashCode();
        hash = 31 * hash + grace.hashCode();
        hash = 31 * hash + notes.hashCode();
        return 31 * hash + evaluationsBelow;
    }

    /** @return the accessors' values, in the form records print */
    @Override
    public String toString() {
        return "TierDecision[metrics=" + metrics + ", policy=" + policy + ", evaluatedRules=" + evaluatedRules()
                + ", ruleTier=" + ruleTier + ", tier=" + tier + ", grace=" + grace + ", notes=" + notes
                + ", evaluationsBelow=" + evaluationsBelow + "]";
    }
}

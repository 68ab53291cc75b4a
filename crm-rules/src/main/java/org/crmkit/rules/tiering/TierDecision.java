package org.crmkit.rules.tiering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;

/**
 * A customer's tier with its full explanation: the inputs, every rule tried in order with each
 * metric against its threshold, the rule that matched, and what demotion grace did.
 * Immutable and thread-safe.
 *
 * @param metrics the snapshot the decision was made on; not null
 * @param policy the policy that decided; not null
 * @param evaluatedRules the rules tried, in priority order, ending with the one that matched if any; not null
 * @param ruleTier the tier the rules alone give, or empty when no rule matched; not null
 * @param tier the tier the customer holds after this decision; not null
 * @param grace what demotion grace did, if it took part; not null
 * @param notes further remarks for the explanation, such as a previous tier the policy no longer has; not null
 * @param evaluationsBelow consecutive evaluations below the held tier's rule, to be stored; zero or more
 */
public record TierDecision(
        CustomerMetrics metrics,
        PolicyRef policy,
        List<RuleResult> evaluatedRules,
        Optional<Tier> ruleTier,
        Optional<Tier> tier,
        Optional<GraceOutcome> grace,
        List<String> notes,
        int evaluationsBelow) {

    /** Checks the invariants. */
    public TierDecision {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(policy, "policy");
        evaluatedRules = List.copyOf(Objects.requireNonNull(evaluatedRules, "evaluatedRules"));
        Objects.requireNonNull(ruleTier, "ruleTier");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(grace, "grace");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        if (evaluationsBelow < 0) {
            throw new org.crmkit.core.InvalidValueException("evaluationsBelow must not be negative, was "
                    + evaluationsBelow);
        }
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
        return evaluatedRules.stream().filter(RuleResult::matched).findFirst();
    }

    /**
     * The explanation for people, one line per step: each rule tried with every metric against
     * its threshold, then grace and notes. This is what {@code reasons} prints.
     *
     * @return the lines, in evaluation order
     */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        for (RuleResult result : evaluatedRules) {
            reasons.add(result.explain());
        }
        if (ruleTier.isEmpty()) {
            reasons.add("no rule matched: no tier");
        }
        notes.forEach(reasons::add);
        grace.ifPresent(outcome -> reasons.add(outcome.explain()));
        return List.copyOf(reasons);
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
}

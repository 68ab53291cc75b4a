package org.crmkit.rules.tiering;

import org.crmkit.core.event.TierChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.model.TierLadder;
import org.crmkit.rules.Policy;
import org.crmkit.rules.policy.PolicyHeader;

/**
 * Decides tiers: a pure function from a metrics snapshot (and the previously stored assignment,
 * for demotion grace) to a {@link TierDecision} with its explanation.
 *
 * <p>Hit policy: the rules are tried highest tier first and the first that matches decides.
 * With demotion grace, a customer whose rules rank below the held tier keeps it until
 * {@link DemotionGrace#evaluations()} consecutive evaluations fell below, and then drops exactly
 * one tier; the count starts again from zero after each step down. Without a previous
 * assignment, or when the held tier is not in the policy any more, the rules alone decide.
 *
 * <p>The rules are compiled when the engine is created, into arrays of thresholds that a decision
 * reads without allocating; a decision records which rule matched and renders its explanation
 * only when asked. Immutable and thread-safe.
 */
public final class TierEngine {
    /**
     * The note of a decision that tried a rule comparing the inquiries of a snapshot that does not
     * know them ({@link CustomerMetrics#inquiriesKnown()} false): why that comparison was not met.
     */
    public static final String UNKNOWN_INQUIRIES = "inquiries unknown: the source has no interactions data";

    private final PolicyHeader header;
    private final TieringPolicy policy;
    private final TierLadder ladder;
    private final CompiledTierRules rules;
    private final int ruleCount;

    private TierEngine(PolicyHeader header, TieringPolicy policy) {
        this.header = Objects.requireNonNull(header, "header");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ladder = policy.ladder();
        this.rules = CompiledTierRules.compile(header.currency(), policy.rules());
        this.ruleCount = policy.rules().size();
    }

    /**
     * Creates the engine of a policy.
     *
     * @param policy the policy; not null
     * @return the engine
     */
    public static TierEngine of(Policy policy) {
        return of(policy.header(), policy.section(TieringPolicy.class));
    }

    /**
     * Creates an engine from a policy's parts.
     *
     * @param header the policy header (currency, reference); not null
     * @param policy the tiering section; not null
     * @return the engine
     */
    public static TierEngine of(PolicyHeader header, TieringPolicy policy) {
        return new TierEngine(header, policy);
    }

    /** @return the tiers in rank order */
    public TierLadder ladder() {
        return ladder;
    }

    /**
     * Decides a tier from the rules alone, as for a customer never evaluated before.
     *
     * @param metrics the snapshot, in the policy's currency; not null
     * @return the decision
     * @throws CurrencyMismatchException if the snapshot's spend is in another currency
     */
    public TierDecision evaluate(CustomerMetrics metrics) {
        // Without a previous assignment there is no grace: the rules alone decide (as evaluate(metrics,
        // Optional.empty()) would), on a path short enough for the JIT to inline into the caller.
        requireCurrency(Objects.requireNonNull(metrics, "metrics"));
        int matched = rules.firstMatch(metrics);
        Optional<Tier> ruleTier = matched < 0 ? Optional.empty() : rules.tier(matched);
        return decision(metrics, matched < 0 ? ruleCount : matched + 1, ruleTier, ruleTier, Optional.empty(),
                List.of(), 0);
    }

    /**
     * Decides a tier, applying demotion grace against the previous assignment.
     *
     * @param metrics the snapshot, in the policy's currency; not null
     * @param previous the assignment stored before the snapshot's as-of day, if any; not null
     * @return the decision
     * @throws CurrencyMismatchException if the snapshot's spend is in another currency
     * @throws InvalidValueException if the previous assignment is another customer's or not older than the snapshot
     */
    public TierDecision evaluate(CustomerMetrics metrics, Optional<TierAssignment> previous) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(previous, "previous");
        requireCurrency(metrics);
        if (previous.isPresent()) {
            TierAssignment assignment = previous.get();
            if (!assignment.customerId().equals(metrics.customerId())) {
                throw new InvalidValueException("Previous assignment of customer '" + assignment.customerId()
                        + "' given for customer '" + metrics.customerId() + "'");
            }
            if (!assignment.asOf().isBefore(metrics.asOf())) {
                throw new InvalidValueException("Previous assignment of customer '" + assignment.customerId()
                        + "' as of " + assignment.asOf() + " is not before the evaluated day " + metrics.asOf());
            }
        }

        int matched = rules.firstMatch(metrics);
        int tried = matched < 0 ? ruleCount : matched + 1;
        Optional<Tier> ruleTier = matched < 0 ? Optional.empty() : rules.tier(matched);
        return applyGrace(metrics, tried, ruleTier, previous);
    }

    /**
     * The event of a decision that changes a customer's tier against what subscribers last heard:
     * assigned when nothing was known, else a promotion or demotion by the policy's ladder.
     *
     * @param decision the decision; not null
     * @param known the assignment subscribers last heard of, if any; not null
     * @param occurredAt when the change is recorded; not null
     * @return the event, or empty when the tier is the one known
     */
    public Optional<TierChanged> change(TierDecision decision, Optional<TierAssignment> known, Instant occurredAt) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Optional<Tier> before = Objects.requireNonNull(known, "known").flatMap(TierAssignment::tier);
        if (before.equals(decision.tier())) {
            return Optional.empty();
        }
        TierChanged.Direction direction = known.isEmpty() ? TierChanged.Direction.ASSIGNED
                : ladder.compare(decision.tier(), before) > 0 ? TierChanged.Direction.PROMOTION
                        : TierChanged.Direction.DEMOTION;
        return Optional.of(new TierChanged(decision.customerId(), before, decision.tier(), direction, decision.asOf(),
                decision.policy(), decision.reasons(), occurredAt));
    }

    private void requireCurrency(CustomerMetrics metrics) {
        if (!metrics.spend().currency().equals(header.currency())) {
            throw new CurrencyMismatchException("Metrics of customer '" + metrics.customerId() + "'",
                    header.currency(), metrics.spend().currency());
        }
    }

    private TierDecision applyGrace(CustomerMetrics metrics, int tried, Optional<Tier> ruleTier,
            Optional<TierAssignment> previous) {
        Optional<Tier> held = previous.flatMap(TierAssignment::tier);
        if (policy.demotionGrace().isEmpty() || held.isEmpty()) {
            return decision(metrics, tried, ruleTier, ruleTier, Optional.empty(), List.of(), 0);
        }
        DemotionGrace grace = policy.demotionGrace().get();
        Tier heldTier = held.get();
        if (!ladder.contains(heldTier)) {
            return decision(metrics, tried, ruleTier, ruleTier, Optional.empty(),
                    List.of("previous tier " + heldTier + " is not in policy " + header.ref()
                            + ": demotion grace not applied"), 0);
        }
        if (!grace.appliesTo(heldTier) || ladder.compare(ruleTier, held) >= 0) {
            return decision(metrics, tried, ruleTier, ruleTier, Optional.empty(), List.of(), 0);
        }
        // A count from a policy with a longer grace cannot hold a customer beyond this policy's limit.
        int below = Math.min(previous.get().evaluationsBelow(), grace.evaluations() - 1) + 1;
        if (below >= grace.evaluations()) {
            Optional<Tier> oneDown = ladder.below(heldTier);
            GraceOutcome outcome = new GraceOutcome(heldTier, below, grace.evaluations(), oneDown);
            return decision(metrics, tried, ruleTier, oneDown, Optional.of(outcome), List.of(), 0);
        }
        GraceOutcome outcome = new GraceOutcome(heldTier, below, grace.evaluations(), held);
        return decision(metrics, tried, ruleTier, held, Optional.of(outcome), List.of(), below);
    }

    private TierDecision decision(CustomerMetrics metrics, int tried, Optional<Tier> ruleTier,
            Optional<Tier> tier, Optional<GraceOutcome> grace, List<String> notes, int evaluationsBelow) {
        List<String> all = notes;
        if (!metrics.inquiriesKnown() && rules.comparesInquiries(tried)) {
            // The rule's line reads "inquiries unknown >= 1 not met"; this says why they are unknown.
            all = new ArrayList<>(notes);
            all.add(UNKNOWN_INQUIRIES);
        }
        return TierDecision.compiled(metrics, header.ref(), rules, tried, ruleTier, tier, grace, List.copyOf(all),
                evaluationsBelow);
    }
}

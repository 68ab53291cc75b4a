package org.crmkit.rules.relationship;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.Policy;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.model.RelationshipLevel;

/**
 * Decides relationship levels and types: a pure function of a customer's signals. A customer
 * holds the highest level whose evidence holds together with the evidence of every lower level,
 * so a level is never skipped: strategic agreement without repeat purchases is no vision.
 * Immutable and thread-safe.
 */
public final class RelationshipEngine {
    private final RelationshipPolicy policy;

    private RelationshipEngine(RelationshipPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Creates the engine of a policy's relationship section.
     *
     * @param policy the {@code relationship} section; not null
     * @return the engine
     */
    public static RelationshipEngine of(RelationshipPolicy policy) {
        return new RelationshipEngine(policy);
    }

    /**
     * Creates the engine of a policy.
     *
     * @param policy a policy with a {@code relationship} section; not null
     * @return the engine
     * @throws InvalidValueException if the policy has no relationship section
     */
    public static RelationshipEngine of(Policy policy) {
        return of(policy.find(RelationshipPolicy.class).orElseThrow(() -> new InvalidValueException("Policy " + policy.ref()
                + " has no relationship section; the standard policy's is a starting point (crm policy show)")));
    }

    /**
     * Decides one customer's level and type.
     *
     * @param signals the customer's signals; not null
     * @return the decision with its evidence
     */
    public RelationshipDecision evaluate(CustomerSignals signals) {
        Objects.requireNonNull(signals, "signals");
        List<LevelEvidence> evidence = new ArrayList<>();
        Optional<RelationshipLevel> held = Optional.empty();
        boolean lowerHeld = true;
        for (RelationshipLevel level : RelationshipLevel.values()) {
            LevelEvidence each = new LevelEvidence(level, policy.evidence().get(level).evaluate(signals));
            evidence.add(each);
            lowerHeld &= each.holds();
            if (lowerHeld) {
                held = Optional.of(level);
            }
        }
        return new RelationshipDecision(signals.metrics().customerId(), held, evidence,
                policy.types().choose(signals));
    }
}

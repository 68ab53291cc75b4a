package org.crmkit.core.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;

/**
 * A customer's tier differs from the one stored before, or a customer was assigned a tier for
 * the first time. Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param from the previous tier, empty when the customer had none; not null
 * @param to the new tier, empty when the customer no longer has one; not null
 * @param direction a first assignment, a promotion or a demotion; not null
 * @param asOf the as-of date of the evaluation; not null
 * @param policy the policy that decided; not null
 * @param reasons the explanation of the new decision, as rendered for people; not null
 * @param occurredAt when the evaluation ran; not null
 */
public record TierChanged(
        CustomerId customerId,
        Optional<Tier> from,
        Optional<Tier> to,
        Direction direction,
        LocalDate asOf,
        PolicyRef policy,
        List<String> reasons,
        Instant occurredAt) implements DomainEvent {

    /** Whether this is a first assignment, or the customer moved up or down. */
    public enum Direction {
        /**
         * The customer's first assignment: nothing was stored before. Subscribers that only
         * care about moves (a welcome for new core customers is not a promotion) filter these.
         */
        ASSIGNED,
        /** The new tier ranks higher, or the customer had no tier before. */
        PROMOTION,
        /** The new tier ranks lower, or the customer has no tier now. */
        DEMOTION
    }

    /** Checks the invariants. */
    public TierChanged {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (direction == Direction.ASSIGNED && from.isPresent()) {
            throw new InvalidValueException("TierChanged of a first assignment cannot come from tier '" + from.get()
                    + "'");
        }
        if (from.equals(to)) {
            throw new InvalidValueException("TierChanged needs two different tiers, was '"
                    + from.map(Tier::name).orElse("none") + "' twice");
        }
    }
}

package org.crmkit.core.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.PolicyRef;

/**
 * A customer moved to another lifecycle stage, or got a first one: the recorded transition and
 * the event that applications react to (an early warning on entering decline, a win-back on
 * churn). Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param from the previous stage, empty for the customer's first evaluation; not null
 * @param to the new stage, different from the previous one; not null
 * @param asOf the as-of date of the evaluation; not null
 * @param policy the policy that decided; not null
 * @param reasons the explanation of the new stage, as rendered for people; not null
 * @param winBack whether the customer is churned and flagged for win-back
 * @param occurredAt when the evaluation ran, from the injected clock; not null
 */
public record LifecycleStageChanged(
        CustomerId customerId,
        Optional<LifecycleStage> from,
        LifecycleStage to,
        LocalDate asOf,
        PolicyRef policy,
        List<String> reasons,
        boolean winBack,
        Instant occurredAt) implements DomainEvent {

    /** Checks the invariants. */
    public LifecycleStageChanged {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (from.isPresent() && from.get() == to) {
            throw new InvalidValueException("LifecycleStageChanged needs two different stages, was '" + to.key()
                    + "' twice");
        }
        if (winBack && to != LifecycleStage.CHURNED) {
            throw new InvalidValueException("Only churned customers are flagged for win-back, not " + to.key());
        }
    }
}

package org.crmkit.core.model;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact with a customer: an inquiry, a visit, a call, a survey answer and so on.
 * Immutable and thread-safe.
 *
 * @param id the interaction id; not null
 * @param customerId the customer; not null
 * @param occurredAt when it happened, with the offset it was recorded in; not null
 * @param channel how it happened; not null
 * @param kind what it was; not null
 * @param staffId who handled it, if recorded; not null
 * @param outcome free-text outcome, if recorded; not null
 */
public record Interaction(
        InteractionId id,
        CustomerId customerId,
        OffsetDateTime occurredAt,
        Channel channel,
        InteractionKind kind,
        Optional<StaffId> staffId,
        Optional<String> outcome) {

    /** Checks the invariants. */
    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(outcome, "outcome");
        outcome = outcome.filter(text -> !text.isBlank());
    }

    /**
     * Creates an interaction without staff and outcome.
     *
     * @param id the id; not null
     * @param customerId the customer; not null
     * @param occurredAt when; not null
     * @param channel how; not null
     * @param kind what; not null
     * @return the interaction
     */
    public static Interaction of(InteractionId id, CustomerId customerId, OffsetDateTime occurredAt,
            Channel channel, InteractionKind kind) {
        return new Interaction(id, customerId, occurredAt, channel, kind, Optional.empty(), Optional.empty());
    }

    /**
     * Copy with the member of staff who handled it.
     *
     * @param staff the staff id; not null
     * @return the copy
     */
    public Interaction withStaff(StaffId staff) {
        return new Interaction(id, customerId, occurredAt, channel, kind, Optional.of(staff), outcome);
    }

    /**
     * Copy with an outcome.
     *
     * @param text the outcome; not null
     * @return the copy
     */
    public Interaction withOutcome(String text) {
        return new Interaction(id, customerId, occurredAt, channel, kind, staffId, Optional.of(text));
    }
}

package org.crmkit.rules.cadence;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Tier;

/**
 * A due contact that could not be placed, with the reason: never dropped silently.
 * Immutable and thread-safe.
 *
 * @param customerId the customer; not null
 * @param tier the customer's tier, if any; not null
 * @param rule the cadence rule; not null
 * @param due the day it was due; not null
 * @param owner who would have carried it out, as far as known; not null
 * @param kind the kind of reason, for counting and filtering; not null
 * @param reason why it could not be placed, for people; not null
 */
public record UnscheduledContact(CustomerId customerId, Optional<Tier> tier, CadenceRule rule, LocalDate due,
        String owner, Kind kind, String reason) {

    /** Why a due contact could not be placed. */
    public enum Kind {
        /** A marketing contact waits while a complaint of the customer is open. */
        COMPLAINT_OPEN,
        /** Every channel of the rule is on the customer's do-not-contact list. */
        DO_NOT_CONTACT,
        /** There is no account manager to assign. */
        NO_ACCOUNT_MANAGER,
        /** No day in the range has working time of the owner on the customer's preferred days and hours. */
        NO_SUITABLE_DAY,
        /** The frequency cap leaves no room on the suitable days. */
        FREQUENCY_CAP,
        /** No owner has capacity left on the suitable days. */
        NO_CAPACITY;

        /** @return the lower-case key, e.g. {@code "no_capacity"} */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
    /** Checks the invariants. */
    public UnscheduledContact {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}

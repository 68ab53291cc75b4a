package org.crmkit.rules.cadence;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Channel;

/**
 * One rhythm of contact for the customers of a tier, e.g. "a visit or video call every month by
 * the account manager". Immutable and thread-safe.
 *
 * @param name the rule's name, unique in the policy; not blank
 * @param channels the channels it may use, most preferred first; not empty; not null
 * @param every how often; not null
 * @param owner who carries it out; not null
 * @param purpose why; not null
 */
public record CadenceRule(String name, List<Channel> channels, CadenceInterval every, OwnerKind owner,
        ContactPurpose purpose) {
    /** Checks the invariants. */
    public CadenceRule {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new InvalidValueException("cadence rule name must not be blank");
        }
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        if (channels.isEmpty()) {
            throw new InvalidValueException("cadence rule " + name + " needs at least one channel");
        }
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(purpose, "purpose");
    }
}

package org.crmkit.rules;

import java.util.Objects;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.policy.PolicyHeader;
import org.crmkit.rules.tiering.TieringPolicy;

/**
 * A validated policy document: the header every capability shares and one section per
 * capability. Load one with {@link PolicyLoader}; a policy that exists is valid.
 * Immutable and thread-safe.
 *
 * @param header id, version, effective date, currency, time zone and evaluation window; not null
 * @param tiering the {@code tiers} and {@code tiering} sections; not null
 * @param source the document it was read from, for messages; not null
 */
public record Policy(PolicyHeader header, TieringPolicy tiering, PolicySource source) {
    /** Checks the invariants. */
    public Policy {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(tiering, "tiering");
        Objects.requireNonNull(source, "source");
    }

    /** @return the policy's id and version */
    public PolicyRef ref() {
        return header.ref();
    }
}

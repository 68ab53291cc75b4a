package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * Names the policy, and its version, that made a decision, so that stored decisions can be
 * audited later. Immutable and thread-safe.
 *
 * @param id the policy id, e.g. {@code "standard"}; not blank
 * @param version the policy version, e.g. {@code "2026.1"}; not blank
 */
public record PolicyRef(String id, String version) {
    /** Checks the invariants. */
    public PolicyRef {
        Checks.identifier(id, "PolicyRef id");
        Checks.identifier(version, "PolicyRef version");
    }

    /**
     * Creates a reference.
     *
     * @param id the policy id; not blank
     * @param version the version; not blank
     * @return the reference
     */
    public static PolicyRef of(String id, String version) {
        return new PolicyRef(id, version);
    }

    /** @return {@code id@version} */
    @Override
    public String toString() {
        return id + "@" + version;
    }
}

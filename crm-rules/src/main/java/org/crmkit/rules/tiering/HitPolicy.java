package org.crmkit.rules.tiering;

/**
 * Which rule decides when several match. crmkit has one, stated explicitly in policy files so
 * that nobody has to guess: {@code first_match}.
 */
public enum HitPolicy {
    /**
     * Rules are tried in the order the policy lists them, highest tier first; the first rule
     * that matches decides, and the rules after it are not evaluated.
     */
    FIRST_MATCH;

    /** @return the spelling in policy files */
    public String key() {
        return "first_match";
    }
}

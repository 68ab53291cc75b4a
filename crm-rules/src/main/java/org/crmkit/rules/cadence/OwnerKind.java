package org.crmkit.rules.cadence;

import java.util.Locale;

/** Who carries out a cadence's contacts. */
public enum OwnerKind {
    /** The customer's dedicated account manager; one is assigned, balanced by load, when missing. */
    ACCOUNT_MANAGER,
    /** A member of the sales team. */
    SALES_TEAM,
    /** A member of the service team. */
    SERVICE_TEAM,
    /** Automated messages: no person, no capacity limit unless the policy sets one. */
    AUTOMATION;

    /** @return the spelling in policy files, e.g. {@code "account_manager"} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.crmkit.rules.internal;

/** How to refresh the committed schema and key reference after a section declaration changed. */
public final class PolicyDocsCommand {
    /** The command, run from the repository root. */
    public static final String COMMAND = "mvn -B -pl crm-rules -am verify -Dtest=PolicyDocsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dcrmkit.policy.docs.write=true";

    private PolicyDocsCommand() {
    }
}

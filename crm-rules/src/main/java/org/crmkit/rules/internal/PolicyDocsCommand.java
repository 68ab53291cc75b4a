package org.crmkit.rules.internal;

/** How to refresh the committed schema and key reference after a section declaration changed. */
public final class PolicyDocsCommand {
    /**
     * The command, run from the repository root. It runs only the tests that write the files: the
     * test of the jar's copy would still see the resource copied before they were rewritten.
     */
    public static final String COMMAND = "mvn -B -pl crm-rules -am verify -Dtest='PolicyDocsTest#the*IsCurrent'"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dcrmkit.policy.docs.write=true";

    private PolicyDocsCommand() {
    }
}

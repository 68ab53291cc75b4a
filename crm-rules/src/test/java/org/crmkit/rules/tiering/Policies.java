package org.crmkit.rules.tiering;

import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;

/** Variants of the standard policy for tests. */
final class Policies {
    private Policies() {
    }

    /** The standard policy with demotion grace inserted into its tiering section. */
    static Policy standardWithGrace(String graceYaml) {
        String text = PolicyLoader.standardText().replace("  hit_policy: first_match\n",
                "  hit_policy: first_match\n  demotion_grace: " + graceYaml + "\n");
        if (text.equals(PolicyLoader.standardText())) {
            throw new IllegalStateException("the standard policy no longer has the line this test edits");
        }
        return PolicyDocuments.load(text, "grace.yaml");
    }
}

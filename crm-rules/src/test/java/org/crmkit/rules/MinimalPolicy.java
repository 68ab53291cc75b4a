package org.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.crmkit.rules.policy.PolicyProblem;
import org.crmkit.rules.policy.PolicyValidationException;

/** The smallest valid policy document, to which section tests append their section. */
public final class MinimalPolicy {
    /** Eight lines: header and one tier; an appended section starts on line 9. */
    public static final String HEADER = """
            id: acme
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            tiers:
              - name: buyer
                when: {spend: {gt: 0}}
            """;

    private MinimalPolicy() {
    }

    /**
     * Loads the header with a section appended.
     *
     * @param section the YAML of the section, ending with a newline
     * @return the policy
     */
    public static Policy with(String section) {
        return PolicyLoader.parse(HEADER + section, "acme.yaml");
    }

    /**
     * Asserts that the header with a section appended is rejected with exactly one message.
     *
     * @param section the YAML of the section, ending with a newline
     * @param expected the located message, e.g. {@code "acme.yaml:9: clv.horizon: must be at least 1, was 0"}
     */
    public static void assertRejected(String section, String expected) {
        PolicyValidationException thrown = catchThrowableOfType(PolicyValidationException.class, () -> with(section));

        assertThat(thrown).as("the section %s must be rejected", section).isNotNull();
        assertThat(thrown.problems()).extracting(PolicyProblem::toString).containsExactly(expected);
    }
}

package org.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smallest valid policy document, to which section tests append their section; every document
 * is also checked against the schema ({@link PolicyDocuments}).
 */
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
     * Loads the header with a section appended, which the schema must accept too.
     *
     * @param section the YAML of the section, ending with a newline
     * @return the policy
     */
    public static Policy with(String section) {
        return PolicyDocuments.load(HEADER + section, "acme.yaml");
    }

    /**
     * Asserts that the header with a section appended is rejected with exactly one message, and by
     * the schema as well when its structure is broken.
     *
     * @param section the YAML of the section, ending with a newline
     * @param broken what is broken: structure, which the schema rejects too, or meaning, which it accepts
     * @param expected the located message, e.g. {@code "acme.yaml:9: clv.horizon: must be at least 1, was 0"}
     */
    public static void assertRejected(String section, PolicyDocuments.Broken broken, String expected) {
        assertThat(PolicyDocuments.rejected(HEADER + section, "acme.yaml", broken)).as("the section %s", section)
                .containsExactly(expected);
    }
}

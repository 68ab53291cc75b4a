package org.crmkit.rules;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Gives the schema tests in other packages the fixtures of the policy tests, without copying them. */
public final class PolicyValidationTestAccess {
    private PolicyValidationTestAccess() {
    }

    /** @return the valid policy the validation cases start from */
    public static String valid() {
        return PolicyValidationTest.VALID;
    }

    /** @return the valid policy of the section-problem cases */
    public static String sectionProblemsValid() {
        return SectionProblemsTest.VALID;
    }

    /** @return the validation cases: what is broken, the document, the expected message */
    public static Stream<Arguments> brokenPolicies() {
        return PolicyValidationTest.brokenPolicies();
    }
}

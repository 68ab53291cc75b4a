package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TierAssignmentTest {
    private static final CustomerId CUSTOMER = CustomerId.of("c-1");
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final PolicyRef POLICY = PolicyRef.of("standard", "2026.1");
    private static final Instant RECORDED = Instant.parse("2026-04-01T01:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, Integer.MAX_VALUE})
    void acceptsZeroOrMoreEvaluationsBelow(int evaluationsBelow) {
        TierAssignment assignment = new TierAssignment(CUSTOMER, Optional.of(Tier.of("core")), AS_OF, POLICY,
                evaluationsBelow, RECORDED);

        assertThat(assignment.evaluationsBelow()).isEqualTo(evaluationsBelow);
        assertThat(assignment.tier()).contains(Tier.of("core"));
    }

    @Test
    void noTierIsAValidAssignment() {
        TierAssignment assignment = new TierAssignment(CUSTOMER, Optional.empty(), AS_OF, POLICY, 0, RECORDED);

        assertThat(assignment.tier()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -5, Integer.MIN_VALUE})
    void rejectsNegativeEvaluationsBelow(int evaluationsBelow) {
        assertThatThrownBy(() -> new TierAssignment(CUSTOMER, Optional.empty(), AS_OF, POLICY, evaluationsBelow,
                RECORDED))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("TierAssignment evaluationsBelow must not be negative, was " + evaluationsBelow);
    }

    @Test
    void rejectsNullComponentsNamingThem() {
        Optional<Tier> none = Optional.empty();
        assertThatThrownBy(() -> new TierAssignment(null, none, AS_OF, POLICY, 0, RECORDED))
                .isInstanceOf(NullPointerException.class).hasMessage("customerId");
        assertThatThrownBy(() -> new TierAssignment(CUSTOMER, null, AS_OF, POLICY, 0, RECORDED))
                .isInstanceOf(NullPointerException.class).hasMessage("tier");
        assertThatThrownBy(() -> new TierAssignment(CUSTOMER, none, null, POLICY, 0, RECORDED))
                .isInstanceOf(NullPointerException.class).hasMessage("asOf");
        assertThatThrownBy(() -> new TierAssignment(CUSTOMER, none, AS_OF, null, 0, RECORDED))
                .isInstanceOf(NullPointerException.class).hasMessage("policy");
        assertThatThrownBy(() -> new TierAssignment(CUSTOMER, none, AS_OF, POLICY, 0, null))
                .isInstanceOf(NullPointerException.class).hasMessage("recordedAt");
    }
}

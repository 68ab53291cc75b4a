package org.crmkit.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.event.TierChanged.Direction;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.junit.jupiter.api.Test;

class TierChangedTest {
    private static final CustomerId CUSTOMER = CustomerId.of("c-1");
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final PolicyRef POLICY = PolicyRef.of("standard", "2026.1");
    private static final Instant AT = Instant.parse("2026-04-01T01:00:00Z");
    private static final Optional<Tier> CORE = Optional.of(Tier.of("core"));
    private static final Optional<Tier> IMPORTANT = Optional.of(Tier.of("important"));

    private static TierChanged change(Optional<Tier> from, Optional<Tier> to, Direction direction,
            List<String> reasons) {
        return new TierChanged(CUSTOMER, from, to, direction, AS_OF, POLICY, reasons, AT);
    }

    @Test
    void recordsAPromotionFromNoTier() {
        TierChanged event = change(Optional.empty(), CORE, Direction.PROMOTION, List.of("spend 1200000.00 >= 1000000"));

        assertThat(event.from()).isEmpty();
        assertThat(event.to()).isEqualTo(CORE);
        assertThat(event.direction()).isEqualTo(Direction.PROMOTION);
        assertThat(event.reasons()).containsExactly("spend 1200000.00 >= 1000000");
        assertThat(event.occurredAt()).isEqualTo(AT);
        assertThat(((DomainEvent) event).occurredAt()).isEqualTo(AT);
    }

    @Test
    void recordsADemotionToNoTier() {
        TierChanged event = change(IMPORTANT, Optional.empty(), Direction.DEMOTION, List.of());

        assertThat(event.to()).isEmpty();
        assertThat(event.direction()).isEqualTo(Direction.DEMOTION);
    }

    @Test
    void rejectsTheSameTierTwice() {
        assertThatThrownBy(() -> change(CORE, Optional.of(Tier.of("core")), Direction.PROMOTION, List.of()))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("TierChanged needs two different tiers, was 'core' twice");
    }

    @Test
    void rejectsNoTierTwice() {
        assertThatThrownBy(() -> change(Optional.empty(), Optional.empty(), Direction.DEMOTION, List.of()))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("TierChanged needs two different tiers, was 'none' twice");
    }

    @Test
    void keepsItsOwnUnmodifiableCopyOfTheReasons() {
        List<String> reasons = new ArrayList<>(List.of("orders 12 >= 10"));
        TierChanged event = change(Optional.empty(), CORE, Direction.PROMOTION, reasons);

        reasons.add("added later");

        assertThat(event.reasons()).containsExactly("orders 12 >= 10");
        assertThatThrownBy(() -> event.reasons().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNullComponentsNamingThem() {
        List<String> none = List.of();
        assertThatThrownBy(() -> new TierChanged(null, CORE, IMPORTANT, Direction.DEMOTION, AS_OF, POLICY, none, AT))
                .isInstanceOf(NullPointerException.class).hasMessage("customerId");
        assertThatThrownBy(() -> new TierChanged(CUSTOMER, null, IMPORTANT, Direction.DEMOTION, AS_OF, POLICY, none,
                AT)).isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> new TierChanged(CUSTOMER, CORE, null, Direction.DEMOTION, AS_OF, POLICY, none, AT))
                .isInstanceOf(NullPointerException.class).hasMessage("to");
        assertThatThrownBy(() -> new TierChanged(CUSTOMER, CORE, IMPORTANT, null, AS_OF, POLICY, none, AT))
                .isInstanceOf(NullPointerException.class).hasMessage("direction");
        assertThatThrownBy(() -> new TierChanged(CUSTOMER, CORE, IMPORTANT, Direction.DEMOTION, null, POLICY, none,
                AT)).isInstanceOf(NullPointerException.class).hasMessage("asOf");
        assertThatThrownBy(() -> new TierChanged(CUSTOMER, CORE, IMPORTANT, Direction.DEMOTION, AS_OF, null, none,
                AT)).isInstanceOf(NullPointerException.class).hasMessage("policy");
        assertThatThrownBy(() -> new TierChanged(CUSTOMER, CORE, IMPORTANT, Direction.DEMOTION, AS_OF, POLICY, null,
                AT)).isInstanceOf(NullPointerException.class).hasMessage("reasons");
        assertThatThrownBy(() -> new TierChanged(CUSTOMER, CORE, IMPORTANT, Direction.DEMOTION, AS_OF, POLICY, none,
                null)).isInstanceOf(NullPointerException.class).hasMessage("occurredAt");
        assertThatThrownBy(() -> change(Optional.empty(), CORE, Direction.PROMOTION, Arrays.asList("ok", null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aFirstAssignmentComesFromNoTier() {
        TierChanged event = change(Optional.empty(), CORE, Direction.ASSIGNED, List.of());

        assertThat(event.direction()).isEqualTo(Direction.ASSIGNED);
        assertThatThrownBy(() -> change(IMPORTANT, CORE, Direction.ASSIGNED, List.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("TierChanged of a first assignment cannot come from tier 'important'");
    }
}

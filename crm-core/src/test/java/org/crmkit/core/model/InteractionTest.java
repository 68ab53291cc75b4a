package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionTest {
    private static final InteractionId ID = InteractionId.of("i-1");
    private static final CustomerId CUSTOMER = CustomerId.of("c-1");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-31T23:30:00+08:00");

    @Test
    void ofStartsWithoutStaffAndOutcome() {
        Interaction interaction = Interaction.of(ID, CUSTOMER, AT, Channel.WECHAT, InteractionKind.INQUIRY);

        assertThat(interaction.id()).isEqualTo(ID);
        assertThat(interaction.customerId()).isEqualTo(CUSTOMER);
        assertThat(interaction.occurredAt()).isEqualTo(AT);
        assertThat(interaction.channel()).isEqualTo(Channel.WECHAT);
        assertThat(interaction.kind()).isEqualTo(InteractionKind.INQUIRY);
        assertThat(interaction.staffId()).isEmpty();
        assertThat(interaction.outcome()).isEmpty();
    }

    @Test
    void keepsTheRecordedOffset() {
        Interaction interaction = Interaction.of(ID, CUSTOMER, AT, Channel.PHONE, InteractionKind.CALL);

        assertThat(interaction.occurredAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    }

    @Test
    void withCopiesSetOneFactAndKeepTheOthers() {
        StaffId staff = StaffId.of("s-3");

        Interaction interaction = Interaction.of(ID, CUSTOMER, AT, Channel.VISIT, InteractionKind.VISIT)
                .withStaff(staff)
                .withOutcome("quote requested");

        assertThat(interaction).isEqualTo(new Interaction(ID, CUSTOMER, AT, Channel.VISIT, InteractionKind.VISIT,
                Optional.of(staff), Optional.of("quote requested")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\n"})
    void blankOutcomeMeansNoOutcome(String outcome) {
        Interaction interaction = Interaction.of(ID, CUSTOMER, AT, Channel.EMAIL, InteractionKind.MESSAGE)
                .withOutcome(outcome);

        assertThat(interaction.outcome()).isEmpty();
    }

    @Test
    void rejectsNullComponentsNamingThem() {
        assertThatThrownBy(() -> Interaction.of(null, CUSTOMER, AT, Channel.EMAIL, InteractionKind.MESSAGE))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> Interaction.of(ID, null, AT, Channel.EMAIL, InteractionKind.MESSAGE))
                .isInstanceOf(NullPointerException.class).hasMessage("customerId");
        assertThatThrownBy(() -> Interaction.of(ID, CUSTOMER, null, Channel.EMAIL, InteractionKind.MESSAGE))
                .isInstanceOf(NullPointerException.class).hasMessage("occurredAt");
        assertThatThrownBy(() -> Interaction.of(ID, CUSTOMER, AT, null, InteractionKind.MESSAGE))
                .isInstanceOf(NullPointerException.class).hasMessage("channel");
        assertThatThrownBy(() -> Interaction.of(ID, CUSTOMER, AT, Channel.EMAIL, null))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
    }
}

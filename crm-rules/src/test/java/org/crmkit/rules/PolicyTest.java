package org.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.LifecyclePolicy;
import org.crmkit.rules.segment.SegmentationPolicy;
import org.crmkit.rules.sla.SlaPolicy;
import org.crmkit.rules.tiering.TieringPolicy;
import org.junit.jupiter.api.Test;

/** Sections by type: those every policy has, optional ones, and policies built in code. */
class PolicyTest {
    private static final Policy STANDARD = PolicyLoader.standard();

    @Test
    void aPolicyBuiltInCodeHasTheStandardValuesOfSectionsItWasNotGiven() {
        Policy policy = Policy.of(STANDARD.header(), STANDARD.section(TieringPolicy.class), STANDARD.source());

        assertThat(policy.section(TieringPolicy.class)).isEqualTo(STANDARD.section(TieringPolicy.class));
        assertThat(policy.section(SlaPolicy.class)).isEqualTo(SlaPolicy.none());
        assertThat(policy.section(ClvPolicy.class)).isEqualTo(ClvPolicy.standard());
        assertThat(policy.section(SegmentationPolicy.class)).isEqualTo(SegmentationPolicy.standard());
        assertThat(policy.find(CadencePolicy.class)).isEmpty();
        assertThat(policy.find(ClvPolicy.class)).contains(ClvPolicy.standard());
        assertThat(policy.calendars()).containsOnlyKeys(Policy.ALWAYS_OPEN_CALENDAR);
    }

    @Test
    void aBuilderCopyOfAPolicyEqualsIt() {
        Policy copy = STANDARD.toBuilder().build();

        assertThat(copy).isEqualTo(STANDARD).hasSameHashCodeAs(STANDARD);
        assertThat(copy.find(LifecyclePolicy.class)).isPresent();
        assertThat(copy.calendars().keySet()).containsExactlyElementsOf(STANDARD.calendars().keySet());
    }

    @Test
    void aBuilderReplacesASection() {
        Policy withoutSla = STANDARD.toBuilder().section(SlaPolicy.none()).build();

        assertThat(withoutSla.section(SlaPolicy.class).targets()).isEmpty();
        assertThat(STANDARD.section(SlaPolicy.class).targets()).isNotEmpty();
    }

    @Test
    void anOptionalSectionIsReadWithFind() {
        assertThatThrownBy(() -> STANDARD.section(CadencePolicy.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CadencePolicy is an optional policy section; use find(CadencePolicy.class)");
    }

    @Test
    void aTypeThatIsNoSectionIsRefused() {
        assertThatThrownBy(() -> STANDARD.find(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.String is not a policy section");
        assertThatThrownBy(() -> Policy.builder(STANDARD.header()).section("tiers"))
                .hasMessage("java.lang.String is not a policy section");
    }

    @Test
    void aPolicyNeedsTiers() {
        assertThatThrownBy(() -> Policy.builder(STANDARD.header()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a policy needs a TieringPolicy");
    }

    @Test
    void theBuiltInCalendarCannotBeReplaced() {
        assertThatThrownBy(() -> Policy.builder(STANDARD.header())
                .calendar(BusinessCalendar.alwaysOpen(Policy.ALWAYS_OPEN_CALENDAR, STANDARD.header().zone())))
                .hasMessage("'24x7' is built in and cannot be replaced");
    }
}

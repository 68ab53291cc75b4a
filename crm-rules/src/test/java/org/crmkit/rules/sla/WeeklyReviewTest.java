package org.crmkit.rules.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.rules.sla.SlaFixtures.at;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.rules.sla.WeeklyReview.CaseRecord;
import org.junit.jupiter.api.Test;

class WeeklyReviewTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final List<CaseRecord> cases = new ArrayList<>();

    private void add(String id, String customer, String openedAt, String cause, Channel channel, String... events) {
        add(CaseKind.COMPLAINT, id, customer, openedAt, cause, channel, events);
    }

    private void add(CaseKind kind, String id, String customer, String openedAt, String cause, Channel channel,
            String... events) {
        ServiceCase opened = new ServiceCase(CaseId.of(id), CustomerId.of(customer), OffsetDateTime.parse(openedAt),
                kind, Optional.empty(), Optional.ofNullable(cause), Optional.ofNullable(channel));
        List<CaseEvent> history = new ArrayList<>();
        for (int i = 0; i < events.length; i += 2) {
            history.add(CaseEvent.of(CaseId.of(id), OffsetDateTime.parse(events[i]), CaseEventType.parse(events[i + 1])));
        }
        cases.add(new CaseRecord(opened, history, Optional.empty()));
    }

    @Test
    void reviewsTheWeeksCasesMilestonesBreachesResolutionsAndRepeatComplainers() {
        // Week 2026-W14 runs from Monday 2026-03-30 to Sunday 2026-04-05 (in Shanghai).
        add("k-1", "c-1", "2026-03-30T10:00+08:00", "delivery", Channel.PHONE,
                "2026-03-30T10:20+08:00", "responded", "2026-03-30T15:00+08:00", "solution_proposed",
                "2026-03-31T10:00+08:00", "resolved", "2026-03-31T11:00+08:00", "feedback_received");
        add("k-2", "c-1", "2026-03-31T10:00+08:00", "delivery", Channel.WECHAT,
                "2026-03-31T11:30+08:00", "responded");
        add("k-3", "c-2", "2026-04-01T10:00+08:00", "quality", null,
                "2026-04-01T10:40+08:00", "responded", "2026-04-01T11:00+08:00", "resolved");
        add("k-4", "c-3", "2026-04-02T10:00+08:00", null, Channel.PHONE);
        // An older case whose breach is still open, and one from the next week.
        add("k-0", "c-1", "2026-03-20T10:00+08:00", "billing", Channel.EMAIL);
        add("k-9", "c-4", "2026-04-06T10:00+08:00", "delivery", Channel.PHONE);

        WeeklyReview review = WeeklyReview.of(SlaFixtures.ENGINE, SHANGHAI, "2026-W14", cases);

        assertThat(review.week()).isEqualTo("2026-W14");
        assertThat(review.from()).isEqualTo(at("2026-03-30T00:00+08:00"));
        assertThat(review.until()).isEqualTo(at("2026-04-06T00:00+08:00"));
        assertThat(review.casesOpened()).isEqualTo(4);
        assertThat(review.complaintsOpened()).isEqualTo(4);
        assertThat(review.byCause()).containsExactly(java.util.Map.entry("delivery", 2L),
                java.util.Map.entry("quality", 1L), java.util.Map.entry("unknown", 1L));
        assertThat(review.byChannel()).containsExactly(java.util.Map.entry("phone", 2L),
                java.util.Map.entry("unknown", 1L), java.util.Map.entry("wechat", 1L));
        WeeklyReview.MilestoneSummary response = review.milestones().get(0);
        assertThat(response.name()).isEqualTo("first_response");
        assertThat(response.cases()).isEqualTo(4);
        assertThat(response.metOnTime()).isEqualTo(2);
        assertThat(response.metLate()).isEqualTo(1);
        assertThat(response.breached()).isEqualTo(1);
        assertThat(response.onTimeRate()).contains(0.5);
        // Times to first response: 20 min, 40 min, 90 min -> median 40 min, p90 90 min.
        assertThat(response.medianTimeToMeet()).contains(Duration.ofMinutes(40));
        assertThat(response.p90TimeToMeet()).contains(Duration.ofMinutes(90));
        assertThat(review.openBreaches()).extracting(breach -> breach.caseId().value() + "/" + breach.milestone())
                .contains("k-0/first_response", "k-4/first_response", "k-0/solution")
                .doesNotContain("k-1/first_response", "k-9/first_response");
        assertThat(review.resolved()).isEqualTo(2);
        assertThat(review.resolutionRate()).isEqualTo(0.5);
        assertThat(review.repeatComplainers()).singleElement().satisfies(repeat -> {
            assertThat(repeat.customerId().value()).isEqualTo("c-1");
            assertThat(repeat.complaints()).isEqualTo(3);
        });
    }

    @Test
    void countsComplaintsClosedWithoutAResponseApartAndResolutionsUndoneByAReopeningAsOpen() {
        add("k-1", "c-1", "2026-03-30T10:00+08:00", "delivery", Channel.PHONE, "2026-03-30T10:30+08:00", "closed");
        add("k-2", "c-2", "2026-03-30T10:00+08:00", "delivery", Channel.PHONE, "2026-03-30T10:10+08:00", "responded",
                "2026-03-31T10:00+08:00", "resolved", "2026-04-01T10:00+08:00", "reopened");
        add(CaseKind.INQUIRY, "q-1", "c-3", "2026-03-31T10:00+08:00", "pricing", Channel.EMAIL);

        WeeklyReview review = WeeklyReview.of(SlaFixtures.ENGINE, SHANGHAI, "2026-W14", cases);

        WeeklyReview.MilestoneSummary response = review.milestones().get(0);
        assertThat(response.closedWithout()).isEqualTo(1);
        assertThat(response.metOnTime()).isEqualTo(1);
        assertThat(response.onTimeRate()).contains(1.0);
        assertThat(review.resolved()).isZero();
        assertThat(review.casesOpened()).isEqualTo(3);
        assertThat(review.complaintsOpened()).isEqualTo(2);
        assertThat(review.byCause()).containsOnlyKeys("delivery");
        assertThat(review.byChannel()).containsOnlyKeys("phone");
    }

    @Test
    void placesTheLastDaysOfDecemberInWeek53WhenTheYearHasOne() {
        add("k-1", "c-1", "2026-12-31T10:00+08:00", "delivery", Channel.PHONE);

        assertThat(WeeklyReview.of(SlaFixtures.ENGINE, SHANGHAI, "2026-W53", cases).casesOpened()).isEqualTo(1);
        assertThat(WeeklyReview.of(SlaFixtures.ENGINE, SHANGHAI, "2027-W01", cases).casesOpened()).isZero();
    }

    @Test
    void hasNothingToSayAboutAnEmptyWeek() {
        WeeklyReview review = WeeklyReview.of(SlaFixtures.ENGINE, SHANGHAI, "2026-W01", List.of());

        assertThat(review.casesOpened()).isZero();
        assertThat(review.resolutionRate()).isZero();
        assertThat(review.milestones()).isEmpty();
        assertThat(review.from()).isEqualTo(at("2025-12-29T00:00+08:00"));
    }

    @Test
    void takesPercentilesByNearestRank() {
        List<Duration> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ten.add(Duration.ofMinutes(i));
        }

        assertThat(WeeklyReview.percentile(ten, 50)).contains(Duration.ofMinutes(5));
        assertThat(WeeklyReview.percentile(ten, 90)).contains(Duration.ofMinutes(9));
        assertThat(WeeklyReview.percentile(List.of(Duration.ofMinutes(7)), 90)).contains(Duration.ofMinutes(7));
        assertThat(WeeklyReview.percentile(List.of(), 50)).isEmpty();
    }

    @Test
    void rejectsWeeksThatAreNotIsoWeeks() {
        assertThatThrownBy(() -> WeeklyReview.mondayOf("2026-10"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("week must be an ISO week such as 2026-W10, was '2026-10'");
        assertThatThrownBy(() -> WeeklyReview.mondayOf("2026-W54"))
                .hasMessage("week must be an ISO week such as 2026-W10, was '2026-W54'");
        assertThat(WeeklyReview.mondayOf("2026-W10")).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
    }
}

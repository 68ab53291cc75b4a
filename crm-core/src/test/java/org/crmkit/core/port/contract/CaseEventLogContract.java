package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.Priority;
import org.crmkit.core.port.CaseEventLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link CaseEventLog} implementation must show. An adapter's test extends
 * this class and implements {@link #newCaseEventLog()}; test methods are public so that
 * subclasses in other packages inherit them.
 */
public abstract class CaseEventLogContract {
    private static final CaseId CASE = CaseId.of("k-1");
    private static final CaseId OTHER = CaseId.of("k-2");
    private static final OffsetDateTime MOMENT = OffsetDateTime.parse("2026-03-02T09:15:30.123456789+08:00");

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract CaseEventLog newCaseEventLog();

    private static CaseEvent event(CaseId caseId, String at, CaseEventType type) {
        return CaseEvent.of(caseId, OffsetDateTime.parse(at), type);
    }

    private static CaseEvent noted(CaseId caseId, OffsetDateTime at, String detail) {
        return new CaseEvent(caseId, at, CaseEventType.RESPONDED, Optional.of(detail));
    }

    private static List<String> details(List<CaseEvent> events) {
        return events.stream().map(event -> event.detail().orElse("-")).toList();
    }

    @Test
    public void findsNothingForACaseWithoutEvents() {
        CaseEventLog log = newCaseEventLog();
        log.append(CaseEvent.of(CASE, MOMENT, CaseEventType.RESPONDED));

        assertThat(log.findByCase(OTHER)).isEmpty();
    }

    @Test
    public void roundTripsAnEventWithoutDetail() {
        CaseEventLog log = newCaseEventLog();
        CaseEvent minimal = CaseEvent.of(CASE, MOMENT, CaseEventType.RESPONDED);

        log.append(minimal);

        List<CaseEvent> found = log.findByCase(CASE);
        assertThat(found).containsExactly(minimal);
        assertThat(found.get(0).detail()).isEmpty();
        assertThat(found.get(0).newPriority()).isEmpty();
    }

    @Test
    public void roundTripsEveryField() {
        CaseEventLog log = newCaseEventLog();
        CaseId caseId = CaseId.of("ZD/2026-03/0042");
        CaseEvent full = new CaseEvent(caseId, MOMENT, CaseEventType.SOLUTION_PROPOSED,
                Optional.of("更换零件; replace O'Brien's \"spare\" part"));

        log.append(full);

        CaseEvent found = log.findByCase(caseId).get(0);
        assertThat(found).isEqualTo(full);
        // Field by field as well, so that a failure says which one was lost.
        assertThat(found.caseId()).isEqualTo(caseId);
        assertThat(found.occurredAt()).isEqualTo(MOMENT);
        assertThat(found.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(found.occurredAt().getNano()).isEqualTo(123_456_789);
        assertThat(found.type()).isEqualTo(CaseEventType.SOLUTION_PROPOSED);
        assertThat(found.detail()).contains("更换零件; replace O'Brien's \"spare\" part");
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    public void roundTripsAPriorityChangeWithItsNewPriority(Priority priority) {
        CaseEventLog log = newCaseEventLog();
        CaseEvent change = CaseEvent.priorityChanged(CASE, MOMENT, priority);

        log.append(change);

        CaseEvent found = log.findByCase(CASE).get(0);
        assertThat(found).isEqualTo(change);
        assertThat(found.type()).isEqualTo(CaseEventType.PRIORITY_CHANGED);
        assertThat(found.detail()).contains(priority.name());
        assertThat(found.newPriority()).contains(priority);
    }

    @Test
    public void roundTripsAPriorityChangeSpelledInLowerCase() {
        CaseEventLog log = newCaseEventLog();
        CaseEvent change = new CaseEvent(CASE, MOMENT, CaseEventType.PRIORITY_CHANGED, Optional.of("p1"));

        log.append(change);

        CaseEvent found = log.findByCase(CASE).get(0);
        assertThat(found).isEqualTo(change);
        assertThat(found.detail()).contains("p1");
        assertThat(found.newPriority()).contains(Priority.P1);
    }

    @ParameterizedTest
    @EnumSource(value = CaseEventType.class, mode = EnumSource.Mode.EXCLUDE, names = "PRIORITY_CHANGED")
    public void roundTripsEachType(CaseEventType type) {
        CaseEventLog log = newCaseEventLog();
        CaseEvent bare = CaseEvent.of(CASE, MOMENT, type);
        CaseEvent withDetail = new CaseEvent(CASE, MOMENT, type, Optional.of("note"));

        log.append(bare);
        log.append(withDetail);

        assertThat(log.findByCase(CASE)).containsExactly(bare, withDetail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z", "+08:00", "-05:00", "+05:45", "+14:00", "-12:00", "+01:02:03"})
    public void keepsTheOffsetTheEventWasRecordedIn(String offset) {
        CaseEventLog log = newCaseEventLog();
        OffsetDateTime at = MOMENT.withOffsetSameInstant(ZoneOffset.of(offset));
        log.append(CaseEvent.of(CASE, at, CaseEventType.RESPONDED));

        OffsetDateTime found = log.findByCase(CASE).get(0).occurredAt();

        assertThat(found).isEqualTo(at);
        assertThat(found.getOffset()).isEqualTo(ZoneOffset.of(offset));
    }

    @Test
    public void listsTheEventsInTheOrderTheyWereAppended() {
        CaseEventLog log = newCaseEventLog();
        List<CaseEvent> events = List.of(
                event(CASE, "2026-03-02T09:00:00+08:00", CaseEventType.RESPONDED),
                CaseEvent.priorityChanged(CASE, OffsetDateTime.parse("2026-03-02T09:30:00+08:00"), Priority.P1),
                event(CASE, "2026-03-02T10:00:00+08:00", CaseEventType.PAUSED),
                event(CASE, "2026-03-03T08:00:00+08:00", CaseEventType.RESUMED),
                event(CASE, "2026-03-03T12:00:00+08:00", CaseEventType.SOLUTION_PROPOSED),
                event(CASE, "2026-03-04T09:00:00+08:00", CaseEventType.RESOLVED),
                event(CASE, "2026-03-05T09:00:00+08:00", CaseEventType.REOPENED),
                event(CASE, "2026-03-06T09:00:00+08:00", CaseEventType.CLOSED));

        events.forEach(log::append);

        assertThat(log.findByCase(CASE)).containsExactlyElementsOf(events);
    }

    @Test
    public void keepsTheAppendOrderOfEventsAtTheSameMoment() {
        CaseEventLog log = newCaseEventLog();
        // One moment in three offsets, and types, details and local times out of order on purpose.
        OffsetDateTime inShanghai = OffsetDateTime.parse("2026-03-02T10:00:00+08:00");
        log.append(noted(CASE, inShanghai, "c"));
        log.append(noted(CASE, inShanghai.withOffsetSameInstant(ZoneOffset.UTC), "b"));
        log.append(noted(CASE, inShanghai.withOffsetSameInstant(ZoneOffset.ofHours(-5)), "a"));
        log.append(CaseEvent.of(CASE, inShanghai, CaseEventType.CLOSED));
        log.append(CaseEvent.of(CASE, inShanghai, CaseEventType.FEEDBACK_RECEIVED));

        List<CaseEvent> found = log.findByCase(CASE);

        assertThat(details(found)).containsExactly("c", "b", "a", "-", "-");
        assertThat(found).extracting(CaseEvent::type).endsWith(CaseEventType.CLOSED, CaseEventType.FEEDBACK_RECEIVED);
        assertThat(found.get(2).occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    public void rejectsAnEventBeforeTheCasesLastEvent() {
        CaseEventLog log = newCaseEventLog();
        CaseEvent first = event(CASE, "2026-03-02T09:00:00+08:00", CaseEventType.RESPONDED);
        CaseEvent last = event(CASE, "2026-03-02T10:00:00+08:00", CaseEventType.SOLUTION_PROPOSED);
        log.append(first);
        log.append(last);

        assertThatThrownBy(() -> log.append(event(CASE, "2026-03-02T09:59:59+08:00", CaseEventType.RESOLVED)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Event 'resolved' of case 'k-1' at 2026-03-02T09:59:59+08:00 is before the case's"
                        + " last event at 2026-03-02T10:00+08:00");
        assertThat(log.findByCase(CASE)).containsExactly(first, last);
    }

    @Test
    public void rejectsAnEventOneNanosecondBeforeTheLastOne() {
        CaseEventLog log = newCaseEventLog();
        CaseEvent last = CaseEvent.of(CASE, MOMENT, CaseEventType.RESPONDED);
        log.append(last);

        assertThatThrownBy(() -> log.append(CaseEvent.priorityChanged(CASE, MOMENT.minusNanos(1), Priority.P2)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Event 'priority_changed' of case 'k-1' at 2026-03-02T09:15:30.123456788+08:00 is before"
                        + " the case's last event at 2026-03-02T09:15:30.123456789+08:00");
        CaseEvent sameMoment = CaseEvent.priorityChanged(CASE, MOMENT, Priority.P2);
        log.append(sameMoment);
        assertThat(log.findByCase(CASE)).containsExactly(last, sameMoment);
    }

    @Test
    public void comparesMomentsNotLocalTimes() {
        CaseEventLog log = newCaseEventLog();
        // 10:00 in Shanghai is 02:00 UTC.
        CaseEvent inShanghai = event(CASE, "2026-03-02T10:00:00+08:00", CaseEventType.RESPONDED);
        log.append(inShanghai);
        // 03:00 in London is later, although its local time is earlier.
        CaseEvent inLondon = event(CASE, "2026-03-02T03:00:00Z", CaseEventType.PAUSED);
        log.append(inLondon);

        // 11:00 in Sydney (+11:00) is 00:00 UTC: earlier, although its local time is later.
        assertThatThrownBy(() -> log.append(event(CASE, "2026-03-02T11:00:00+11:00", CaseEventType.RESUMED)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Event 'resumed' of case 'k-1' at 2026-03-02T11:00+11:00 is before the case's"
                        + " last event at 2026-03-02T03:00Z");
        assertThat(log.findByCase(CASE)).containsExactly(inShanghai, inLondon);
    }

    @Test
    public void checksTheOrderOfEachCaseOnItsOwn() {
        CaseEventLog log = newCaseEventLog();
        CaseEvent late = event(CASE, "2026-03-05T09:00:00+08:00", CaseEventType.CLOSED);
        CaseEvent early = event(OTHER, "2026-03-01T09:00:00+08:00", CaseEventType.RESPONDED);
        log.append(late);

        log.append(early);

        assertThat(log.findByCase(CASE)).containsExactly(late);
        assertThat(log.findByCase(OTHER)).containsExactly(early);
    }

    @Test
    public void findsOnlyTheGivenCasesEvents() {
        CaseEventLog log = newCaseEventLog();
        CaseEvent first = noted(CASE, MOMENT, "one");
        CaseEvent ofOther = noted(OTHER, MOMENT.plusMinutes(1), "other");
        CaseEvent second = noted(CASE, MOMENT.plusMinutes(2), "two");
        log.append(first);
        log.append(ofOther);
        log.append(second);

        assertThat(log.findByCase(CASE)).containsExactly(first, second);
        assertThat(log.findByCase(OTHER)).containsExactly(ofOther);
    }

    @Test
    public void visitsEveryEventCaseByCaseInIdOrderEachInAppendOrder() {
        CaseEventLog log = newCaseEventLog();
        CaseId tenth = CaseId.of("k-10");
        OffsetDateTime inShanghai = OffsetDateTime.parse("2026-03-02T10:00:00+08:00");
        log.append(noted(OTHER, MOMENT, "other"));
        log.append(noted(CASE, inShanghai, "c"));
        log.append(noted(tenth, MOMENT.minusDays(1), "tenth"));
        log.append(noted(CASE, inShanghai.withOffsetSameInstant(ZoneOffset.UTC), "b"));
        log.append(CaseEvent.of(CASE, inShanghai.plusHours(1), CaseEventType.RESOLVED));
        log.append(noted(OTHER, MOMENT.plusDays(1), "other again"));
        List<CaseEvent> visited = new ArrayList<>();

        log.forEach(visited::add);

        // "k-10" sorts between "k-1" and "k-2"; events at one moment keep their append order.
        List<CaseEvent> expected = new ArrayList<>(log.findByCase(CASE));
        expected.addAll(log.findByCase(tenth));
        expected.addAll(log.findByCase(OTHER));
        assertThat(visited).containsExactlyElementsOf(expected);
        assertThat(details(visited)).containsExactly("c", "b", "-", "tenth", "other", "other again");
    }

    @Test
    public void visitsNothingWithoutEvents() {
        List<CaseEvent> visited = new ArrayList<>();

        newCaseEventLog().forEach(visited::add);

        assertThat(visited).isEmpty();
    }
}

package org.crmkit.rules.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;

/** A test policy with calendars that exercise every corner, and builders for cases. */
final class SlaFixtures {
    /**
     * Shanghai office: 09:00-12:00 and 13:30-18:00 Monday to Friday, Monday 2026-04-06 a holiday,
     * Saturday 2026-04-11 a make-up working day. Targets by priority: P1 strict, P2 in Berlin
     * around the clock, P3 in New York office hours; complaints without priority get 1-4-48.
     */
    static final Policy POLICY = PolicyDocuments.load("""
            id: sla-test
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            calendars:
              shanghai:
                hours: {mon-fri: ["09:00-12:00", "13:30-18:00"]}
                holidays: [2026-04-06]
                extra_working_days: [2026-04-11]
              berlin:
                time_zone: Europe/Berlin
                always_open: true
              new_york:
                time_zone: America/New_York
                hours: {mon-fri: ["09:00-17:00"]}
            tiers:
              - name: gold
                when: {spend: {gte: 100000}}
              - name: basic
                when: {spend: {gt: 0}}
            sla:
              calendar: shanghai
              targets:
                - name: p1
                  when: {kinds: [complaint], priorities: [P1]}
                  milestones:
                    - {name: first_response, within: 30m, met_by: [responded]}
                    - {name: solution, within: 4h, met_by: [solution_proposed]}
                    - {name: resolution, within: 48h, met_by: [resolved, feedback_received], restart_on_reopen: true}
                - name: p2_berlin
                  when: {priorities: [P2]}
                  milestones:
                    - {name: first_response, within: 24h, calendar: berlin}
                - name: p3_new_york
                  when: {priorities: [P3]}
                  milestones:
                    - {name: first_response, within: 2h, calendar: new_york, met_by: [responded]}
                - name: complaints
                  when: {kinds: [complaint]}
                  milestones:
                    - name: first_response
                      within: 1h
                      met_by: [responded]
                      warn: {at_percent: 50, before: 10m}
                      escalate: {warning: [lead], breach: [manager, director]}
                    - {name: solution, within: 24h, met_by: [solution_proposed]}
                    - {name: resolution, within: 48h, met_by: [resolved, feedback_received], restart_on_reopen: true}
                - name: gold_inquiries
                  when: {kinds: [inquiry], tiers: [gold]}
                  milestones:
                    - {name: first_response, within: 4h, business_time: false, met_by: [responded]}
            """.replace("{name: first_response, within: 24h, calendar: berlin}",
                    "{name: first_response, within: 24h, calendar: berlin, met_by: [responded]}"), "sla-test.yaml");

    static final SlaEngine ENGINE = SlaEngine.of(POLICY.ref(), POLICY.section(SlaPolicy.class));

    private SlaFixtures() {
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static ServiceCase complaint(String openedAt) {
        return ServiceCase.complaint(CaseId.of("k-1"), CustomerId.of("c-1"), OffsetDateTime.parse(openedAt));
    }

    static ServiceCase complaint(String openedAt, Priority priority) {
        return complaint(openedAt).withPriority(priority);
    }

    /** Events of case k-1 from pairs of (moment, type or "priority:P1"). */
    static List<CaseEvent> events(String... momentsAndTypes) {
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < momentsAndTypes.length; i += 2) {
            OffsetDateTime at = OffsetDateTime.parse(momentsAndTypes[i]);
            String type = momentsAndTypes[i + 1];
            events.add(type.startsWith("priority:")
                    ? CaseEvent.priorityChanged(CaseId.of("k-1"), at, Priority.parse(type.substring(9)))
                    : CaseEvent.of(CaseId.of("k-1"), at, CaseEventType.parse(type)));
        }
        return events;
    }

    static CaseSla evaluate(ServiceCase serviceCase, List<CaseEvent> events, String asOf) {
        return ENGINE.evaluate(serviceCase, events, Optional.empty(), at(asOf));
    }
}

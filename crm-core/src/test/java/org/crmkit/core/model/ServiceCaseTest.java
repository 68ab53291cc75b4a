package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceCaseTest {
    private static final CaseId CASE = CaseId.of("k-1");
    private static final ServiceCase COMPLAINT = ServiceCase.complaint(CASE, CustomerId.of("c-1"),
            OffsetDateTime.parse("2026-04-01T10:00+08:00"));
    /** Resolved on the 2nd, reopened on the 3rd, closed on the 4th, each at 10:00 Shanghai time. */
    private static final List<CaseEvent> HISTORY = List.of(
            event("2026-04-02T10:00+08:00", CaseEventType.RESOLVED),
            event("2026-04-03T10:00+08:00", CaseEventType.REOPENED),
            event("2026-04-04T10:00+08:00", CaseEventType.CLOSED));

    private static CaseEvent event(String at, CaseEventType type) {
        return CaseEvent.of(CASE, OffsetDateTime.parse(at), type);
    }

    @ParameterizedTest(name = "at {0}: open {1}")
    @CsvSource({
        "2026-04-01T09:59+08:00, false",
        "2026-04-01T10:00+08:00, true",
        "2026-04-02T09:59+08:00, true",
        "2026-04-02T10:00+08:00, false",
        "2026-04-03T10:00+08:00, true",
        "2026-04-04T09:59+08:00, true",
        "2026-04-04T10:00+08:00, false",
    })
    void isOpenFromItsOpeningUntilResolvedOrClosedAndAgainAfterAReopening(String moment, boolean open) {
        assertThat(COMPLAINT.isOpenAt(OffsetDateTime.parse(moment).toInstant(), HISTORY)).isEqualTo(open);
    }

    @Test
    void findsTheCustomersWithAComplaintOpenAtAMomentButNotWithAnInquiry() {
        ServiceCase resolved = ServiceCase.complaint(CaseId.of("k-2"), CustomerId.of("c-2"),
                OffsetDateTime.parse("2026-04-01T08:00+08:00"));
        ServiceCase inquiry = ServiceCase.complaint(CaseId.of("k-3"), CustomerId.of("c-3"),
                OffsetDateTime.parse("2026-04-01T08:00+08:00")).withKind(CaseKind.INQUIRY);
        Map<CaseId, List<CaseEvent>> events = Map.of(CASE, HISTORY,
                CaseId.of("k-2"), List.of(CaseEvent.of(CaseId.of("k-2"), OffsetDateTime.parse("2026-04-01T09:00+08:00"),
                        CaseEventType.RESOLVED)),
                CaseId.of("k-3"), List.of());

        assertThat(ServiceCase.customersWithOpenComplaints(List.of(COMPLAINT, resolved, inquiry), events::get,
                Instant.parse("2026-04-01T04:00:00Z"))).containsExactly(CustomerId.of("c-1"));
        assertThat(ServiceCase.customersWithOpenComplaints(List.of(COMPLAINT, resolved, inquiry), events::get,
                Instant.parse("2026-04-05T00:00:00Z"))).isEmpty();
    }
}

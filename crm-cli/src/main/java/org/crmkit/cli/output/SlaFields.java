package org.crmkit.cli.output;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;
import org.jspecify.annotations.Nullable;

/**
 * The fields and values of the {@code crm sla} output, shared by its formats so that JSON and CSV
 * always say the same thing. Absent values are null (JSON null, an empty CSV cell).
 */
final class SlaFields {
    static final String COMPLAINT_ID = "complaint_id";
    static final String CUSTOMER_ID = "customer_id";
    static final String KIND = "kind";
    static final String PRIORITY = "priority";
    static final String TIER = "tier";
    static final String TARGET = "target";
    static final String REOPENINGS = "reopenings";
    static final String PAUSED = "paused";
    static final String CLOSED = "closed";
    static final String OPENED_AT = "opened_at";
    static final String AS_OF = "as_of";
    static final String POLICY = "policy";
    static final String MILESTONES = "milestones";

    static final String NAME = "name";
    static final String MILESTONE = "milestone";
    static final String DUE_AT = "due_at";
    static final String MET_AT = "met_at";
    static final String STATUS = "status";
    static final String ON_TIME = "on_time";
    static final String REMAINING = "remaining";
    static final String ELAPSED = "elapsed";
    static final String PAUSED_TIME = "paused_time";
    static final String CYCLE = "cycle";
    static final String MET_BY_CLOSING = "met_by_closing";
    static final String ESCALATE_TO = "escalate_to";

    /** The case's fields other than its milestones, in output order. */
    static final List<String> CASE_FIELDS = List.of(COMPLAINT_ID, CUSTOMER_ID, KIND, PRIORITY, TIER, TARGET,
            REOPENINGS, PAUSED, CLOSED, OPENED_AT, AS_OF, POLICY);
    /** A milestone's fields after its name, in output order. */
    static final List<String> MILESTONE_FIELDS = List.of(DUE_AT, MET_AT, STATUS, ON_TIME, REMAINING, ELAPSED,
            PAUSED_TIME, CYCLE, MET_BY_CLOSING, ESCALATE_TO);

    private SlaFields() {
    }

    /** @return the case's fields without the milestones, keyed as {@link #CASE_FIELDS} */
    static Map<String, @Nullable Object> caseFields(CaseSla sla, ZoneId zone) {
        ServiceCase serviceCase = sla.serviceCase();
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put(COMPLAINT_ID, serviceCase.id().value());
        fields.put(CUSTOMER_ID, serviceCase.customerId().value());
        fields.put(KIND, serviceCase.kind().key());
        fields.put(PRIORITY, sla.priority().map(Priority::name).orElse(null));
        fields.put(TIER, sla.tier().map(Tier::name).orElse(null));
        fields.put(TARGET, sla.target().orElse(null));
        fields.put(REOPENINGS, sla.reopenings());
        fields.put(PAUSED, sla.paused());
        fields.put(CLOSED, sla.closed());
        fields.put(OPENED_AT, Moments.moment(serviceCase.openedAt().toInstant(), zone));
        fields.put(AS_OF, Moments.moment(sla.asOf(), zone));
        fields.put(POLICY, sla.policy().toString());
        return fields;
    }

    /** @return the milestone's fields after its name, keyed as {@link #MILESTONE_FIELDS} */
    static Map<String, @Nullable Object> milestoneFields(MilestoneStatus status, ZoneId zone) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put(DUE_AT, Moments.moment(status.dueAt(), zone));
        fields.put(MET_AT, Moments.moment(status.metAt(), zone));
        fields.put(STATUS, status.status().key());
        fields.put(ON_TIME, onTime(status));
        fields.put(REMAINING, Moments.duration(status.remaining()));
        fields.put(ELAPSED, Moments.duration(status.elapsed()));
        fields.put(PAUSED_TIME, Moments.duration(status.paused()));
        fields.put(CYCLE, status.cycle());
        fields.put(MET_BY_CLOSING, status.metByClosing());
        fields.put(ESCALATE_TO, escalateTo(status));
        return fields;
    }

    /**
     * @return true when met by the due time, false when met late or breached, null while it can
     *     still be met in time (running, warning or paused)
     */
    static @Nullable Boolean onTime(MilestoneStatus status) {
        if (status.metAt().isPresent()) {
            return status.metOnTime();
        }
        return status.status() == MilestoneStatus.Status.BREACHED ? Boolean.FALSE : null;
    }

    /** @return whom the policy escalates the milestone's current status to: a warning's or a breach's people */
    static List<String> escalateTo(MilestoneStatus status) {
        return switch (status.status()) {
            case WARNING -> status.milestone().escalateOnWarning();
            case BREACHED -> status.milestone().escalateOnBreach();
            default -> List.of();
        };
    }
}

package org.crmkit.cli.output;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.Priority;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;
import org.jspecify.annotations.Nullable;

/**
 * The {@code crm sla} report: one JSON line per case, e.g.
 * <pre>{@code
 * {"complaint_id":"k-1","customer_id":"c-1","kind":"complaint","priority":null,"tier":"basic",
 *  "target":"complaint_1_24_48","reopenings":0,"paused":false,"closed":false,
 *  "opened_at":"2026-03-02T09:10:00+08:00","as_of":"2026-03-02T18:00:00+08:00","policy":"standard@2026.1",
 *  "milestones":[{"name":"first_response","due_at":"2026-03-02T10:10:00+08:00",
 *  "met_at":"2026-03-02T09:40:00+08:00","status":"met","on_time":true,"remaining":null,"elapsed":"PT30M",
 *  "paused_time":"PT0S","cycle":0,"met_by_closing":false,"escalate_to":[]}, ...]}
 * }</pre>
 * (on one line); {@code milestones} is empty when no target applies. As CSV, one row per milestone
 * of each case: {@code complaint_id}, the milestone's fields ({@code milestone} for its name), then
 * the case's other fields; a case without target has one row with empty milestone cells, so that
 * every case appears. {@code escalate_to} joins its names with {@value #LIST_SEPARATOR}. Moments
 * carry the offset of the policy's zone; absent values are null (JSON null, an empty CSV cell).
 */
final class SlaFields {
    /** Separates the names inside the one {@code escalate_to} cell, as lists in the input formats are. */
    static final String LIST_SEPARATOR = ";";

    private SlaFields() {
    }

    /** A CSV row: a case and one of its milestones, or none when no target applies. */
    private record MilestoneRow(CaseSla sla, @Nullable MilestoneStatus status) {
    }

    /**
     * @param zone the zone whose offsets the moments are written with (the policy's)
     * @return the report of case SLAs
     */
    static Report<CaseSla> report(ZoneId zone) {
        Columns<CaseSla> caseFields = Columns.<CaseSla>builder()
                .text("customer_id", sla -> sla.serviceCase().customerId().value())
                .text("kind", sla -> sla.serviceCase().kind().key())
                .text("priority", sla -> sla.priority().map(Priority::name).orElse(null))
                .text("tier", sla -> TierFields.name(sla.tier()))
                .text("target", sla -> sla.target().orElse(null))
                .integer("reopenings", CaseSla::reopenings)
                .flag("paused", CaseSla::paused)
                .flag("closed", CaseSla::closed)
                .text("opened_at", sla -> Moments.moment(sla.serviceCase().openedAt().toInstant(), zone))
                .text("as_of", sla -> Moments.moment(sla.asOf(), zone))
                .text("policy", sla -> sla.policy().toString())
                .build();
        Columns<MilestoneStatus> milestoneFields = Columns.<MilestoneStatus>builder()
                .text("due_at", status -> Moments.moment(status.dueAt(), zone))
                .text("met_at", status -> Moments.moment(status.metAt(), zone))
                .text("status", status -> status.status().key())
                .optionalFlag("on_time", SlaFields::onTime)
                .text("remaining", status -> Moments.duration(status.remaining()))
                .text("elapsed", status -> Moments.duration(status.elapsed()))
                .text("paused_time", status -> Moments.duration(status.paused()))
                .integer("cycle", MilestoneStatus::cycle)
                .flag("met_by_closing", MilestoneStatus::metByClosing)
                .texts("escalate_to", SlaFields::escalateTo, LIST_SEPARATOR)
                .build();
        Columns<MilestoneStatus> milestone = Columns.<MilestoneStatus>builder()
                .text("name", MilestoneStatus::name)
                .inline(milestoneFields, status -> status)
                .build();
        Columns<CaseSla> json = Columns.<CaseSla>builder()
                .text("complaint_id", sla -> sla.serviceCase().id().value())
                .inline(caseFields, sla -> sla)
                .objects("milestones", milestone, CaseSla::milestones)
                .build();
        Columns<MilestoneRow> csv = Columns.<MilestoneRow>builder()
                .text("complaint_id", row -> row.sla().serviceCase().id().value())
                .text("milestone", row -> row.status() == null ? null : row.status().name())
                .inline(milestoneFields, MilestoneRow::status)
                .inline(caseFields, MilestoneRow::sla)
                .build();
        return Report.of(json, csv, SlaFields::rows);
    }

    private static List<MilestoneRow> rows(CaseSla sla) {
        if (sla.milestones().isEmpty()) {
            return List.of(new MilestoneRow(sla, null));
        }
        List<MilestoneRow> rows = new ArrayList<>(sla.milestones().size());
        for (MilestoneStatus status : sla.milestones()) {
            rows.add(new MilestoneRow(sla, status));
        }
        return rows;
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

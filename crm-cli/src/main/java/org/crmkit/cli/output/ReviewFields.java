package org.crmkit.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.sla.WeeklyReview;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the {@code crm sla review} output, shared by its formats: one row per fact, each
 * with its {@code section} and the {@code week}. Absent values are null (JSON null, an empty CSV
 * cell); rates are decimals with four places, never binary floating point.
 */
final class ReviewFields {
    static final String SECTION = "section";
    static final String WEEK = "week";

    static final String SUMMARY = "summary";
    static final String CAUSE = "cause";
    static final String CHANNEL = "channel";
    static final String MILESTONE = "milestone";
    static final String TARGET = "target";
    static final String OPEN_BREACH = "open_breach";
    static final String REPEAT_COMPLAINER = "repeat_complainer";

    static final String FROM = "from";
    static final String UNTIL = "until";
    static final String POLICY = "policy";
    static final String CASES_OPENED = "cases_opened";
    static final String COMPLAINTS_OPENED = "complaints_opened";
    static final String CLOSED_WITHOUT = "closed_without";
    static final String RESOLVED = "resolved";
    static final String RESOLUTION_RATE = "resolution_rate";
    static final String OPEN_BREACHES = "open_breaches";
    static final String REPEAT_COMPLAINERS = "repeat_complainers";
    static final String CASES = "cases";
    static final String SHARE = "share";
    static final String MET_ON_TIME = "met_on_time";
    static final String MET_LATE = "met_late";
    static final String BREACHED = "breached";
    static final String OPEN = "open";
    static final String ON_TIME_RATE = "on_time_rate";
    static final String MEDIAN_TIME_TO_MEET = "median_time_to_meet";
    static final String P90_TIME_TO_MEET = "p90_time_to_meet";
    static final String COMPLAINT_ID = "complaint_id";
    static final String CUSTOMER_ID = "customer_id";
    static final String DUE_AT = "due_at";
    static final String COMPLAINTS = "complaints";
    static final String WINDOW_DAYS = "window_days";

    /** Every field of every section, in CSV column order. */
    static final List<String> ALL = List.of(SECTION, WEEK, FROM, UNTIL, POLICY, CASES_OPENED, COMPLAINTS_OPENED, RESOLVED,
            RESOLUTION_RATE, OPEN_BREACHES, REPEAT_COMPLAINERS, CAUSE, CHANNEL, TARGET, MILESTONE, CASES, SHARE, MET_ON_TIME,
            MET_LATE, BREACHED, CLOSED_WITHOUT, OPEN, ON_TIME_RATE, MEDIAN_TIME_TO_MEET, P90_TIME_TO_MEET, COMPLAINT_ID, CUSTOMER_ID,
            DUE_AT, COMPLAINTS, WINDOW_DAYS);

    private static final int RATE_SCALE = 4;

    private ReviewFields() {
    }

    /**
     * The review as rows: the summary, the causes and channels (most frequent first), the
     * milestones (in policy order), the open breaches (oldest due first) and the repeat
     * complainers (most complaints first).
     */
    static List<Map<String, @Nullable Object>> rows(WeeklyReview review, PolicyRef policy, ZoneId zone) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        Map<String, @Nullable Object> summary = row(SUMMARY, review);
        summary.put(FROM, Moments.moment(review.from(), zone));
        summary.put(UNTIL, Moments.moment(review.until(), zone));
        summary.put(POLICY, policy.toString());
        summary.put(CASES_OPENED, review.casesOpened());
        summary.put(COMPLAINTS_OPENED, review.complaintsOpened());
        summary.put(RESOLVED, review.resolved());
        summary.put(RESOLUTION_RATE, rate(review.resolved(), review.complaintsOpened()));
        summary.put(OPEN_BREACHES, review.openBreaches().size());
        summary.put(REPEAT_COMPLAINERS, review.repeatComplainers().size());
        rows.add(summary);
        review.byCause().forEach((cause, cases) -> rows.add(count(CAUSE, review, cause, cases)));
        review.byChannel().forEach((channel, cases) -> rows.add(count(CHANNEL, review, channel, cases)));
        for (WeeklyReview.MilestoneSummary milestone : review.milestones()) {
            Map<String, @Nullable Object> row = row(MILESTONE, review);
            row.put(TARGET, milestone.target());
            row.put(MILESTONE, milestone.name());
            row.put(CASES, milestone.cases());
            row.put(MET_ON_TIME, milestone.metOnTime());
            row.put(MET_LATE, milestone.metLate());
            row.put(BREACHED, milestone.breached());
            row.put(CLOSED_WITHOUT, milestone.closedWithout());
            row.put(OPEN, milestone.open());
            row.put(ON_TIME_RATE, rate(milestone.metOnTime(),
                    milestone.metOnTime() + milestone.metLate() + milestone.breached()));
            row.put(MEDIAN_TIME_TO_MEET, Moments.duration(milestone.medianTimeToMeet()));
            row.put(P90_TIME_TO_MEET, Moments.duration(milestone.p90TimeToMeet()));
            rows.add(row);
        }
        for (WeeklyReview.OpenBreach breach : review.openBreaches()) {
            Map<String, @Nullable Object> row = row(OPEN_BREACH, review);
            row.put(COMPLAINT_ID, breach.caseId().value());
            row.put(CUSTOMER_ID, breach.customerId().value());
            row.put(MILESTONE, breach.milestone());
            row.put(DUE_AT, Moments.moment(breach.dueAt(), zone));
            rows.add(row);
        }
        for (WeeklyReview.RepeatComplainer repeat : review.repeatComplainers()) {
            Map<String, @Nullable Object> row = row(REPEAT_COMPLAINER, review);
            row.put(CUSTOMER_ID, repeat.customerId().value());
            row.put(COMPLAINTS, repeat.complaints());
            row.put(WINDOW_DAYS, WeeklyReview.REPEAT_WINDOW_DAYS);
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, @Nullable Object> row(String section, WeeklyReview review) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put(SECTION, section);
        row.put(WEEK, review.week());
        return row;
    }

    private static Map<String, @Nullable Object> count(String section, WeeklyReview review, String name, long cases) {
        Map<String, @Nullable Object> row = row(section, review);
        row.put(section, name);
        row.put(CASES, cases);
        row.put(SHARE, rate(cases, review.complaintsOpened()));
        return row;
    }

    /** @return part over whole with four decimals, or null when the whole is zero */
    static @Nullable BigDecimal rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}

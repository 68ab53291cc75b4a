package org.crmkit.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.sla.WeeklyReview;
import org.jspecify.annotations.Nullable;

/**
 * The {@code crm sla review} report: one line per fact, each with its {@code section} and the
 * {@code week}, then its section's own fields: the summary, the causes and channels (most frequent
 * first), the milestones (in policy order), the open breaches (oldest due first) and the repeat
 * complainers (most complaints first). As CSV, the header names every field of every section, and
 * a row has empty cells where a field belongs to another. Absent values are null (JSON null, an
 * empty CSV cell); rates are decimals with four places, never binary floating point.
 */
final class ReviewFields {
    private static final String SECTION = "section";
    private static final String CAUSE = "cause";
    private static final String CHANNEL = "channel";
    private static final String MILESTONE = "milestone";

    /** Every field of every section, in CSV column order. */
    static final List<String> ALL = List.of(SECTION, "week", "from", "until", "policy", "cases_opened",
            "complaints_opened", "resolved", "resolution_rate", "open_breaches", "repeat_complainers", CAUSE, CHANNEL,
            "target", MILESTONE, "cases", "share", "met_on_time", "met_late", "breached", "closed_without", "open",
            "on_time_rate", "median_time_to_meet", "p90_time_to_meet", "complaint_id", "customer_id", "due_at",
            "complaints", "window_days");

    private static final int RATE_SCALE = 4;

    private ReviewFields() {
    }

    /** A cause's or a channel's count of the week's complaints. */
    private record Count(WeeklyReview review, String name, long cases) {
    }

    private record Milestone(WeeklyReview review, WeeklyReview.MilestoneSummary summary) {
    }

    private record OpenBreach(WeeklyReview review, WeeklyReview.OpenBreach breach) {
    }

    private record RepeatComplainer(WeeklyReview review, WeeklyReview.RepeatComplainer repeat) {
    }

    /**
     * @param policy the policy the review was made under
     * @param zone the zone whose offsets the moments are written with (the policy's)
     * @return the report of weekly reviews
     */
    static Report<WeeklyReview> report(PolicyRef policy, ZoneId zone) {
        Columns<WeeklyReview> summary = section("summary", (WeeklyReview review) -> review)
                .text("from", review -> Moments.moment(review.from(), zone))
                .text("until", review -> Moments.moment(review.until(), zone))
                .text("policy", review -> policy.toString())
                .integer("cases_opened", WeeklyReview::casesOpened)
                .integer("complaints_opened", WeeklyReview::complaintsOpened)
                .integer("resolved", WeeklyReview::resolved)
                .number("resolution_rate", review -> rate(review.resolved(), review.complaintsOpened()))
                .integer("open_breaches", review -> review.openBreaches().size())
                .integer("repeat_complainers", review -> review.repeatComplainers().size())
                .build();
        Columns<Count> cause = count(CAUSE);
        Columns<Count> channel = count(CHANNEL);
        Columns<Milestone> milestone = section(MILESTONE, Milestone::review)
                .text("target", row -> row.summary().target())
                .text(MILESTONE, row -> row.summary().name())
                .integer("cases", row -> row.summary().cases())
                .integer("met_on_time", row -> row.summary().metOnTime())
                .integer("met_late", row -> row.summary().metLate())
                .integer("breached", row -> row.summary().breached())
                .integer("closed_without", row -> row.summary().closedWithout())
                .integer("open", row -> row.summary().open())
                .number("on_time_rate", row -> rate(row.summary().metOnTime(),
                        row.summary().metOnTime() + row.summary().metLate() + row.summary().breached()))
                .text("median_time_to_meet", row -> Moments.duration(row.summary().medianTimeToMeet()))
                .text("p90_time_to_meet", row -> Moments.duration(row.summary().p90TimeToMeet()))
                .build();
        Columns<OpenBreach> openBreach = section("open_breach", OpenBreach::review)
                .text("complaint_id", row -> row.breach().caseId().value())
                .text("customer_id", row -> row.breach().customerId().value())
                .text(MILESTONE, row -> row.breach().milestone())
                .text("due_at", row -> Moments.moment(row.breach().dueAt(), zone))
                .build();
        Columns<RepeatComplainer> repeat = section("repeat_complainer", RepeatComplainer::review)
                .text("customer_id", row -> row.repeat().customerId().value())
                .integer("complaints", row -> row.repeat().complaints())
                .integer("window_days", row -> WeeklyReview.REPEAT_WINDOW_DAYS)
                .build();
        return Report.sections(ALL, List.of(summary, cause, channel, milestone, openBreach, repeat), (review, line) -> {
            line.write(summary, review);
            for (var entry : review.byCause().entrySet()) {
                line.write(cause, new Count(review, entry.getKey(), entry.getValue()));
            }
            for (var entry : review.byChannel().entrySet()) {
                line.write(channel, new Count(review, entry.getKey(), entry.getValue()));
            }
            for (WeeklyReview.MilestoneSummary each : review.milestones()) {
                line.write(milestone, new Milestone(review, each));
            }
            for (WeeklyReview.OpenBreach breach : review.openBreaches()) {
                line.write(openBreach, new OpenBreach(review, breach));
            }
            for (WeeklyReview.RepeatComplainer each : review.repeatComplainers()) {
                line.write(repeat, new RepeatComplainer(review, each));
            }
        });
    }

    /** @return the fields every section's lines begin with: the section's name and the week */
    private static <S> Columns.Builder<S> section(String name, Function<S, WeeklyReview> review) {
        return Columns.<S>builder()
                .text(SECTION, row -> name)
                .text("week", row -> review.apply(row).week());
    }

    /** A cause's or a channel's line: its name under the section's name, the cases, and their share of the complaints. */
    private static Columns<Count> count(String section) {
        return section(section, Count::review)
                .text(section, Count::name)
                .number("cases", Count::cases)
                .number("share", count -> rate(count.cases(), count.review().complaintsOpened()))
                .build();
    }

    /** @return part over whole with four decimals, or null when the whole is zero */
    static @Nullable BigDecimal rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}

package org.crmkit.cli.output;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.WeeklyReview;
import org.crmkit.rules.tiering.TierDecision;

/**
 * The reports of the commands, each declared once for JSON Lines and CSV; write one with
 * {@link OutputFormat#writer(Report)}. What a report needs besides its inputs (the policy's zone,
 * the day analysed) is given here.
 */
public final class Reports {
    private Reports() {
    }

    /** @return {@code crm tier}: one line per tier decision */
    public static Report<TierDecision> tier() {
        return TierFields.REPORT;
    }

    /**
     * @param zone the zone whose offsets the moments are written with (the policy's); not null
     * @return {@code crm sla}: one JSON line per case, one CSV row per milestone
     */
    public static Report<CaseSla> sla(ZoneId zone) {
        return SlaFields.report(Objects.requireNonNull(zone, "zone"));
    }

    /**
     * @param policy the policy the review was made under; not null
     * @param zone the zone whose offsets the moments are written with (the policy's); not null
     * @return {@code crm sla review}: one line per fact of a weekly review
     */
    public static Report<WeeklyReview> review(PolicyRef policy, ZoneId zone) {
        return ReviewFields.report(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(zone, "zone"));
    }

    /**
     * @param context the plan's days and the customers' time zones; not null
     * @return {@code crm agenda} as JSON Lines or CSV: one line per planned contact
     */
    public static Report<PlannedContact> planned(AgendaContext context) {
        return AgendaFields.planned(Objects.requireNonNull(context, "context"));
    }

    /** @return {@code crm agenda overdue}: one line per overdue contact, with its day or the reason it has none */
    public static Report<OverdueContact> overdue() {
        return AgendaFields.OVERDUE;
    }

    /**
     * @param from the plan's first day, against which contacts count as overdue; not null
     * @return {@code crm agenda unscheduled}: one line per contact that could not be planned
     */
    public static Report<UnscheduledContact> unscheduled(LocalDate from) {
        return AgendaFields.unscheduled(Objects.requireNonNull(from, "from"));
    }

    /**
     * @param asOf the day analysed; not null
     * @param policy the policy that decided; not null
     * @return {@code crm lifecycle}: one line per customer
     */
    public static Report<CustomerAssessment> lifecycle(LocalDate asOf, PolicyRef policy) {
        return LifecycleFields.report(Objects.requireNonNull(asOf, "asOf"), Objects.requireNonNull(policy, "policy"));
    }

    /**
     * @param model the purchase model's key, e.g. {@code bgnbd}; not null
     * @param currency the currency of the amounts, when known; not null
     * @return {@code crm clv}: one line per customer
     */
    public static Report<ClvReport.Estimate> clv(String model, Optional<Currency> currency) {
        return ClvFields.report(Objects.requireNonNull(model, "model"), Objects.requireNonNull(currency, "currency"));
    }

    /**
     * @param report the fits, for the time unit and the calibration end their lines name; not null
     * @return {@code crm clv fit}: one line per model, to be given {@link ClvFitReport#fits()}
     */
    public static Report<ClvFitReport.Fit> clvFit(ClvFitReport report) {
        Objects.requireNonNull(report, "report");
        return ClvFields.fitReport(report.timeUnit(), report.calibrationEnd());
    }
}

package org.crmkit.cli;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.crmkit.cli.output.AgendaContext;
import org.crmkit.cli.output.AgendaFormat;
import org.crmkit.cli.output.OverdueContact;
import org.crmkit.cli.output.Reports;
import org.crmkit.rules.Policy;
import org.crmkit.rules.cadence.PlannedContact;
import org.crmkit.rules.cadence.UnscheduledContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm agenda}: the contacts the policy's cadences plan for a range of days, per owner;
 * with the subcommands {@code overdue} and {@code unscheduled}, the contacts past due and those
 * that could not be planned. Reads and validates all input first, then plans, writing each day's
 * contacts (and, for {@code unscheduled}, the contacts that could not be planned) as the planner
 * decides them: bad input gives no output at all, and the agenda is never held whole.
 */
@Command(name = "agenda",
        header = "Plans the contacts of the policy's cadences for a range of days, per owner.",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        customSynopsis = {
            "crm agenda --customers=FILE --orders=FILE --interactions=FILE --to=DATE",
            "           [--from=DATE | --as-of=DATE] [--complaints=FILE --events=FILE]",
            "           [--owner=ID] [--policy=FILE] [--format=FORMAT] [-hV]",
            "   or: crm agenda overdue [OPTIONS], see 'crm agenda overdue --help'",
            "   or: crm agenda unscheduled [OPTIONS], see 'crm agenda unscheduled --help'"},
        description = {
            "Prints one JSON object per planned contact, by date, then owner, then customer: customer_id, date,"
                    + " channel, owner (a staff id, a team or automation), reason, then tier, rule, purpose,"
                    + " owner_kind, due (the day the contact fell due), days_overdue (before the plan's first day),"
                    + " preferred_hours and time_zone (the customer's, null when not stated), slot_start and"
                    + " slot_end (the time of the day that suits owner and customer, in the customer's time zone).",
            "With --format csv: the same fields as columns. With --format ics: an iCalendar (RFC 5545) document"
                    + " with one all-day event per contact (SUMMARY '<rule> <customer_id> via <channel>', DESCRIPTION"
                    + " the reason), a calendar of the --owner's contacts or of all owners, to import into a"
                    + " calendar application; importing a later plan updates events of the same customer, rule"
                    + " and day.",
            "Standard error gets a summary: contacts per owner and tier, the contacts that could not be planned"
                    + " with their reasons (all of them: 'crm agenda unscheduled'), and the account managers"
                    + " assigned to core customers without one (record them in your ERP).",
            "",
            "How: each customer's tier comes from customers.csv and orders.csv through the policy's tier"
                    + " rules as of the first day (as 'crm tier' decides it). The command is stateless: it keeps"
                    + " no tier history, so every customer's rhythm starts on its created_on, and a contact is due"
                    + " one interval after the last actual interaction that counts for its rule (interactions.csv"
                    + " up to the plan's last day), or on created_on when there is none. Customers created after"
                    + " the first day are left out. A complaint is open when it has no resolved or closed event"
                    + " (since its last reopening) before the first day begins."},
        subcommands = {AgendaCommand.Overdue.class, AgendaCommand.Unscheduled.class},
        sortOptions = false)
final class AgendaCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(AgendaCommand.class);

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Mixin
    AgendaOptions options;

    @Mixin
    PolicyOption policy;

    @Option(names = "--format", paramLabel = "FORMAT", converter = AgendaFormatConverter.class,
            defaultValue = "jsonl",
            description = "jsonl (JSON Lines), csv or ics (iCalendar). Default: ${DEFAULT-VALUE}.")
    AgendaFormat format = AgendaFormat.JSONL;

    AgendaCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() {
        Policy loaded = policy.load();
        AgendaPlan plan = options.plan(spec, loaded, clock);
        AgendaContext context = new AgendaContext(plan.from(), plan.to(), plan.zone(),
                "crmkit agenda of " + plan.owner().orElse("all owners") + " " + plan.from() + ".." + plan.to(),
                clock.instant());
        // Each day's contacts are written when the day is planned; the summary is counted on the way.
        StandardOutput.Streamed<PlannedContact> out = StandardOutput.streamed(spec, format.writer(context));
        AgendaTally tally = new AgendaTally(plan, out, contact -> { }, false);
        plan.run(tally);
        out.finish();
        LOG.debug("planned {} contacts for {}..{} under {}", tally.planned(), plan.from(), plan.to(), loaded.ref());
        StandardOutput.summary(spec, AgendaSummary.plan(spec.qualifiedName(), plan, tally));
        return ExitCodes.OK;
    }

    /**
     * A report of {@code crm agenda}'s subcommands: the same inputs and plan, written in another
     * shape, JSON Lines or CSV.
     */
    abstract static class Report implements Callable<Integer> {
        private final Clock clock;

        @Spec
        CommandSpec spec;

        @Mixin
        AgendaOptions options;

        @Mixin
        PolicyOption policy;

        @Mixin
        OutputFormatOption format;

        Report(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        @Override
        public Integer call() {
            AgendaPlan plan = options.plan(spec, policy.load(), clock);
            List<String> summary = write(plan);
            StandardOutput.summary(spec, summary);
            return ExitCodes.OK;
        }

        /** Plans, writes the report on standard output in the chosen format, and returns the summary. */
        abstract List<String> write(AgendaPlan plan);
    }

    /** {@code crm agenda overdue}: the contacts past due on the plan's first day. */
    @Command(name = "overdue",
            header = "Lists the contacts past due on the plan's first day, most overdue first.",
            mixinStandardHelpOptions = true,
            versionProvider = CrmVersion.class,
            description = {
                "Plans as 'crm agenda' does (same options) and prints one JSON object per contact that fell due"
                        + " before the first day (the --as-of day), most overdue first, then by owner and customer:"
                        + " customer_id, tier, rule, owner, due, days_overdue, planned (whether the plan holds it),"
                        + " planned_on (its day, null when not planned) and unscheduled_reason (why not, null when"
                        + " planned). With --format csv: the same fields as columns.",
                "Standard error gets the count of overdue contacts per owner and tier."},
            sortOptions = false)
    static final class Overdue extends Report {
        Overdue(Clock clock) {
            super(clock);
        }

        /** The overdue contacts are kept, since they are written most overdue first, once all are known. */
        @Override
        List<String> write(AgendaPlan plan) {
            AgendaTally tally = new AgendaTally(plan, contact -> { }, contact -> { }, true);
            plan.run(tally);
            List<OverdueContact> overdue = tally.overdueOfOwner();
            StandardOutput.Streamed<OverdueContact> out = StandardOutput.streamed(spec,
                    format.get().writer(Reports.overdue()));
            overdue.forEach(out);
            out.finish();
            return AgendaSummary.overdue(spec.qualifiedName(), plan, tally, overdue);
        }
    }

    /** {@code crm agenda unscheduled}: the due contacts that could not be planned, with the reasons. */
    @Command(name = "unscheduled",
            header = "Lists the due contacts that could not be planned, with the reasons.",
            mixinStandardHelpOptions = true,
            versionProvider = CrmVersion.class,
            description = {
                "Plans as 'crm agenda' does (same options) and prints one JSON object per due contact it could not"
                        + " place, by due day, then customer: customer_id, rule, due, owner (who would carry it"
                        + " out), reason, then tier, purpose, owner_kind, days_overdue and reason_kind (complaint_open,"
                        + " do_not_contact, no_account_manager, no_suitable_day, frequency_cap, no_capacity)."
                        + " With --format csv: the"
                        + " same fields as columns.",
                "Reasons: marketing waits while a complaint is open; every channel of the rule is on the"
                        + " customer's do-not-contact list; no account manager to assign; no day suits the"
                        + " customer's preferred days and the calendar; the frequency cap leaves no room; no owner has"
                        + " capacity left. Standard error gets the count per kind of reason."},
            sortOptions = false)
    static final class Unscheduled extends Report {
        Unscheduled(Clock clock) {
            super(clock);
        }

        /** The contacts come from the planner in the report's order, due day then customer: written as they come. */
        @Override
        List<String> write(AgendaPlan plan) {
            StandardOutput.Streamed<UnscheduledContact> out = StandardOutput.streamed(spec,
                    format.get().writer(Reports.unscheduled(plan.from())));
            AgendaTally tally = new AgendaTally(plan, contact -> { }, out, false);
            plan.run(tally);
            out.finish();
            return AgendaSummary.unscheduled(spec.qualifiedName(), plan, tally);
        }
    }
}

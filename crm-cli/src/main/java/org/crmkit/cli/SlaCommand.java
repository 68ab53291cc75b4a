package org.crmkit.cli;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.crmkit.cli.csv.ImportedCases;
import org.crmkit.cli.output.Reports;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.SlaEngine;
import org.crmkit.rules.sla.SlaPolicy;
import org.crmkit.rules.sla.WeeklyReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crm sla}: where every milestone of every complaint and inquiry stands at a moment; with
 * the subcommand {@code review}, the weekly review. Reads and validates all input first, then
 * computes, then writes: bad input gives no output at all.
 */
@Command(name = "sla",
        header = "Shows where every complaint's SLA milestones stand at a moment.",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        customSynopsis = {
            "crm sla --complaints=FILE --events=FILE [--as-of=MOMENT]",
            "               [--customers=FILE --orders=FILE [--interactions=FILE]]",
            "               [--policy=FILE] [--format=FORMAT] [-hV]",
            "   or: crm sla review [OPTIONS], see 'crm sla review --help'"},
        description = {
            "Prints one JSON object per case (complaint or inquiry) in ascending complaint_id order: complaint_id,"
                    + " customer_id, kind, priority, tier, target (null when no target of the policy applies),"
                    + " reopenings, paused, closed, opened_at, as_of, policy and milestones, each with name, due_at,"
                    + " met_at (null until met), status (met, breached, running, paused or warning), on_time (null"
                    + " while undecided), remaining (business time left, null once met), elapsed, paused_time,"
                    + " cycle, met_by_closing and escalate_to. Moments carry the offset of the policy's time zone,"
                    + " durations are ISO-8601 in whole seconds.",
            "With --format csv: one row per milestone (complaint_id, milestone, due_at, met_at, status, ..., then"
                    + " the case's fields); a case without target has one row with empty milestone cells.",
            "Standard error gets a summary: the count of each status per milestone.",
            "",
            "Tiers: with --customers and --orders, each customer's tier is decided by the policy's tier rules as of"
                    + " the as-of day (as 'crm tier' does) and chooses the target. Without them every tier is"
                    + " unknown and only the targets that name no tier apply: in the standard policy complaints"
                    + " get 1-24-48, but basic customers' inquiries get no target.",
            "Cases opened after the as-of moment are left out (the summary says how many)."},
        subcommands = SlaCommand.Review.class,
        sortOptions = false)
final class SlaCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SlaCommand.class);

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Mixin
    CaseFilesOptions files;

    @Mixin
    PolicyOption policy;

    @Option(names = "--as-of", paramLabel = "MOMENT", converter = AsOfMomentConverter.class,
            description = "The moment to evaluate at: a timestamp with offset (2026-03-02T18:00:00+08:00) or a date"
                    + " (2026-03-02), meaning the end of that day in the policy's time zone, so that everything"
                    + " that happened on it counts. Default: now.")
    Optional<AsOfMoment> asOf = Optional.empty();

    @Mixin
    OutputFormatOption format;

    SlaCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() {
        files.require(spec);
        Policy loaded = policy.load();
        ZoneId zone = loaded.header().zone();
        Instant moment = asOf.map(given -> given.resolve(zone)).orElseGet(clock::instant);
        LocalDate day = moment.atZone(zone).toLocalDate();
        CaseFilesOptions.CasesAndTiers read = files.read(loaded, day);
        StandardOutput.warnings(spec, read.warnings(), read.warningCount());
        ImportedCases input = read.cases();
        SlaEngine engine = SlaEngine.of(loaded.ref(), loaded.section(SlaPolicy.class));
        Function<CustomerId, Optional<Tier>> tiers = read.tiers();

        List<CaseSla> results = new ArrayList<>();
        int openedLater = 0;
        for (ServiceCase serviceCase : input.cases()) {
            if (serviceCase.openedAt().toInstant().isAfter(moment)) {
                openedLater++;
                continue;
            }
            // The import checked every history: the engine's own check cannot fail here.
            results.add(engine.evaluate(serviceCase, input.eventsOf(serviceCase.id()),
                    tiers.apply(serviceCase.customerId()), moment));
        }
        LOG.debug("evaluated {} cases as of {} under {}", results.size(), moment, loaded.ref());

        StandardOutput.print(spec, out -> format.get().writer(Reports.sla(zone)).write(results, out));
        StandardOutput.summary(spec, SlaSummary.lines(loaded, moment, files.tierSource(day), results,
                openedLater));
        return ExitCodes.OK;
    }

    /** {@code crm sla review}: the weekly review of complaints. */
    @Command(name = "review",
            header = "Prints the weekly review of complaints: causes, channels, milestones, breaches, repeat"
                    + " complainers.",
            mixinStandardHelpOptions = true,
            versionProvider = CrmVersion.class,
            description = {
                "Reviews the cases opened in one ISO week (Monday 00:00 to Sunday 24:00 in the policy's time zone)"
                        + " as of the week's end, and prints one JSON object per row, each with its section and the"
                        + " week:",
                "  summary: from, until, policy, cases_opened, complaints_opened, resolved (complaints whose last"
                        + " resolved event is not followed by a reopening at the week's end), resolution_rate (resolved"
                        + " over complaints_opened), open_breaches, repeat_complainers;",
                "  cause / channel: the week's complaints per cause or channel (\"unknown\" when not recorded), most"
                        + " frequent first, with cases and share;",
                "  milestone: cases, met_on_time, met_late, breached, open, on_time_rate (met on time over met or"
                        + " breached), median_time_to_meet and p90_time_to_meet (business time, nearest rank);",
                "  open_breach: milestones breached and not met at the week's end, of cases of any week:"
                        + " complaint_id, customer_id, milestone, due_at;",
                "  repeat_complainer: customers with two or more complaints opened in the 90 days up to the week's"
                        + " end: customer_id, complaints, window_days.",
                "Rates are decimals 0..1 with four places, null when there is nothing to divide by.",
                "With --format csv: the same rows under one header naming every field of every section, empty"
                        + " cells where a field belongs to another section.",
                "",
                "Tiers (with --customers and --orders) are decided as of the week's last day."},
            sortOptions = false)
    static final class Review implements Callable<Integer> {
        private final Clock clock;

        @Spec
        CommandSpec spec;

        @Option(names = "--week", paramLabel = "WEEK", converter = IsoWeekConverter.class,
                description = "The ISO week, e.g. 2026-W10. Default: the last full week before the --as-of day.")
        Optional<String> week = Optional.empty();

        @Mixin
        CaseFilesOptions files;

        @Mixin
        PolicyOption policy;

        @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
                description = "Without --week, review the last full week that ends on or before this day."
                        + " Default: today in the policy's time zone.")
        Optional<LocalDate> asOf = Optional.empty();

        @Mixin
        OutputFormatOption format;

        Review(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        @Override
        public Integer call() {
            files.require(spec);
            if (week.isPresent() && asOf.isPresent()) {
                throw new ParameterException(spec.commandLine(),
                        "--week and --as-of both choose the week: give one of them");
            }
            Policy loaded = policy.load();
            ZoneId zone = loaded.header().zone();
            String reviewed = week.orElseGet(() -> lastFullWeek(asOf.orElseGet(() -> loaded.header().today(clock))));
            LocalDate sunday = WeeklyReview.mondayOf(reviewed).plusDays(6);
            Instant end = AsOfMoment.endOfDay(sunday, zone);
            CaseFilesOptions.CasesAndTiers read = files.read(loaded, sunday);
            StandardOutput.warnings(spec, read.warnings(), read.warningCount());
            ImportedCases input = read.cases();
            Function<CustomerId, Optional<Tier>> tiers = read.tiers();
            List<WeeklyReview.CaseRecord> records = new ArrayList<>();
            for (ServiceCase serviceCase : input.cases()) {
                records.add(new WeeklyReview.CaseRecord(serviceCase, input.eventsOf(serviceCase.id()),
                        tiers.apply(serviceCase.customerId())));
            }
            WeeklyReview review = WeeklyReview.of(SlaEngine.of(loaded.ref(), loaded.section(SlaPolicy.class)), zone, reviewed, records);

            StandardOutput.print(spec, out -> format.get().writer(Reports.review(loaded.ref(), zone)).write(List.of(review), out));
            StandardOutput.summary(spec, SlaSummary.reviewLines(loaded, review, sunday, end,
                    files.tierSource(sunday)));
            return ExitCodes.OK;
        }

        /** The ISO week of the last Sunday on or before the day: a Sunday ends its own week. */
        static String lastFullWeek(LocalDate day) {
            LocalDate monday = day.plusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
            return String.format(Locale.ROOT, "%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }
}

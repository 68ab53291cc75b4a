package org.crmkit.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.cli.csv.CsvAgendaInputs;
import org.crmkit.cli.csv.CsvFactsSource;
import org.crmkit.cli.csv.CsvImport;
import org.crmkit.cli.input.FileArgument;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.rules.Policy;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.sla.SlaEngine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The inputs of {@code crm agenda} and its subcommands: the files, the days and the owner, and
 * the planning itself. The required ones are checked by {@link #plan}, not by picocli, because
 * {@code crm agenda} is also the group of {@code crm agenda overdue} and {@code crm agenda
 * unscheduled}, and picocli would demand a group's required options before its subcommands.
 */
final class AgendaOptions {
    /** The longest plan, in days: a year, a leap year included. */
    static final int MAX_DAYS = 366;

    static final String CUSTOMERS = "--customers";
    static final String ORDERS = "--orders";
    static final String INTERACTIONS = "--interactions";
    static final String COMPLAINTS = "--complaints";
    static final String EVENTS = "--events";
    static final String FROM = "--from";
    static final String TO = "--to";
    static final String AS_OF = "--as-of";

    @Option(names = CUSTOMERS, paramLabel = "FILE",
            description = "customers.csv: customer_id, name, created_on; account_manager, time_zone, preferred_channel,"
                    + " preferred_days, preferred_hours and do_not_contact shape the plan. Required.")
    Optional<FileArgument> customers = Optional.empty();

    @Option(names = ORDERS, paramLabel = "FILE", description = "orders.csv, for the tiers. Required.")
    Optional<FileArgument> orders = Optional.empty();

    @Option(names = INTERACTIONS, paramLabel = "FILE",
            description = "interactions.csv: the actual contacts, which reset each cadence's clock and count towards"
                    + " the frequency cap; inquiries in it count for the potential tier. Required.")
    Optional<FileArgument> interactions = Optional.empty();

    @Option(names = COMPLAINTS, paramLabel = "FILE",
            description = "complaints.csv, with --events: customers with an open complaint get no marketing contacts"
                    + " (if the policy says so).")
    Optional<FileArgument> complaints = Optional.empty();

    @Option(names = EVENTS, paramLabel = "FILE", description = "complaint_events.csv, with --complaints.")
    Optional<FileArgument> events = Optional.empty();

    @Option(names = FROM, paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "The plan's first day, e.g. 2026-04-01; contacts due before it are overdue. Default: the"
                    + " --as-of day.")
    Optional<LocalDate> from = Optional.empty();

    @Option(names = TO, paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "The plan's last day, not before the first; at most " + MAX_DAYS + " days in all. Required.")
    Optional<LocalDate> to = Optional.empty();

    @Option(names = AS_OF, paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "The day the plan is made for: its first day, as --from (give one of them, or the same day"
                    + " twice). Default: today in the policy's time zone.")
    Optional<LocalDate> asOf = Optional.empty();

    @Option(names = "--owner", paramLabel = "ID",
            description = "Only this owner's contacts: an account manager's staff id, a team member, a team"
                    + " (sales_team, service_team) or automation.")
    Optional<String> owner = Optional.empty();

    /**
     * Checks the options, reads and validates every file, and prepares the plan.
     *
     * @param spec the command's spec, for usage errors
     * @param policy the policy
     * @param clock what day it is, for the default first day
     * @return the plan, ready to run
     * @throws ParameterException a usage error
     * @throws org.crmkit.cli.csv.CsvImportException listing every problem of every file
     * @throws InvalidValueException if the policy plans no contacts
     */
    AgendaPlan plan(CommandSpec spec, Policy policy, Clock clock) {
        require(spec);
        if (from.isPresent() && asOf.isPresent() && !from.equals(asOf)) {
            throw new ParameterException(spec.commandLine(), FROM + " (" + from.get() + ") and " + AS_OF + " ("
                    + asOf.get() + ") both name the plan's first day: give one of them");
        }
        LocalDate first = from.or(() -> asOf).orElseGet(() -> policy.header().today(clock));
        LocalDate last = to.orElseThrow();
        if (last.isBefore(first)) {
            throw new ParameterException(spec.commandLine(), TO + " (" + last + ") is before the plan's first day ("
                    + first + ")");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MAX_DAYS) {
            throw new ParameterException(spec.commandLine(), "the plan " + first + ".." + last + " has " + days
                    + " days; plan at most " + MAX_DAYS + " days at a time");
        }
        CadencePolicy cadences = policy.find(CadencePolicy.class).orElseThrow(() -> new InvalidValueException("policy "
                + policy.ref() + " has no cadences section: it plans no contacts"));

        CsvImport.CustomerFiles customerFiles = new CsvImport.CustomerFiles(customers.orElseThrow().file(),
                orders.orElseThrow().file(), interactions.map(FileArgument::file));
        CsvFactsSource facts = CsvFactsSource.of(customerFiles);
        if (complaints.isPresent()) {
            facts = facts.withCases(complaints.get().file(), events.orElseThrow().file(), SlaEngine::checkHistory);
        }
        // Every file read and checked before anything is planned or written; the plan's pass over the
        // facts reuses this read, and customers and interactions stream from their files again.
        CsvFactsSource.FilesRead read = facts.read(FactsQuery.metricsOnly(policy.header().metricsQuery(first)));
        StandardOutput.warnings(spec, read.warnings(), read.warningCount());
        InMemoryStore cases = CaseFilesOptions.store(read);
        // The plan's days are the planner's: in the cadences calendar's zone.
        Set<CustomerId> complaining = read.cases().map(imported -> ServiceCase.customersWithOpenComplaints(
                imported.cases(), imported::eventsOf, first.atStartOfDay(cadences.calendar().zone()).toInstant()))
                .orElse(Set.of());
        return new AgendaPlan(policy, first, last, owner, "tiers as of " + first + " from " + customers.orElseThrow()
                + " and " + orders.orElseThrow(), CsvAgendaInputs.of(customerFiles), facts, cases, complaining);
    }

    /** Checks that the required options are given and the complaint files come together. */
    private void require(CommandSpec spec) {
        List<String> missing = new ArrayList<>();
        customers.ifPresentOrElse(file -> { }, () -> missing.add("'" + CUSTOMERS + "=FILE'"));
        orders.ifPresentOrElse(file -> { }, () -> missing.add("'" + ORDERS + "=FILE'"));
        interactions.ifPresentOrElse(file -> { }, () -> missing.add("'" + INTERACTIONS + "=FILE'"));
        to.ifPresentOrElse(day -> { }, () -> missing.add("'" + TO + "=DATE'"));
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option"
                    + (missing.size() == 1 ? ": " : "s: ") + String.join(", ", missing));
        }
        if (complaints.isPresent() != events.isPresent()) {
            throw new ParameterException(spec.commandLine(), COMPLAINTS + " and " + EVENTS
                    + " go together: open complaints need both");
        }
    }
}

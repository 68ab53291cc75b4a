package org.crmkit.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.cli.csv.CsvFactsSource;
import org.crmkit.cli.csv.CsvImport;
import org.crmkit.cli.csv.ImportedCases;
import org.crmkit.cli.input.FileArgument;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.sla.SlaEngine;
import org.crmkit.rules.tiering.TierEngine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The input files of the SLA commands: cases and their events, and optionally the customer files
 * from which customers' tiers are computed. The required ones are checked by {@link #require},
 * not by picocli, because {@code crm sla} is also the group of {@code crm sla review}, and picocli
 * would demand a group's required options before its subcommands.
 */
final class CaseFilesOptions {
    static final String COMPLAINTS = "--complaints";
    static final String EVENTS = "--events";
    static final String CUSTOMERS = "--customers";
    static final String ORDERS = "--orders";
    static final String INTERACTIONS = "--interactions";

    @Option(names = COMPLAINTS, paramLabel = "FILE",
            description = "complaints.csv: complaint_id, customer_id, opened_at; optionally kind (complaint, the"
                    + " default, or inquiry), priority (P1..P4), cause, channel. Required.")
    Optional<FileArgument> complaints = Optional.empty();

    @Option(names = EVENTS, paramLabel = "FILE",
            description = "complaint_events.csv: complaint_id, occurred_at, event; optionally detail (the new"
                    + " priority of priority_changed). Each complaint's events in the order they happened. Required.")
    Optional<FileArgument> events = Optional.empty();

    @Option(names = CUSTOMERS, paramLabel = "FILE",
            description = "customers.csv, with --orders: tiers are computed from them with the policy's tier rules."
                    + " Without them every tier is unknown and only targets that name no tier apply.")
    Optional<FileArgument> customers = Optional.empty();

    @Option(names = ORDERS, paramLabel = "FILE", description = "orders.csv, with --customers.")
    Optional<FileArgument> orders = Optional.empty();

    @Option(names = INTERACTIONS, paramLabel = "FILE",
            description = "interactions.csv, with --customers and --orders; inquiries in it count for the potential"
                    + " tier; without it the inquiries are unknown and no customer can be potential.")
    Optional<FileArgument> interactions = Optional.empty();

    /**
     * Checks that the required files are given and the customer files come together.
     *
     * @param spec the command's spec, for the usage error
     * @throws ParameterException a usage error
     */
    void require(CommandSpec spec) {
        List<String> missing = new ArrayList<>();
        complaints.ifPresentOrElse(file -> { }, () -> missing.add("'" + COMPLAINTS + "=FILE'"));
        events.ifPresentOrElse(file -> { }, () -> missing.add("'" + EVENTS + "=FILE'"));
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option"
                    + (missing.size() == 1 ? ": " : "s: ") + String.join(", ", missing));
        }
        if (customers.isPresent() != orders.isPresent()) {
            throw new ParameterException(spec.commandLine(), CUSTOMERS + " and " + ORDERS
                    + " go together: tiers need both, or neither for unknown tiers");
        }
        if (interactions.isPresent() && customers.isEmpty()) {
            throw new ParameterException(spec.commandLine(), INTERACTIONS + " needs " + CUSTOMERS + " and " + ORDERS);
        }
    }

    /** @return whether customers' tiers are computed */
    boolean withTiers() {
        return customers.isPresent();
    }

    /** @return how tiers are decided, for the summary */
    String tierSource(LocalDate day) {
        return customers.map(file -> "tiers as of " + day + " from " + file + " and " + orders.orElseThrow())
                .orElse("tiers unknown (no " + CUSTOMERS + " and " + ORDERS + "): only targets that name no tier"
                        + " apply");
    }

    /**
     * The cases read and checked, and the tier of each case's customer as of a day.
     *
     * @param cases the cases and their events; not null
     * @param tiers the tier of a case's customer: empty for no tier, for a customer that did not
     *     exist on the day, and for every customer without customer files; not null
     * @param warnings the first warnings of the customer files; not null
     * @param warningCount how many warnings there are in all
     */
    record CasesAndTiers(ImportedCases cases, Function<CustomerId, Optional<Tier>> tiers,
            List<InputProblem> warnings, long warningCount) {
    }

    /**
     * Reads and validates every file (each case's events must make a possible history,
     * {@link SlaEngine#checkHistory}), and decides the tiers of the cases' customers as of a day
     * by the policy's tier rules, as {@code crm tier} decides them, when the customer files were
     * given: their orders are summed into each customer's facts as they are read, and only the
     * tiers of customers with cases are kept.
     *
     * @param policy the policy, for the orders' currency and the tier rules
     * @param day the as-of day of the tiers
     * @return the cases and their customers' tiers
     * @throws org.crmkit.cli.csv.CsvImportException listing every problem of every file
     */
    CasesAndTiers read(Policy policy, LocalDate day) {
        InputFile complaintsFile = complaints.orElseThrow().file();
        InputFile eventsFile = events.orElseThrow().file();
        if (customers.isEmpty()) {
            return new CasesAndTiers(CsvImport.readCases(complaintsFile, eventsFile, Optional.empty(),
                    policy.header().currency(), SlaEngine::checkHistory), customer -> Optional.empty(), List.of(), 0);
        }
        CsvFactsSource source = CsvFactsSource.of(new CsvImport.CustomerFiles(customers.get().file(),
                orders.orElseThrow().file(), interactions.map(FileArgument::file)))
                .withCases(complaintsFile, eventsFile, SlaEngine::checkHistory);
        FactsQuery query = FactsQuery.metricsOnly(policy.header().metricsQuery(day));
        CsvFactsSource.FilesRead read = source.read(query);
        ImportedCases cases = read.cases().orElseThrow();
        Set<CustomerId> withCases = new HashSet<>();
        cases.cases().forEach(serviceCase -> withCases.add(serviceCase.customerId()));
        TierEngine engine = TierEngine.of(policy);
        Map<CustomerId, Optional<Tier>> tiers = new HashMap<>();
        source.forEach(query, facts -> {
            if (withCases.contains(facts.customerId())) {
                tiers.put(facts.customerId(), engine.evaluate(facts.metrics()).tier());
            }
        });
        return new CasesAndTiers(cases, customer -> tiers.getOrDefault(customer, Optional.empty()), read.warnings(),
                read.warningCount());
    }

    /**
     * The cases and their events a facts source read, when the case files were given: few, so held
     * in memory.
     *
     * @param read the source's read
     * @return a store holding the cases and their events, empty without case files
     */
    static InMemoryStore store(CsvFactsSource.FilesRead read) {
        InMemoryStore store = InMemoryStore.create();
        read.cases().ifPresent(imported -> {
            for (ServiceCase serviceCase : imported.cases()) {
                store.cases().save(serviceCase);
                imported.eventsOf(serviceCase.id()).forEach(store.caseEvents()::append);
            }
        });
        return store;
    }
}

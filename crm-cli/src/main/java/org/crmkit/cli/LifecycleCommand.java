package org.crmkit.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.crmkit.cli.csv.CsvFactsSource;
import org.crmkit.cli.csv.CsvImport;
import org.crmkit.cli.input.FileArgument;
import org.crmkit.cli.input.InputFiles;
import org.crmkit.cli.output.Reports;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.rules.Policy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.CustomerBaseSummary;
import org.crmkit.rules.lifecycle.ValueEstimator;
import org.crmkit.rules.relationship.RelationshipPolicy;
import org.crmkit.rules.sla.SlaEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crm lifecycle}: every customer's lifecycle stage, relationship level and type and churn
 * risk as of a day, with the reasons, and the early warning of high-risk customers. Streams: the
 * customer files are read once through {@link CsvFactsSource}, which validates every value (and
 * the case files, which are few and held whole) before anything is computed, so bad input gives no
 * output at all; then {@link CustomerBaseAnalysis} streams the customers' facts twice, and each
 * customer's line is written as it is decided. A million customers take a few hundred megabytes.
 */
@Command(name = "lifecycle",
        header = "Decides every customer's lifecycle stage, relationship and churn risk as of a day, with the reasons.",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        customSynopsis = {
            "crm lifecycle --customers=FILE --orders=FILE [--interactions=FILE] [--surveys=FILE]",
            "              [--complaints=FILE --events=FILE] [--as-of=DATE] [--policy=FILE]",
            "              [--format=FORMAT] [-hV]"},
        description = {
            "Prints one JSON object per customer in ascending customer_id order on standard output: customer_id,"
                    + " stage (acquisition, growth, maturity, decline or churned), relationship_level (trust, value,"
                    + " emotion, vision; null when not even trust's evidence holds), relationship_type"
                    + " (transactional, relational or strategic), churn_risk (0..1), reasons, as_of, policy,"
                    + " win_back (churned and flagged for win-back), high_risk (on the early-warning list: churn"
                    + " risk at or above the policy's high_risk, not churned), p_alive and clv (from the purchase"
                    + " model; null without one or for customers who never bought), value_at_risk (churn risk x"
                    + " clv, or x the spend in the window without a clv) and its currency, tier, rfm (e.g. 545;"
                    + " null for customers who never bought) and abc (A, B or C by spend in the window). Numbers"
                    + " are JSON numbers written exactly as computed.",
            "With --format csv: the same fields as columns, reasons joined with ' | '.",
            "Standard error gets a summary: customers per stage, the high-risk customers with the largest value at"
                    + " risk (by id), the win-back count, the ABC classes and what the purchase model did.",
            "",
            "The stage, relationship and churn rules are the policy's lifecycle and relationship sections (see"
                    + " 'crm policy show'); a policy without them is bad input. The command is stateless: it"
                    + " keeps no stage history, so it reports each customer's stage, not the transitions."
                    + " Customers created after the as-of day are left out, and records after it ignored.",
            "",
            "Input: customers.csv (customer_id, name, created_on; strategic_agreement), orders.csv (order_id,"
                    + " customer_id, order_date, amount, currency; category), optionally interactions.csv"
                    + " (interaction_id, customer_id, occurred_at, channel, kind; outcome), surveys.csv (customer_id,"
                    + " answered_at, csat 1-5, nps 0-10) and complaints.csv with complaint_events.csv, read and"
                    + " checked as 'crm sla' reads them. Every record's customer must be in customers.csv and"
                    + " every order in the policy's currency."},
        sortOptions = false)
final class LifecycleCommand implements Callable<Integer> {
    static final String COMPLAINTS = "--complaints";
    static final String EVENTS = "--events";

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleCommand.class);

    private final Clock clock;
    private final Supplier<Progress> progress;

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", required = true, paramLabel = "FILE", description = "customers.csv")
    FileArgument customers;

    @Option(names = "--orders", required = true, paramLabel = "FILE", description = "orders.csv")
    FileArgument orders;

    @Option(names = "--interactions", paramLabel = "FILE",
            description = "interactions.csv; referrals, events, trials and joint-planning meetings count as"
                    + " relationship evidence, inquiries for the potential tier; without it the inquiries are"
                    + " unknown and no customer can be potential.")
    Optional<FileArgument> interactions = Optional.empty();

    @Option(names = COMPLAINTS, paramLabel = "FILE",
            description = "complaints.csv, with --events: open complaints and breached service levels raise the"
                    + " churn risk and withhold the trust level.")
    Optional<FileArgument> complaints = Optional.empty();

    @Option(names = EVENTS, paramLabel = "FILE", description = "complaint_events.csv, with --complaints.")
    Optional<FileArgument> events = Optional.empty();

    @Option(names = "--surveys", paramLabel = "FILE",
            description = "surveys.csv: a falling CSAT raises the churn risk, a promoter answer (nps 9-10) is"
                    + " relationship evidence.")
    Optional<FileArgument> surveys = Optional.empty();

    @Mixin
    PolicyOption policy;

    @Mixin
    AsOfDayOption asOf;

    @Mixin
    OutputFormatOption format;

    LifecycleCommand(Clock clock) {
        this(clock, Progress::off);
    }

    /**
     * @param clock says what day it is
     * @param progress the progress display of a run, shown when standard error is a terminal
     */
    LifecycleCommand(Clock clock, Supplier<Progress> progress) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    @Override
    public Integer call() {
        if (complaints.isPresent() != events.isPresent()) {
            throw new ParameterException(spec.commandLine(), COMPLAINTS + " and " + EVENTS
                    + " go together: complaints need their events");
        }
        Policy loaded = policy.load();
        // Before any file is read: a policy without lifecycle or relationship section is reported at once.
        CustomerBaseAnalysis analysis = CustomerBaseAnalysis.of(loaded, estimator(loaded));
        LocalDate day = asOf.resolve(loaded, clock);
        // The query the analysis asks its source for, so that the read below serves both of its passes.
        FactsQuery query = FactsQuery.all(loaded.header().metricsQuery(day),
                loaded.find(RelationshipPolicy.class).orElseThrow().valueAddedCategories());
        Progress shown = progress.get();
        CsvImport.CustomerFiles customerFiles = new CsvImport.CustomerFiles(customers.file(), orders.file(),
                interactions.map(FileArgument::file), surveys.map(FileArgument::file));
        shown.expect(InputFiles.totalSize(customerFiles.all()));
        CsvFactsSource source = CsvFactsSource.of(customerFiles).withProgress(shown);
        if (complaints.isPresent()) {
            source = source.withCases(complaints.get().file(), events.orElseThrow().file(),
                    SlaEngine::checkHistory);
        }
        CustomerBaseSummary summary;
        try {
            // Every file read and checked before anything is computed or written.
            CsvFactsSource.FilesRead read = source.read(query);
            StandardOutput.warnings(spec, read.warnings(), read.warningCount());
            InMemoryStore cases = CaseFilesOptions.store(read);
            StandardOutput.Streamed<CustomerAssessment> out = StandardOutput.streamed(spec,
                    format.get().writer(Reports.lifecycle(day, loaded.ref())));
            summary = analysis.analyse(source, cases.cases(), cases.caseEvents(), day, customer -> {
                out.accept(customer);
                if (out.written() % StandardOutput.CHECK_EVERY == 0) {
                    shown.writing("customers analysed and written", out.written());
                }
            });
            out.finish();
        } finally {
            shown.done();
        }
        LOG.debug("analysed {} customers as of {} under {}", summary.customers(), day, loaded.ref());
        StandardOutput.summary(spec, LifecycleSummary.lines(loaded, loaded.header().metricsQuery(day), summary));
        return ExitCodes.OK;
    }

    /** The policy's purchase and spend models (its {@code clv} section), fitted on the orders up to the as-of day. */
    private static ValueEstimator estimator(Policy policy) {
        return ClvEstimator.of(policy.section(ClvPolicy.class));
    }
}

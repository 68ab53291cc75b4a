package org.crmkit.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.crmkit.cli.database.Credentials;
import org.crmkit.cli.database.PooledDatabase;
import org.crmkit.cli.input.FileArgument;
import org.crmkit.cli.input.MappingFiles;
import org.crmkit.cli.input.PasswordFiles;
import java.util.Locale;
import org.crmkit.core.InvalidValueException;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.jdbc.job.AgendaJob;
import org.crmkit.jdbc.job.AssessmentJob;
import org.crmkit.jdbc.job.BatchJob;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.jdbc.job.SlaJob;
import org.crmkit.jdbc.job.TieringJob;
import org.crmkit.jdbc.mapping.ErpMapping;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.Policy;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.LifecyclePolicy;
import org.crmkit.rules.lifecycle.ValueEstimator;
import org.crmkit.rules.relationship.RelationshipPolicy;
import org.crmkit.rules.sla.SlaPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm nightly}: the nightly jobs of a {@link JdbcStore} on a database, its tiering
 * ({@link TieringJob}), then its assessment ({@link AssessmentJob}), its SLA evaluation
 * ({@link SlaJob}) and tomorrow's agenda ({@link AgendaJob}), with a progress line and a summary of
 * each run. The policy and the mapping are read and validated before the database is opened; user
 * and password come from the environment or a file, never from an option value.
 */
@Command(name = "nightly",
        header = "Runs the nightly jobs on a database: re-tiers and assesses every customer, checks the SLAs of"
                + " every case as of a day and plans the next day's contacts.",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        description = {
            "Runs the nightly jobs of crmkit on an H2 or PostgreSQL database, in chunks, each resumable and one"
                    + " at a time. tiering: every customer's tier as of the day, history rows where a tier changed"
                    + " and TierChanged events in the outbox (crm_outbox). assessment: every customer's lifecycle"
                    + " stage and churn risk, relationship level and type, RFM score, ABC class and lifetime value"
                    + " in crm_customer_assessment (rows where a value changed), lifecycle transitions and"
                    + " LifecycleStageChanged events in the outbox. sla: the SLA of every complaint and inquiry"
                    + " opened by the end of the day, evaluated then, in crm_case_sla and crm_case_sla_milestone"
                    + " (rows where a value changed), and SlaWarning, SlaBreached and MilestoneMet events in the"
                    + " outbox, each once. agenda: the contacts of the next day by the policy's cadences, from the"
                    + " stored tiers, in crm_agenda, and those that could not be placed, with the reason, in"
                    + " crm_agenda_unscheduled. Customers, orders, interactions and"
                    + " complaints are read from crmkit's own tables, or from the ERP's where --mapping says;"
                    + " crmkit's tables (crm_...) are created or migrated first.",
            "",
            "The user is read from " + Credentials.USER + ", the password from --password-file or else from "
                    + Credentials.PASSWORD + "; never from the command line.",
            "",
            "Prints a summary of each run on standard output. Exit status: 0 the day's runs are complete (now"
                    + " or already), 2 bad input (options, policy, mapping, a day or policy the stored runs refuse),"
                    + " 3 another job is running on the database, 1 anything else (e.g. no connection)."},
        sortOptions = false)
final class NightlyCommand implements Callable<Integer> {
    private final Clock clock;
    private final Supplier<Progress> progress;
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "The database: jdbc:h2:file:PATH (or another H2 URL) or jdbc:postgresql://HOST/DB;"
                    + " no password in it.")
    String url = "";

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "ERP mapping, YAML or JSON (see docs/database.md). Default: crmkit's own tables.")
    Optional<FileArgument> mapping = Optional.empty();

    @Option(names = "--as-of", required = true, paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "The day to evaluate for, e.g. 2026-03-31.")
    LocalDate asOf = LocalDate.EPOCH;

    @Option(names = "--jobs", split = ",", paramLabel = "JOB", converter = JobConverter.class,
            description = "The jobs to run, of tiering, assessment, sla and agenda; they run in that order,"
                    + " whatever the order named. Default: tiering, then assessment if the policy has lifecycle and"
                    + " relationship sections, then sla if its sla section has targets, then agenda if it has a"
                    + " cadences section.")
    List<Job> jobs = List.of();

    @Mixin
    PolicyOption policy;

    @Option(names = "--stored-exchange-rates",
            description = "Convert orders in other currencies than the policy's with the dated rates stored in"
                    + " crm_exchange_rate, instead of the policy's fixed rates.")
    boolean storedExchangeRates;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the password. Default: the environment variable "
                    + Credentials.PASSWORD + ".")
    Optional<FileArgument> passwordFile = Optional.empty();

    /**
     * @param clock the clock of the run's start and finish
     * @param progress the progress display of a run, shown when standard error is a terminal
     * @param environment the environment variables the credentials are read from
     */
    NightlyCommand(Clock clock, Supplier<Progress> progress, Map<String, String> environment) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.environment = Map.copyOf(environment);
    }

    /** The jobs {@code --jobs} names. */
    enum Job {
        /** {@link TieringJob}. */
        TIERING("customers tiered"),
        /** {@link AssessmentJob}. */
        ASSESSMENT("customers assessed"),
        /** {@link SlaJob}. */
        SLA("customers' cases evaluated"),
        /** {@link AgendaJob}: after tiering, as it plans with the stored tiers. */
        AGENDA("customers planned");

        private final String activity;

        Job(String activity) {
            this.activity = activity;
        }

        /** @return the job's name on the command line and in the summary */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Converts a job's name; an unknown one is a usage error naming the known ones. */
    static final class JobConverter implements ITypeConverter<Job> {
        @Override
        public Job convert(String value) {
            for (Job job : Job.values()) {
                if (job.key().equals(value)) {
                    return job;
                }
            }
            throw new TypeConversionException("unknown job '" + value + "', expected tiering, assessment, sla or"
                    + " agenda");
        }
    }

    @Override
    public Integer call() {
        // Everything the runs need is read and checked before the database is touched.
        Policy loaded = policy.load();
        boolean assessable = loaded.find(LifecyclePolicy.class).isPresent()
                && loaded.find(RelationshipPolicy.class).isPresent();
        boolean slaTargets = !loaded.section(SlaPolicy.class).targets().isEmpty();
        boolean plannable = loaded.find(CadencePolicy.class).isPresent();
        // The agenda plans with the tiers the tiering stored: the jobs run in their fixed order.
        List<Job> chosen = jobs.isEmpty() ? List.of(Job.values()) : jobs.stream().distinct().sorted().toList();
        if (jobs.contains(Job.ASSESSMENT)) {
            // Names the section the assessment needs and the policy lacks.
            CustomerBaseAnalysis.of(loaded, ValueEstimator.none());
        }
        if (jobs.contains(Job.SLA) && !slaTargets) {
            // Asked for, the job would store every case without a target: surely not what was meant.
            throw new InvalidValueException("The sla job needs SLA targets, and the policy's sla section has none");
        }
        if (jobs.contains(Job.AGENDA) && !plannable) {
            throw new InvalidValueException("Policy '" + loaded.ref() + "' has no cadences section to plan the"
                    + " agenda with");
        }
        ErpMapping erp = mapping.map(MappingFiles::read).orElseGet(ErpMapping::crmkitTables);
        Credentials credentials = Credentials.of(environment, passwordFile.map(PasswordFiles::read));
        PrintWriter out = spec.commandLine().getOut();
        try (PooledDatabase database = PooledDatabase.open(url, credentials);
                JdbcStore store = database.store(erp)) {
            Policy converting = storedExchangeRates ? loaded.withExchangeRates(store.exchangeRates()) : loaded;
            for (Job job : chosen) {
                if (job == Job.ASSESSMENT && !assessable) {
                    out.println("assessment: not run, the policy has no lifecycle and relationship sections");
                    continue;
                }
                if (job == Job.SLA && !slaTargets) {
                    out.println("sla: not run, the policy has no SLA targets");
                    continue;
                }
                if (job == Job.AGENDA && !plannable) {
                    out.println("agenda: not run, the policy has no cadences section");
                    continue;
                }
                Outcome outcome = run(store, converting, job);
                summary(job.key(), outcome.run(), outcome.already()).forEach(out::println);
            }
        }
        StandardOutput.check(out);
        return ExitCodes.OK;
    }

    /** A run of one job, and whether it was complete before. */
    private record Outcome(JobRun run, boolean already) {
    }

    private Outcome run(JdbcStore store, Policy loaded, Job job) {
        BatchJob batch = switch (job) {
            case TIERING -> store.tieringJob(loaded, clock);
            case ASSESSMENT -> store.assessmentJob(loaded, clock);
            case SLA -> store.slaJob(loaded, clock);
            case AGENDA -> store.agendaJob(loaded, clock);
        };
        boolean already = batch.find(asOf).map(JobRun::complete).orElse(false);
        Progress shown = progress.get();
        try {
            return new Outcome(batch.run(asOf, (done, total) -> shown.writing(job.activity, done, total)), already);
        } finally {
            shown.done();
        }
    }

    /**
     * The summary of a run on standard output.
     *
     * @param job the job's name
     * @param run the day's run, complete
     * @param already whether it was complete before this command, which then wrote nothing
     * @return the lines
     */
    static List<String> summary(String job, JobRun run, boolean already) {
        return List.of(
                job + " as of " + run.asOf() + " with policy " + run.policy() + ": "
                        + (already ? "already complete, nothing written" : "complete"),
                "customers: " + run.customers(),
                "history rows: " + run.changes(),
                "events: " + run.events());
    }
}

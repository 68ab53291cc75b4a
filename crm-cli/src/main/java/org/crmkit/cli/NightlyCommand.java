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
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.jdbc.job.TieringJob;
import org.crmkit.jdbc.job.TieringRun;
import org.crmkit.jdbc.mapping.ErpMapping;
import org.crmkit.rules.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm nightly}: the nightly job of a {@link JdbcStore} on a database, today its tiering
 * ({@link TieringJob}), with a progress line and a summary of the run. The policy and the mapping
 * are read and validated before the database is opened; user and password come from the
 * environment or a file, never from an option value.
 */
@Command(name = "nightly",
        header = "Runs the nightly job on a database: re-tiers every customer as of a day.",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        description = {
            "Runs the nightly tiering job of crmkit on an H2 or PostgreSQL database: every customer's tier as of"
                    + " the day, history rows where a tier changed and TierChanged events in the outbox"
                    + " (crm_outbox), in chunks, resumable and one job at a time. Customers, orders and"
                    + " interactions are read from crmkit's own tables, or from the ERP's where --mapping says;"
                    + " crmkit's tables (crm_...) are created or migrated first.",
            "",
            "The user is read from " + Credentials.USER + ", the password from --password-file or else from "
                    + Credentials.PASSWORD + "; never from the command line.",
            "",
            "Prints a summary of the run on standard output. Exit status: 0 the day's run is complete (now or"
                    + " already), 2 bad input (options, policy, mapping, a day or policy the stored runs refuse),"
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
            description = "The day to tier for, e.g. 2026-03-31.")
    LocalDate asOf = LocalDate.EPOCH;

    @Mixin
    PolicyOption policy;

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

    @Override
    public Integer call() {
        // Everything the run needs is read and checked before the database is touched.
        Policy loaded = policy.load();
        ErpMapping erp = mapping.map(MappingFiles::read).orElseGet(ErpMapping::crmkitTables);
        Credentials credentials = Credentials.of(environment, passwordFile.map(PasswordFiles::read));
        PrintWriter out = spec.commandLine().getOut();
        try (PooledDatabase database = PooledDatabase.open(url, credentials);
                JdbcStore store = database.store(erp)) {
            TieringJob job = store.tieringJob(loaded, clock);
            boolean already = job.find(asOf).map(TieringRun::complete).orElse(false);
            Progress shown = progress.get();
            TieringRun run;
            try {
                run = job.run(asOf, (done, total) -> shown.writing("customers tiered", done, total));
            } finally {
                shown.done();
            }
            summary(run, already).forEach(out::println);
        }
        StandardOutput.check(out);
        return ExitCodes.OK;
    }

    /**
     * The summary of a run on standard output.
     *
     * @param run the day's run, complete
     * @param already whether it was complete before this command, which then wrote nothing
     * @return the lines
     */
    static List<String> summary(TieringRun run, boolean already) {
        return List.of(
                "tiering as of " + run.asOf() + " with policy " + run.policy() + ": "
                        + (already ? "already complete, nothing written" : "complete"),
                "customers: " + run.customers(),
                "history rows: " + run.changes(),
                "events: " + run.events());
    }
}

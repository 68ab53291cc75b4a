package org.crmkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import org.crmkit.cli.output.RowWriter;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.rules.Policy;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierDistribution;
import org.crmkit.rules.tiering.TierEngine;
import org.crmkit.rules.tiering.TieringPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm tier}: every customer's tier as of a day, with the reasons. Streams: the input files
 * are read once through {@link CsvFactsSource}, which validates every value and sums each
 * customer's metrics into compact columns, and only then are the customers decided and written,
 * one at a time in ascending id order, so that bad input gives no output at all and a million
 * customers take a few hundred megabytes.
 */
@Command(name = "tier",
        header = "Decides every customer's tier as of a day, with the reasons.",
        mixinStandardHelpOptions = true,
        versionProvider = CrmVersion.class,
        description = {
            "Prints one JSON object per customer (customer_id, tier, reasons, as_of, policy, metrics)"
                    + " in ascending customer_id order on standard output, or CSV with --format csv; counts"
                    + " per tier next to the policy's expected shares on standard error.",
            "",
            "The command is stateless: it keeps no tier history between runs, so a policy's"
                    + " demotion_grace does not apply and each tier comes from the rules alone.",
            "",
            "Input: customers.csv (customer_id, name, created_on), orders.csv (order_id, customer_id,"
                    + " order_date, amount, currency) and optionally interactions.csv (interaction_id,"
                    + " customer_id, occurred_at, channel, kind); UTF-8 CSV with a header row, columns in"
                    + " any order. Every order must be in the policy's currency."},
        sortOptions = false)
final class TierCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(TierCommand.class);

    /** Decisions between checks that standard output still takes them (a check flushes). */
    private static final int CHECK_EVERY = 16 * DecisionPipeline.RUN;

    private final Clock clock;
    private final Supplier<Progress> progress;

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", required = true, paramLabel = "FILE", description = "customers.csv")
    FileArgument customers;

    @Option(names = "--orders", required = true, paramLabel = "FILE", description = "orders.csv")
    FileArgument orders;

    @Option(names = "--interactions", paramLabel = "FILE",
            description = "interactions.csv; inquiries in it count for the potential tier. Without it the"
                    + " inquiries are unknown: no customer can be potential, and the reasons say so.")
    Optional<FileArgument> interactions = Optional.empty();

    @Mixin
    PolicyOption policy;

    @Mixin
    AsOfDayOption asOf;

    @Mixin
    OutputFormatOption format;

    TierCommand(Clock clock) {
        this(clock, Progress::off);
    }

    /**
     * @param clock says what day it is
     * @param progress the progress display of a run, shown when standard error is a terminal
     */
    TierCommand(Clock clock, Supplier<Progress> progress) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Policy loaded = policy.load();
        LocalDate day = asOf.resolve(loaded, clock);
        MetricsQuery query = loaded.header().metricsQuery(day);
        TierEngine engine = TierEngine.of(loaded.header(), loaded.section(TieringPolicy.class));
        Progress shown = progress.get();
        CsvImport.CustomerFiles customerFiles = new CsvImport.CustomerFiles(customers.file(), orders.file(),
                interactions.map(FileArgument::file));
        shown.expect(InputFiles.totalSize(customerFiles.all()));
        CsvFactsSource source = CsvFactsSource.of(customerFiles).withProgress(shown);

        // Each decision is written as it is made; only the count per tier is kept for the summary.
        TierCounts counts = new TierCounts();
        PrintWriter out = spec.commandLine().getOut();
        RowWriter<TierDecision> writer = format.get().writer(Reports.tier());
        // Every file read and checked before anything is decided; the warnings before the output.
        FactsQuery facts = FactsQuery.metricsOnly(query);
        CsvFactsSource.FilesRead read = source.read(facts);
        StandardOutput.warnings(spec, read.warnings(), read.warningCount());
        try (RowWriter.Rows<TierDecision> lines = writer.open(out);
                DecisionPipeline pipeline = new DecisionPipeline(engine, lines, counts, written -> {
                    if (written % CHECK_EVERY < DecisionPipeline.RUN) {
                        StandardOutput.check(out);
                        shown.writing("customers decided and written", written);
                    }
                })) {
            // The files read above are not read again: forEach decides from what they gave.
            source.forEach(facts, customer -> pipeline.accept(customer.metrics()));
            pipeline.finish();
            LOG.debug("decided in runs of {}: {}", DecisionPipeline.RUN, pipeline.timing());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            shown.done();
        }
        StandardOutput.check(out);
        TierDistribution distribution = TierDistribution.of(loaded.section(TieringPolicy.class), counts.outcomes());
        LOG.debug("decided and wrote {} tiers as of {} under {} in {} ms", distribution.total(), day, loaded.ref(),
                (System.nanoTime() - started) / 1_000_000);
        StandardOutput.summary(spec, TierSummary.lines(loaded, query, distribution));
        return ExitCodes.OK;
    }
}

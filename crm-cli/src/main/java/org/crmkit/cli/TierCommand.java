package org.crmkit.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crmkit.cli.csv.CsvImport;
import org.crmkit.cli.csv.ImportedData;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.rules.Policy;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierDistribution;
import org.crmkit.rules.tiering.TierEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm tier}: every customer's tier as of a day, with the reasons. Reads and validates all
 * input first, then computes, then writes: bad input gives no output at all.
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

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", required = true, paramLabel = "FILE", description = "customers.csv")
    Path customers;

    @Option(names = "--orders", required = true, paramLabel = "FILE", description = "orders.csv")
    Path orders;

    @Option(names = "--interactions", paramLabel = "FILE",
            description = "interactions.csv; inquiries in it count for the potential tier.")
    Optional<Path> interactions = Optional.empty();

    @Mixin
    PolicyOption policy;

    @Mixin
    AsOfDayOption asOf;

    @Mixin
    OutputFormatOption format;

    TierCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() {
        Policy loaded = policy.load();
        LocalDate day = asOf.resolve(loaded, clock);
        ImportedData data = CsvImport.read(customers, orders, interactions, loaded.header().currency());
        LOG.debug("read {} customers, {} purchases, {} interactions", data.customers().size(),
                data.purchases().size(), data.interactions().size());

        MetricsQuery query = loaded.header().metricsQuery(day);
        List<TierDecision> decisions = decisions(data, loaded, day);
        TierDistribution distribution = TierDistribution.of(loaded.tiering(),
                decisions.stream().map(TierDecision::tier).toList());
        LOG.debug("decided {} tiers as of {} under {}", decisions.size(), day, loaded.ref());

        StandardOutput.print(spec, out -> format.get().tierWriter().write(decisions, out));
        StandardOutput.summary(spec, TierSummary.lines(loaded, query, distribution));
        return ExitCodes.OK;
    }

    /**
     * Every customer's tier by the policy's tier rules as of a day: stateless, so without
     * demotion grace. The other commands that need tiers decide them here, as {@code crm tier} does.
     *
     * @param data the customer data
     * @param policy the policy
     * @param day the as-of day
     * @return a decision for every customer that existed on the day, with its metrics
     */
    static List<TierDecision> decisions(ImportedData data, Policy policy, LocalDate day) {
        InMemoryStore store = data.toStore();
        TierEngine engine = TierEngine.of(policy.header(), policy.tiering());
        List<TierDecision> decisions = new ArrayList<>();
        store.facts().forEach(FactsQuery.metricsOnly(policy.header().metricsQuery(day)),
                facts -> decisions.add(engine.evaluate(facts.metrics())));
        return decisions;
    }
}

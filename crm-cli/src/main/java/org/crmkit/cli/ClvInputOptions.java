package org.crmkit.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.crmkit.cli.csv.CsvFactsSource;
import org.crmkit.cli.input.FileArgument;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.rules.Policy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.PurchaseSummaries;
import org.crmkit.rules.clv.SummaryFile;
import org.crmkit.rules.io.clv.PurchaseSummaryCsv;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The input of the CLV commands: a customer summary file, or orders summarised up to a
 * calibration end, in a time unit. Which of the two is given is checked by {@link #read}, not by
 * picocli, because {@code crm clv} is also the group of {@code crm clv fit}, and picocli would
 * demand a group's required options before its subcommands.
 */
final class ClvInputOptions {
    static final String SUMMARY = "--summary";
    static final String ORDERS = "--orders";
    static final String CUSTOMERS = "--customers";
    static final String CALIBRATION_END = "--calibration-end";
    static final String TIME_UNIT = "--time-unit";
    static final String AS_OF = "--as-of";

    @Option(names = SUMMARY, paramLabel = "FILE",
            description = "A customer summary file, one row per customer: ID,frequency,recency,T (optionally"
                    + " monetary_value) or ID,x,t_x,T,zbar, times in the --time-unit, as published with the CDNOW"
                    + " data. Without a monetary_value or zbar column spend is unknown. One of " + SUMMARY + " and "
                    + ORDERS + " is required.")
    Optional<FileArgument> summary = Optional.empty();

    @Option(names = ORDERS, paramLabel = "FILE",
            description = "orders.csv (order_id, customer_id, order_date, amount, currency), all in one currency,"
                    + " any: summarised per customer up to the calibration end; later orders are ignored.")
    Optional<FileArgument> orders = Optional.empty();

    @Option(names = CUSTOMERS, paramLabel = "FILE",
            description = "customers.csv, with " + ORDERS + ": every order's customer must be in it. Not needed.")
    Optional<FileArgument> customers = Optional.empty();

    @Option(names = CALIBRATION_END, paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "With " + ORDERS + ": the last day of the calibration period, e.g. 1997-09-30."
                    + " Default: the " + AS_OF + " day.")
    Optional<LocalDate> calibrationEnd = Optional.empty();

    @Option(names = TIME_UNIT, paramLabel = "UNIT", converter = ClvTimeUnitConverter.class,
            description = "days or weeks: the unit orders are summarised in, or the unit of the summary file's"
                    + " times; also the unit of the horizon. Default: the policy's clv.time_unit.")
    Optional<ClvTimeUnit> timeUnit = Optional.empty();

    @Option(names = AS_OF, paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "With " + ORDERS + " and without " + CALIBRATION_END + ": the calibration end. Not used"
                    + " with " + SUMMARY + ". Default: today in the policy's time zone.")
    Optional<LocalDate> asOf = Optional.empty();

    /**
     * Checks the options and reads the input.
     *
     * @param spec the command's spec, for usage errors
     * @param policy the policy, for the default time unit and today's date
     * @param clock what day it is, for the default calibration end
     * @return the customers
     * @throws ParameterException a usage error
     * @throws org.crmkit.cli.csv.CsvImportException listing every problem of the orders and customers files
     * @throws org.crmkit.core.InvalidValueException at the first problem of a summary file, naming file, line
     *     and column
     */
    ClvInput read(CommandSpec spec, Policy policy, Clock clock) {
        require(spec);
        ClvTimeUnit unit = timeUnit.orElse(policy.section(ClvPolicy.class).timeUnit());
        String unitSource = timeUnit.isPresent() ? TIME_UNIT : "the policy's clv.time_unit";
        if (summary.isPresent()) {
            SummaryFile file = PurchaseSummaryCsv.read(summary.get().file(), unit);
            return new ClvInput(file.customers()::forEach, file.repeatValuesGiven(), unit, Optional.empty(),
                    Optional.empty(), count -> String.format(Locale.ROOT, "%,d customers from %s, times in %s (%s), %s",
                            count, summary.get(), unit.key(), unitSource, file.repeatValuesGiven()
                                    ? "with average repeat values"
                                    : "without average repeat values (no zbar or monetary_value column)"));
        }
        LocalDate end = calibrationEnd.or(() -> asOf).orElseGet(() -> policy.header().today(clock));
        String endSource = calibrationEnd.isPresent() ? CALIBRATION_END
                : asOf.isPresent() ? AS_OF : "today in the policy's time zone";
        // Streamed: each customer's history summed up as the orders go by, never a list of the orders.
        CsvFactsSource facts = CsvFactsSource.ofOrders(orders.orElseThrow().file(), customers.map(FileArgument::file));
        FactsQuery query = new FactsQuery(policy.header().metricsQuery(end), Set.of(FactGroup.HISTORY), Set.of());
        CsvFactsSource.FilesRead read = facts.read(query);
        ClvInput.Customers walk = action -> facts.forEach(query,
                customer -> PurchaseSummaries.fromFacts(customer, unit).ifPresent(action));
        return new ClvInput(walk, true, unit, Optional.of(end), read.currency(), count -> {
            List<String> source = new ArrayList<>();
            source.add(String.format(Locale.ROOT, "%,d customers with an order up to %s (%s) in %s, times in %s (%s)",
                    count, end, endSource, orders.get(), unit.key(), unitSource));
            source.add(String.format(Locale.ROOT, "%,d orders, %,d of them after the calibration end and ignored",
                    read.orders(), read.ordersAfterAsOf()));
            read.currency().ifPresent(code -> source.add("amounts in " + code.getCurrencyCode()));
            return String.join("; ", source);
        });
    }

    private void require(CommandSpec spec) {
        if (summary.isEmpty() && orders.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '" + SUMMARY + "=FILE' or '"
                    + ORDERS + "=FILE'");
        }
        if (summary.isPresent() && orders.isPresent()) {
            throw new ParameterException(spec.commandLine(), SUMMARY + " and " + ORDERS
                    + " are mutually exclusive: give a summary file or the orders");
        }
        if (customers.isPresent() && orders.isEmpty()) {
            throw new ParameterException(spec.commandLine(), CUSTOMERS + " goes with " + ORDERS
                    + ": it checks the orders' customers");
        }
        if (calibrationEnd.isPresent() && orders.isEmpty()) {
            throw new ParameterException(spec.commandLine(), CALIBRATION_END + " goes with " + ORDERS
                    + ": a summary file's times are measured to its own calibration end");
        }
        if (calibrationEnd.isPresent() && asOf.isPresent() && !calibrationEnd.equals(asOf)) {
            throw new ParameterException(spec.commandLine(), CALIBRATION_END + " (" + calibrationEnd.get() + ") and "
                    + AS_OF + " (" + asOf.get() + ") both name the calibration end: give one of them");
        }
    }
}

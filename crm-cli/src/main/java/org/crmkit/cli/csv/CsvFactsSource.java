package org.crmkit.cli.csv;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.crmkit.core.facts.ActivityFacts;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;

/**
 * Customers' facts computed in one streaming pass over the interchange formats' CSV files
 * ({@code customers.csv}, {@code orders.csv} and optionally {@code interactions.csv} and
 * {@code surveys.csv}), for a million customers and ten million orders in a few hundred megabytes.
 *
 * <p>Each file is read once as a stream of characters, never held: every value is validated
 * exactly as {@link CsvImport} validates it (the same messages, in the same order), and each
 * customer's facts are summed into primitive columns as the orders, interactions and survey
 * answers stream by: for the metrics, the exact spend in units of the currency's minor unit (with
 * an exact decimal where a sum outgrows a long), the orders in the window, the active quarters as
 * bits, the last purchase day and the inquiries (about 120 bytes per customer); for the purchase
 * history and the window's activity, when the query asks for them, the orders, spend, first day and
 * its spend, distinct purchase days, the spend of the window's later half, the categories as a set
 * of bits, the engagement interactions, promoter answers and the two latest CSAT scores (64 bytes
 * more per customer, 30 with survey answers; distinct purchase days are counted from (customer,
 * day) pairs sorted once the orders are read, 8 bytes per order while the orders file is read).
 * Duplicate order and interaction ids, and a customer's second survey answer at one moment, are
 * found by 64-bit fingerprints and confirmed by a second look at the file only when fingerprints
 * repeat. Orders dated before their customer was created are warnings ({@link FilesRead#warnings()}),
 * not problems. Bad input throws a {@link CsvImportException} before {@link #forEach} hands out a single
 * customer, with the first {@value FileProblems#KEPT} problems of each kind in each file and the
 * count of all.
 *
 * <p>The facts equal those of {@link org.crmkit.core.facts.FactsCalculator} on the same records,
 * for every {@link FactGroup}. Without an interactions file the inquiries are unknown
 * ({@link org.crmkit.core.facts.FactsCalculator#computeWithoutInteractions}), so that the potential
 * tier says it cannot tell rather than reading 0 inquiries. A read is kept: {@link #forEach} and {@link #find} read the files
 * again only for a query the last read does not cover (another as-of day, window, zone or currency,
 * more groups or other value-added categories), so that a caller that streams the customers twice
 * reads the files once. Not thread-safe.
 *
 * <pre>{@code
 * CsvFactsSource source = CsvFactsSource.of(Path.of("customers.csv"), Path.of("orders.csv"),
 *         Optional.of(Path.of("interactions.csv")));
 * source.forEach(FactsQuery.metricsOnly(policy.header().metricsQuery(asOf)),
 *         facts -> print(engine.evaluate(facts.metrics())));
 * }</pre>
 */
public final class CsvFactsSource implements CustomerFactsSource {
    private final Optional<InputFile> customers;
    private final InputFile orders;
    private final Optional<InputFile> interactions;
    private final Optional<InputFile> surveys;
    private final Optional<FactsRead.CaseFiles> cases;
    private final boolean customersFromOrders;
    private final ReadProgress progress;
    private final FactsRead.Split split;
    private Optional<FactsQuery> lastQuery = Optional.empty();
    private Optional<FactsRead.Result> lastRead = Optional.empty();
    /** The last read started, complete or not; for {@link #filesReadInChunks}. */
    private Optional<FactsRead> lastStarted = Optional.empty();

    private CsvFactsSource(Optional<InputFile> customers, InputFile orders, Optional<InputFile> interactions,
            Optional<InputFile> surveys,
            Optional<FactsRead.CaseFiles> cases, boolean customersFromOrders, ReadProgress progress,
            FactsRead.Split split) {
        this.customers = customers;
        this.orders = orders;
        this.interactions = interactions;
        this.surveys = surveys;
        this.cases = cases;
        this.customersFromOrders = customersFromOrders;
        this.progress = progress;
        this.split = split;
    }

    /**
     * A source over the customer files.
     *
     * @param customers {@code customers.csv}; not null
     * @param orders {@code orders.csv}; not null
     * @param interactions {@code interactions.csv}, if there is one; not null
     * @return the source; nothing is read until facts are asked for
     */
    public static CsvFactsSource of(Path customers, Path orders, Optional<Path> interactions) {
        return of(new CsvImport.CustomerFiles(customers, orders, interactions));
    }

    /**
     * A source over the customer files, survey answers included.
     *
     * @param files the files; not null
     * @return the source; nothing is read until facts are asked for
     */
    public static CsvFactsSource of(CsvImport.CustomerFiles files) {
        Objects.requireNonNull(files, "files");
        return new CsvFactsSource(Optional.of(files.customers()), files.orders(), files.interactions(),
                files.surveys(), Optional.empty(), false, ReadProgress.NONE, FactsRead.Split.DEFAULT);
    }

    /**
     * A source over an orders file alone, as {@link #ofOrders(InputFile, Optional)}, each file
     * named by its path.
     *
     * @param orders {@code orders.csv}; not null
     * @param customers {@code customers.csv}, if given; not null
     * @return the source; nothing is read until facts are asked for
     */
    public static CsvFactsSource ofOrders(Path orders, Optional<Path> customers) {
        return ofOrders(InputFile.of(orders), customers.map(InputFile::of));
    }

    /**
     * A source over an orders file alone, for the purchase models ({@code crm clv}): the customers
     * are those of the orders, each created on the day of its first order, so that a customer's
     * facts as of a day exist when it bought on or before that day. The orders must all be in one
     * currency, any (the first order's, as {@link CsvImport#readOrders} demands): the facts'
     * amounts are in it, whatever the query's currency, which is not compared with anything. When
     * a customers file is given, it is read and checked as {@link CsvImport#readOrders} checks it,
     * and every order's customer must be in it; its creation days do not count.
     *
     * @param orders {@code orders.csv}; not null
     * @param customers {@code customers.csv}, if given; not null
     * @return the source; nothing is read until facts are asked for
     */
    public static CsvFactsSource ofOrders(InputFile orders, Optional<InputFile> customers) {
        return new CsvFactsSource(Objects.requireNonNull(customers, "customers"),
                Objects.requireNonNull(orders, "orders"), Optional.empty(), Optional.empty(), Optional.empty(), true,
                ReadProgress.NONE, FactsRead.Split.DEFAULT);
    }

    /**
     * A copy that reports how far each read has come.
     *
     * @param listener told of each file and the bytes read; not null
     * @return the copy
     */
    public CsvFactsSource withProgress(ReadProgress listener) {
        return new CsvFactsSource(customers, orders, interactions, surveys, cases, customersFromOrders,
                Objects.requireNonNull(listener, "listener"), split);
    }

    /**
     * A copy that reads the orders and interactions in chunks of the given size on the given
     * number of threads where it can, for tests that cut small files into many chunks.
     *
     * @param threads threads that read a file's chunks; 1 reads in file order
     * @param chunkBytes bytes per chunk
     * @return the copy
     */
    CsvFactsSource withSplit(int threads, int chunkBytes) {
        return new CsvFactsSource(customers, orders, interactions, surveys, cases, customersFromOrders, progress,
                new FactsRead.Split(threads, chunkBytes));
    }

    /**
     * A copy that also reads the service cases, as {@link #withCases(InputFile, InputFile,
     * CaseHistoryCheck)}, each file named by its path.
     *
     * @param complaints {@code complaints.csv}; not null
     * @param events {@code complaint_events.csv}; not null
     * @param histories checks each case's history; not null
     * @return the copy
     */
    public CsvFactsSource withCases(Path complaints, Path events, CaseHistoryCheck histories) {
        return withCases(InputFile.of(complaints), InputFile.of(events), histories);
    }

    /**
     * A copy that also reads the service cases of {@code complaints.csv} and their events, whole (they
     * are few beside the customers), in the same read and checked as {@link CsvImport#readCases}
     * checks them: every case's customer must be in the customers file, each case's events must make
     * a possible history, and their problems are reported first, then those of the customer files,
     * each file's by line. {@link FilesRead#cases()} holds them after a read.
     *
     * @param complaints {@code complaints.csv}; not null
     * @param events {@code complaint_events.csv}; not null
     * @param histories checks each case's history; not null
     * @return the copy
     */
    public CsvFactsSource withCases(InputFile complaints, InputFile events, CaseHistoryCheck histories) {
        return new CsvFactsSource(customers, orders, interactions, surveys, Optional.of(new FactsRead.CaseFiles(
                Objects.requireNonNull(complaints, "complaints"), Objects.requireNonNull(events, "events"),
                Objects.requireNonNull(histories, "histories"))), customersFromOrders, progress, split);
    }

    /**
     * What a read found besides the customers' facts. Immutable and thread-safe.
     *
     * @param orders the orders read, all of them, whatever their day
     * @param ordersAfterAsOf those after the as-of day, which no fact counts
     * @param currency the currency of the amounts: the query's, or for a source of orders alone the
     *     orders' own; empty when there was no order to name it; not null
     * @param cases the service cases and their events, for a source {@link #withCases with cases}; not null
     * @param warnings the first warnings of the files, in file order: orders dated before their
     *     customer was created (not for a source of orders alone); not null
     * @param warningCount how many warnings there are in all, at least as many as given
     */
    public record FilesRead(long orders, long ordersAfterAsOf, Optional<Currency> currency,
            Optional<ImportedCases> cases, List<InputProblem> warnings, long warningCount) {
        /** Checks the arguments. */
        public FilesRead {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(cases, "cases");
            warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
            if (warningCount < warnings.size()) {
                throw new IllegalArgumentException("warning count " + warningCount + " is less than the "
                        + warnings.size() + " warnings given");
            }
        }
    }

    /**
     * Reads and validates the files for a query now, unless the last read covers it, and keeps the
     * read for {@link #forEach} and {@link #find}: a caller can tell bad input, and get the cases,
     * before it computes anything.
     *
     * @param query what the facts will be computed for; not null
     * @return what the read found
     * @throws CsvImportException if the files are invalid
     */
    public FilesRead read(FactsQuery query) {
        FactsRead.Result read = readFor(Objects.requireNonNull(query, "query"));
        return new FilesRead(read.orders, read.ordersAfterAsOf, Optional.ofNullable(read.currency), read.cases,
                read.warnings, read.warningCount);
    }

    /**
     * {@inheritDoc}
     *
     * @throws CsvImportException if the files are invalid
     */
    @Override
    public Optional<CustomerFacts> find(CustomerId customerId, FactsQuery query) {
        Objects.requireNonNull(customerId, "customerId");
        FactsRead.Result read = readFor(Objects.requireNonNull(query, "query"));
        char[] id = customerId.value().toCharArray();
        int customer = read.customers.find(id, 0, id.length, FastValues.hash(id, 0, id.length));
        if (customer < 0 || (customersFromOrders && read.customers.createdOn(customer) == Integer.MAX_VALUE)) {
            return Optional.empty();
        }
        return Optional.of(facts(read, customer, query, interactions.isPresent()));
    }

    /**
     * {@inheritDoc} The files are read and validated completely before the first customer is
     * handed out.
     *
     * @throws CsvImportException if the files are invalid; then the action was never called
     */
    @Override
    public void forEach(FactsQuery query, Consumer<? super CustomerFacts> action) {
        Objects.requireNonNull(action, "action");
        FactsRead.Result read = readFor(Objects.requireNonNull(query, "query"));
        for (int customer : read.customers.byId((int) query.metrics().asOf().toEpochDay())) {
            action.accept(facts(read, customer, query, interactions.isPresent()));
        }
    }

    private FactsRead.Result readFor(FactsQuery query) {
        if (lastRead.isPresent() && covers(lastQuery.orElseThrow(), query)) {
            return lastRead.get();
        }
        lastRead = Optional.empty();
        lastQuery = Optional.empty();
        FactsRead started = new FactsRead(customers, orders, interactions, surveys, cases, customersFromOrders,
                query, progress, split);
        lastStarted = Optional.of(started);
        FactsRead.Result read = started.run();
        lastRead = Optional.of(read);
        lastQuery = Optional.of(query);
        return read;
    }

    /** @return how many files the last read, complete or not, read in chunks side by side: for tests */
    int filesReadInChunks() {
        return lastStarted.map(FactsRead::filesInChunks).orElse(0);
    }

    /** Whether what was read for one query gives every fact another asks for. */
    private static boolean covers(FactsQuery read, FactsQuery wanted) {
        return read.metrics().equals(wanted.metrics()) && read.groups().containsAll(wanted.groups())
                && (!wanted.wants(FactGroup.ACTIVITY)
                        || read.valueAddedCategories().equals(wanted.valueAddedCategories()));
    }

    /** One customer's facts; without an interactions file the inquiries are unknown, not 0. */
    private static CustomerFacts facts(FactsRead.Result read, int customer, FactsQuery query,
            boolean inquiriesKnown) {
        MetricsQuery metrics = query.metrics();
        CustomerColumns columns = read.customers;
        Currency currency = read.currency != null ? read.currency : metrics.currency();
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        int last = columns.lastPurchase(customer);
        LocalDate createdOn = LocalDate.ofEpochDay(columns.createdOn(customer));
        Money spend = Money.of(currency, columns.spend(customer, scale));
        CustomerMetrics snapshot = new CustomerMetrics(CustomerId.of(columns.id(customer)), metrics.asOf(),
                metrics.window(), spend, columns.orders(customer), columns.activeQuarters(customer),
                inquiriesKnown ? columns.inquiries(customer) : 0, inquiriesKnown, MetricsCalculator.tenureMonths(createdOn, metrics.asOf()),
                columns.strategic(customer),
                last == CustomerColumns.NO_DAY ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(last)));
        Optional<PurchaseHistoryFacts> history = Optional.empty();
        Optional<ActivityFacts> activity = Optional.empty();
        if (query.wants(FactGroup.HISTORY)) {
            history = Optional.of(history(read.history.orElseThrow(), customer, currency, scale));
        }
        if (query.wants(FactGroup.ACTIVITY)) {
            activity = Optional.of(activity(read.history.orElseThrow(), customer, spend, scale));
        }
        return new CustomerFacts(snapshot, history, activity);
    }

    private static PurchaseHistoryFacts history(HistoryColumns columns, int customer, Currency currency, int scale) {
        int orders = columns.orders(customer);
        if (orders == 0) {
            return PurchaseHistoryFacts.none(currency);
        }
        int days = columns.purchaseDays(customer);
        BigDecimal spend = columns.spend(customer, scale);
        Money repeat = days < 2 ? Money.zero(currency)
                : Money.of(currency, spend.subtract(columns.firstDaySpend(customer, scale)));
        return new PurchaseHistoryFacts(orders, Money.of(currency, spend), days,
                Optional.of(LocalDate.ofEpochDay(columns.firstDay(customer))), repeat);
    }

    private static ActivityFacts activity(HistoryColumns columns, int customer, Money spend, int scale) {
        Money later = Money.of(spend.currency(), columns.laterHalfSpend(customer, scale));
        Money earlier = Money.of(spend.currency(), spend.amount().subtract(later.amount()));
        int latest = columns.latestCsat(customer);
        int previous = columns.previousCsat(customer);
        return new ActivityFacts(earlier, later, columns.categories(customer), columns.valueAddedPurchases(customer),
                columns.referrals(customer), columns.events(customer), columns.trials(customer),
                columns.jointPlanning(customer), columns.promoterAnswers(customer),
                latest == 0 ? OptionalInt.empty() : OptionalInt.of(latest),
                previous == 0 ? OptionalInt.empty() : OptionalInt.of(previous));
    }
}

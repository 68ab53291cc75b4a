package org.crmkit.cli.csv;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.port.CustomerFactsSource;

/**
 * Customers' metrics computed in one streaming pass over the interchange formats' CSV files
 * ({@code customers.csv}, {@code orders.csv} and optionally {@code interactions.csv}), for a
 * million customers and ten million orders in a few hundred megabytes.
 *
 * <p>Each file is read once as a stream of characters, never held: every value is validated
 * exactly as {@link CsvImport} validates it (the same messages, in the same order), and each
 * customer's metrics are summed into primitive columns as the orders and interactions stream by
 * (the exact spend in units of the currency's minor unit, with an exact decimal where an amount
 * has more digits; the orders in the window; the active quarters as bits; the last purchase day;
 * the inquiries). Duplicate order and interaction ids are found by 64-bit fingerprints and
 * confirmed by a second look at the file only when fingerprints repeat. Bad input throws a
 * {@link CsvImportException} before {@link #forEach} hands out a single customer, with the first
 * {@value FileProblems#KEPT} problems of each kind in each file and the count of all.
 *
 * <p>The metrics equal those of {@link org.crmkit.core.facts.FactsCalculator} on the same
 * records. Only the metrics snapshot is computed ({@link FactsQuery#metricsOnly}); a query that
 * asks for the purchase history or the window's activity is refused. Each {@link #forEach} reads
 * the files again; {@link #find} reuses the last read for the same metrics query. Not
 * thread-safe.
 *
 * <pre>{@code
 * CsvFactsSource source = CsvFactsSource.of(Path.of("customers.csv"), Path.of("orders.csv"),
 *         Optional.of(Path.of("interactions.csv")));
 * source.forEach(FactsQuery.metricsOnly(policy.header().metricsQuery(asOf)),
 *         facts -> print(engine.evaluate(facts.metrics())));
 * }</pre>
 */
public final class CsvFactsSource implements CustomerFactsSource {
    private final CsvImport.CustomerFiles files;
    private final ReadProgress progress;
    private Optional<MetricsQuery> lastQuery = Optional.empty();
    private Optional<CustomerColumns> lastRead = Optional.empty();

    private CsvFactsSource(CsvImport.CustomerFiles files, ReadProgress progress) {
        this.files = files;
        this.progress = progress;
    }

    /**
     * A source over the customer files.
     *
     * @param customers {@code customers.csv}; not null
     * @param orders {@code orders.csv}; not null
     * @param interactions {@code interactions.csv}, if there is one; not null
     * @return the source; nothing is read until facts are asked for
     */
    public static CsvFactsSource of(java.nio.file.Path customers, java.nio.file.Path orders,
            Optional<java.nio.file.Path> interactions) {
        return new CsvFactsSource(new CsvImport.CustomerFiles(customers, orders, interactions), ReadProgress.NONE);
    }

    /**
     * A copy that reports how far each read has come.
     *
     * @param listener told of each file and the bytes read; not null
     * @return the copy
     */
    public CsvFactsSource withProgress(ReadProgress listener) {
        return new CsvFactsSource(files, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws CsvImportException if the files are invalid
     * @throws UnsupportedOperationException if the query asks for more than the metrics
     */
    @Override
    public Optional<CustomerFacts> find(CustomerId customerId, FactsQuery query) {
        Objects.requireNonNull(customerId, "customerId");
        MetricsQuery metrics = metricsOnly(query);
        CustomerColumns columns = lastRead.filter(read -> lastQuery.equals(Optional.of(metrics)))
                .orElseGet(() -> read(metrics));
        char[] id = customerId.value().toCharArray();
        int customer = columns.find(id, 0, id.length, FastValues.hash(id, 0, id.length));
        return customer < 0 ? Optional.empty() : Optional.of(facts(columns, customer, metrics));
    }

    /**
     * {@inheritDoc} The files are read and validated completely before the first customer is
     * handed out.
     *
     * @throws CsvImportException if the files are invalid; then the action was never called
     * @throws UnsupportedOperationException if the query asks for more than the metrics
     */
    @Override
    public void forEach(FactsQuery query, Consumer<? super CustomerFacts> action) {
        Objects.requireNonNull(action, "action");
        MetricsQuery metrics = metricsOnly(query);
        CustomerColumns columns = read(metrics);
        for (int customer : columns.byId((int) metrics.asOf().toEpochDay())) {
            action.accept(facts(columns, customer, metrics));
        }
    }

    private CustomerColumns read(MetricsQuery metrics) {
        lastRead = Optional.empty();
        lastQuery = Optional.empty();
        CustomerColumns columns = new FactsRead(files.customers(), files.orders(), files.interactions(), metrics,
                progress).run();
        lastRead = Optional.of(columns);
        lastQuery = Optional.of(metrics);
        return columns;
    }

    private static MetricsQuery metricsOnly(FactsQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.wants(FactGroup.HISTORY) || query.wants(FactGroup.ACTIVITY)) {
            throw new UnsupportedOperationException("CsvFactsSource computes the metrics snapshot only"
                    + " (FactsQuery.metricsOnly), not " + query.groups() + "; read the files with CsvImport"
                    + " into an InMemoryStore for the purchase history and the window's activity");
        }
        return query.metrics();
    }

    private static CustomerFacts facts(CustomerColumns columns, int customer, MetricsQuery query) {
        int scale = Math.max(query.currency().getDefaultFractionDigits(), 0);
        int last = columns.lastPurchase(customer);
        LocalDate createdOn = LocalDate.ofEpochDay(columns.createdOn(customer));
        CustomerMetrics metrics = new CustomerMetrics(CustomerId.of(columns.id(customer)), query.asOf(),
                query.window(), Money.of(query.currency(), columns.spend(customer, scale)), columns.orders(customer),
                columns.activeQuarters(customer), columns.inquiries(customer),
                MetricsCalculator.tenureMonths(createdOn, query.asOf()), columns.strategic(customer),
                last == CustomerColumns.NO_DAY ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(last)));
        return CustomerFacts.of(metrics);
    }
}

package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.port.CustomerMetricsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CustomerMetricsSource} computed in SQL: one query aggregates each customer's purchases
 * and inquiries, so that no purchase is loaded into Java. The numbers are those of
 * {@link MetricsCalculator}:
 * <ul>
 *   <li>only purchases on or before the as-of day count at all;</li>
 *   <li>spend and orders sum and count the purchases on the days of the window;</li>
 *   <li>active quarters count the rolling quarters of {@link MetricsQuery#quarter(int)} with a purchase;</li>
 *   <li>the last purchase is the latest day on or before the as-of day;</li>
 *   <li>inquiries count the interactions of kind inquiry whose day in the query's zone lies in the
 *       window: the window's days become the moments from the start of its first day to the
 *       start of the day after its last, in that zone, computed here and bound as parameters;</li>
 *   <li>tenure is {@link MetricsCalculator#tenureMonths}, from the customer's row.</li>
 * </ul>
 * {@link #forEach} visits only the customers created on or before the as-of day, by a condition
 * on {@code created_on} in the same query; {@link #find} answers for any stored customer.
 * A purchase in the window in another currency is counted separately; when there is one, the
 * first of them by day and id is looked up to name it in the {@link CurrencyMismatchException}.
 */
final class JdbcMetricsSource implements CustomerMetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcMetricsSource.class);

    private final Database database;
    private final String firstForeignPurchase;

    JdbcMetricsSource(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.firstForeignPurchase = "SELECT id, currency FROM crm_purchase"
                + " WHERE customer_id = ? AND order_date >= ? AND order_date <= ? AND currency <> ?"
                + " ORDER BY order_date, " + database.dialect().byId("id") + " FETCH FIRST 1 ROWS ONLY";
    }

    @Override
    public Optional<CustomerMetrics> find(CustomerId customerId, MetricsQuery query) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(query, "query");
        List<Row> rows = database.transaction("compute the metrics of customer '" + customerId + "'",
                connection -> {
                    List<Row> found = new ArrayList<>();
                    visit(connection, Optional.of(customerId), query, found::add);
                    return found;
                });
        return rows.stream().findFirst().map(row -> row.metrics(query));
    }

    @Override
    public void forEach(MetricsQuery query, Consumer<? super CustomerMetrics> action) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(action, "action");
        database.transaction("compute the metrics of every customer", connection -> {
            visit(connection, Optional.empty(), query, row -> action.accept(row.metrics(query)));
            return null;
        });
    }

    /**
     * Streams the aggregate rows in ascending customer id order. Stops at the first customer
     * with a purchase in another currency in the window, and throws for it once the result set
     * is closed.
     */
    private void visit(Connection connection, Optional<CustomerId> only, MetricsQuery query, Consumer<Row> action)
            throws SQLException {
        Statement statement = statement(only, query);
        Optional<CustomerId> mismatched = Optional.empty();
        try (PreparedStatement prepared = Database.streaming(connection, statement.sql.toString(), statement.parameters);
                ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
                Row row = Row.read(rows);
                if (row.foreignOrders > 0) {
                    mismatched = Optional.of(row.customerId);
                    break;
                }
                action.accept(row);
            }
        }
        if (mismatched.isPresent()) {
            throw currencyMismatch(connection, mismatched.get(), query);
        }
        LOG.debug("Computed metrics as of {} for {}", query.asOf(), only.map(CustomerId::value).orElse("all customers"));
    }

    private CurrencyMismatchException currencyMismatch(Connection connection, CustomerId customerId,
            MetricsQuery query) throws SQLException {
        String currency = query.currency().getCurrencyCode();
        List<String> purchase = Database.first(connection, firstForeignPurchase,
                row -> List.of(row.getString("id"), row.getString("currency")),
                customerId.value(), SqlValues.dayBound(query.window().start()),
                SqlValues.dayBound(query.window().end()), currency).orElseThrow();
        return new CurrencyMismatchException("Purchase '" + purchase.get(0) + "'", query.currency(),
                Money.currency(purchase.get(1)));
    }

    /** SQL text and its parameters, built together so that they stay in step. */
    private static final class Statement {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        Statement append(String text, Object... values) {
            sql.append(text);
            Collections.addAll(parameters, values);
            return this;
        }
    }

    private Statement statement(Optional<CustomerId> only, MetricsQuery query) {
        DateWindow window = query.window();
        LocalDate windowStart = SqlValues.dayBound(window.start());
        LocalDate windowEnd = SqlValues.dayBound(window.end());
        Statement statement = new Statement()
                .append("SELECT c.id, c.created_on, c.strategic_agreement,"
                        + " p.spend, p.orders, p.foreign_orders, p.last_purchase,"
                        + " p.quarter0, p.quarter1, p.quarter2, p.quarter3, i.inquiries"
                        + " FROM crm_customer c"
                        + " LEFT JOIN (SELECT customer_id,")
                .append(" SUM(CASE WHEN order_date >= ? AND order_date <= ? THEN amount END) AS spend,",
                        windowStart, windowEnd)
                .append(" COUNT(CASE WHEN order_date >= ? AND order_date <= ? THEN 1 END) AS orders,",
                        windowStart, windowEnd)
                .append(" COUNT(CASE WHEN order_date >= ? AND order_date <= ? AND currency <> ? THEN 1 END)"
                        + " AS foreign_orders,", windowStart, windowEnd, query.currency().getCurrencyCode());
        for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
            DateWindow quarter = query.quarter(i);
            statement.append(" MAX(CASE WHEN order_date >= ? AND order_date <= ? THEN 1 ELSE 0 END) AS quarter" + i
                    + ",", SqlValues.dayBound(quarter.start()), SqlValues.dayBound(quarter.end()));
        }
        statement.append(" MAX(order_date) AS last_purchase"
                        + " FROM crm_purchase WHERE order_date <= ?", SqlValues.dayBound(query.asOf()));
        only.ifPresent(id -> statement.append(" AND customer_id = ?", id.value()));
        statement.append(" GROUP BY customer_id) p ON p.customer_id = c.id")
                .append(" LEFT JOIN (SELECT customer_id, COUNT(*) AS inquiries FROM crm_interaction"
                        + " WHERE kind = ?", InteractionKind.INQUIRY.key())
                .append(" AND " + SqlValues.momentRangeCondition("occurred_at", "occurred_nanos"),
                        SqlValues.momentRangeParameters(query.windowStart(), query.windowEndExclusive()));
        only.ifPresent(id -> statement.append(" AND customer_id = ?", id.value()));
        statement.append(" GROUP BY customer_id) i ON i.customer_id = c.id");
        if (only.isPresent()) {
            statement.append(" WHERE c.id = ?", only.get().value());
        } else {
            // Every customer means every customer who existed on the as-of day.
            statement.append(" WHERE c.created_on <= ?", SqlValues.dayBound(query.asOf()));
        }
        statement.append(" ORDER BY " + database.dialect().byId("c.id"));
        return statement;
    }

    /** One customer's aggregates as the query returns them. */
    private static final class Row {
        private final CustomerId customerId;
        private final LocalDate createdOn;
        private final boolean strategicAgreement;
        private final Optional<BigDecimal> spend;
        private final int orders;
        private final long foreignOrders;
        private final int activeQuarters;
        private final int inquiries;
        private final Optional<LocalDate> lastPurchase;

        private Row(ResultSet row) throws SQLException {
            customerId = CustomerId.of(row.getString("id"));
            createdOn = row.getObject("created_on", LocalDate.class);
            strategicAgreement = row.getBoolean("strategic_agreement");
            spend = Optional.ofNullable(row.getBigDecimal("spend"));
            // Aggregates of customers without purchases or inquiries are NULL; getLong reads them as 0.
            orders = Math.toIntExact(row.getLong("orders"));
            foreignOrders = row.getLong("foreign_orders");
            int active = 0;
            for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
                active += row.getInt("quarter" + i);
            }
            activeQuarters = active;
            inquiries = Math.toIntExact(row.getLong("inquiries"));
            lastPurchase = Optional.ofNullable(row.getObject("last_purchase", LocalDate.class));
        }

        static Row read(ResultSet row) throws SQLException {
            return new Row(row);
        }

        CustomerMetrics metrics(MetricsQuery query) {
            Money total = spend.map(amount -> Money.of(query.currency(), amount)).orElse(Money.zero(query.currency()));
            return new CustomerMetrics(customerId, query.asOf(), query.window(), total, orders, activeQuarters,
                    inquiries, MetricsCalculator.tenureMonths(createdOn, query.asOf()), strategicAgreement,
                    lastPurchase);
        }
    }
}

package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.crmkit.core.CrmException;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.facts.ActivityFacts;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsCalculator;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.ExchangeRates;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CustomerFactsSource} computed in SQL: one grouped query per table aggregates each
 * customer's purchases, interactions and survey answers, so that no record is loaded into Java;
 * the queries stream their rows sorted by customer id and are merged here, one customer at a time. The facts are those of {@link FactsCalculator}:
 * <ul>
 *   <li>only purchases on or before the as-of day count at all; spend and orders sum and count the
 *       window's; active quarters count the rolling quarters of {@link MetricsQuery#quarter(int)}
 *       with a purchase; the last purchase is the latest day; tenure is
 *       {@link MetricsCalculator#tenureMonths}, from the customer's row;</li>
 *   <li>the history counts the distinct purchase days and sums the purchases after the first day,
 *       which a window function over the same rows finds;</li>
 *   <li>categories compare by {@code LOWER}, as {@link FactsQuery#normalCategory} does for the
 *       letters of ordinary text (the two may differ for characters whose lower case is longer);</li>
 *   <li>interactions and survey answers count when their moment lies from the start of the
 *       window's first day to the start of the day after its last, in the query's zone: the moments
 *       are computed here and bound as parameters, exact to the nanosecond; over an ERP whose
 *       mapping says {@code interactions: none} nothing is counted and the inquiries are unknown
 *       ({@link FactsCalculator#computeWithoutInteractions});</li>
 *   <li>the two latest satisfaction scores are numbered by a window function, latest first and,
 *       at the same moment, the lower score first.</li>
 * </ul>
 * {@link #forEach} visits only the customers created on or before the as-of day; {@link #find}
 * answers for any stored customer. Where the database groups a whole result in memory before it
 * returns the first row (H2, see {@link Dialect#customersPerRange}), forEach walks the customers in
 * ranges of ids instead: the queries run once per range, restricted to it, so that memory is bounded
 * by the range and not by the customer base. A purchase that counts in another currency is counted
 * separately; when there is one, the first of them by day and id is looked up to name it in the
 * {@link CurrencyMismatchException}, or, for a source that reports customers it cannot evaluate, in
 * a {@link NotEvaluable} before it goes on with the next customer.
 *
 * <p>The tables are {@link Relations}: crmkit's own, or an ERP's read through a mapping. Returns and
 * credit notes, purchases with negative amounts (which only an ERP's orders hold), reduce the sums
 * of the window, its halves and the history they are dated in, each sum at least zero; they are not
 * orders, purchase days, categories, first or last purchases, and make no quarter active.
 */
final class JdbcFactsSource implements CustomerFactsSource {
    /** The condition, one marker for the query's currency, that an order is in another currency or none. */
    private static final String FOREIGN = "(currency IS NULL OR currency <> ?)";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcFactsSource.class);

    private final Database database;
    private final Relations relations;
    /** Customers per range of forEach; empty to run each query once over all customers. */
    private final OptionalInt customersPerRange;
    /** Where forEach reports the customers it skips; empty to stop at the first instead. */
    private final Optional<Consumer<? super NotEvaluable>> notEvaluable;

    JdbcFactsSource(Database database, Relations relations) {
        this(database, relations, database.dialect().customersPerRange(), Optional.empty());
    }

    /**
     * A facts source.
     *
     * @param customersPerRange how many customers forEach aggregates at a time, or empty for all at once
     * @param notEvaluable where forEach reports the customers it skips, or empty to stop at the first
     */
    JdbcFactsSource(Database database, Relations relations, OptionalInt customersPerRange,
            Optional<Consumer<? super NotEvaluable>> notEvaluable) {
        this.database = Objects.requireNonNull(database, "database");
        this.relations = Objects.requireNonNull(relations, "relations");
        this.notEvaluable = Objects.requireNonNull(notEvaluable, "notEvaluable");
        this.customersPerRange = Objects.requireNonNull(customersPerRange, "customersPerRange");
        if (customersPerRange.isPresent() && customersPerRange.getAsInt() < 1) {
            throw new IllegalArgumentException("customersPerRange: " + customersPerRange.getAsInt());
        }
    }

    @Override
    public Optional<CustomerFacts> find(CustomerId customerId, FactsQuery query) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(query, "query");
        List<CustomerFacts> found = database.transaction("compute the facts of customer '" + customerId + "'",
                connection -> {
                    List<CustomerFacts> rows = new ArrayList<>();
                    visit(connection, Optional.of(customerId), Optional.empty(), query, rows::add);
                    return rows;
                });
        return found.stream().findFirst();
    }

    @Override
    public void forEach(FactsQuery query, Consumer<? super CustomerFacts> action) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(action, "action");
        forEachAfter(query, Optional.empty(), action);
    }

    /**
     * How many customers {@link #forEach} visits for a day: those created on or before it.
     *
     * @param asOf the as-of day
     * @return the count, from one query
     */
    long countCustomers(LocalDate asOf) {
        Relation customers = relations.customers();
        return database.transaction("count the customers as of " + asOf, connection -> Database.first(connection,
                "SELECT COUNT(*) FROM " + customers.from() + " WHERE created_on <= ?", row -> row.getLong(1),
                customers.parametersThen(SqlValues.dayBound(asOf))).orElse(0L));
    }

    /**
     * As {@link #forEach}, for the customers after one only (in the dialect's id order): where a
     * resumed batch job starts.
     *
     * @param query what to compute
     * @param after the last customer not to visit, or empty to visit all
     * @param action called once per customer
     */
    void forEachAfter(FactsQuery query, Optional<String> after, Consumer<? super CustomerFacts> action) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(action, "action");
        database.transaction("compute the facts of every customer", connection -> {
            visit(connection, Optional.empty(), after, query, action);
            return null;
        });
    }

    /**
     * Streams the facts in ascending customer id order, the customer asked for or every customer
     * in one pass or range by range. Stops at the first customer with a purchase that counts in
     * another currency, and throws for it once the result sets are closed.
     */
    private void visit(Connection connection, Optional<CustomerId> only, Optional<String> from, FactsQuery query,
            Consumer<? super CustomerFacts> action) throws SQLException {
        // The rates as SQL once per visit: a rate table held elsewhere is copied and sorted to build them.
        Optional<RateRelation> rates = RateRelation.of(query.metrics(), database);
        Optional<CustomerId> mismatched;
        if (only.isPresent()) {
            mismatched = visit(connection, Scope.only(only.get().value()), query, rates, action);
        } else if (customersPerRange.isEmpty()) {
            mismatched = visit(connection, new Scope(Optional.empty(), from, Optional.empty()), query, rates, action);
        } else {
            // The ranges (-inf, l1], (l1, l2], ... (lk, +inf) cover every id once, whatever happens meanwhile.
            mismatched = Optional.empty();
            Optional<String> after = from;
            boolean more = true;
            while (more && mismatched.isEmpty()) {
                Optional<String> last = lastOfRange(connection, after, customersPerRange.getAsInt());
                mismatched = visit(connection, new Scope(Optional.empty(), after, last), query, rates, action);
                after = last;
                more = last.isPresent();
            }
        }
        if (mismatched.isPresent()) {
            throw currencyMismatch(connection, mismatched.get(), query, rates);
        }
        LOG.debug("Computed facts {} as of {} for {}", query.groups(), query.metrics().asOf(),
                only.map(CustomerId::value).orElse("all customers"));
    }

    /**
     * The id of the customer that ends a range of so many customers (created by any day) after the
     * given id, in the dialect's id order; empty if fewer are left, when the range runs to the end.
     */
    private Optional<String> lastOfRange(Connection connection, Optional<String> after, int customers)
            throws SQLException {
        Relation relation = relations.customers();
        Statement statement = new Statement().append("SELECT id FROM " + relation.from(),
                relation.parameters().toArray());
        after.ifPresent(id -> statement.append(" WHERE " + database.dialect().byId("id") + " > ?", id));
        statement.append(" ORDER BY " + database.dialect().byId("id") + " OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY",
                customers - 1);
        return Database.first(connection, statement.sql.toString(), row -> row.getString(1),
                statement.parameters.toArray());
    }

    /**
     * The facts of the customers in the scope: one query per table, each grouped and sorted by
     * customer, merged here by id. Each table is read once in a single pass (joining grouped
     * subqueries instead makes H2 re-read them for every customer).
     *
     * @return the first customer with a purchase that counts in another currency, if any
     */
    private Optional<CustomerId> visit(Connection connection, Scope scope, FactsQuery query,
            Optional<RateRelation> rates, Consumer<? super CustomerFacts> action) throws SQLException {
        List<Statement> statements = new ArrayList<>();
        statements.add(customers(scope, query));
        statements.add(purchases(scope, query, rates));
        // An ERP without interactions has none to count: its inquiries are unknown, its other counts 0.
        boolean inquiriesKnown = relations.keepsInteractions();
        if (inquiriesKnown) {
            statements.add(interactions(scope, query));
        }
        int activityCursor = inquiriesKnown ? 3 : 2;
        if (query.wants(FactGroup.ACTIVITY)) {
            statements.add(promoters(scope, query));
            statements.add(satisfaction(scope, query));
        }
        Comparator<String> byId = database.dialect().idOrder();
        List<PreparedStatement> prepared = new ArrayList<>();
        List<IdCursor> cursors = new ArrayList<>();
        Optional<CustomerId> mismatched = Optional.empty();
        try {
            for (Statement statement : statements) {
                PreparedStatement next = Database.streaming(connection, statement.sql.toString(), statement.parameters);
                prepared.add(next);
                cursors.add(new IdCursor(next.executeQuery(), byId));
            }
            IdCursor customers = cursors.get(0);
            while (customers.advance()) {
                String id = customers.id();
                Rows rows = new Rows(customers.rows(), cursors.get(1).rowsAt(id),
                        inquiriesKnown ? cursors.get(2).rowsAt(id) : null,
                        query.wants(FactGroup.ACTIVITY) ? cursors.get(activityCursor).rowsAt(id) : null,
                        query.wants(FactGroup.ACTIVITY) ? cursors.get(activityCursor + 1).rowsAt(id) : null);
                if (rows.purchases != null && rows.purchases.getLong("foreign_orders") > 0) {
                    if (notEvaluable.isPresent()) {
                        String reason = currencyMismatch(connection, CustomerId.of(id), query, rates).getMessage();
                        notEvaluable.get().accept(new NotEvaluable(CustomerId.of(id), reason));
                        continue;
                    }
                    mismatched = Optional.of(CustomerId.of(id));
                    break;
                }
                action.accept(facts(id, rows, query, inquiriesKnown));
            }
        } finally {
            for (PreparedStatement statement : prepared) {
                statement.close();
            }
        }
        return mismatched;
    }

    /**
     * The customers a pass visits: one, or those with ids after one id (exclusive) and through
     * another (inclusive), each bound absent for no bound.
     */
    private record Scope(Optional<String> only, Optional<String> after, Optional<String> through) {
        static Scope only(String id) {
            return new Scope(Optional.of(id), Optional.empty(), Optional.empty());
        }
    }

    /**
     * Restricts a query to the scope's ids. The bounds compare as {@link Dialect#byId} sorts, as
     * the merge does, so that a range holds the very customers the keyset query counted.
     */
    private void restrict(Statement statement, Scope scope, String column) {
        scope.only().ifPresent(id -> statement.append(" AND " + column + " = ?", id));
        String term = database.dialect().byId(column);
        scope.after().ifPresent(id -> statement.append(" AND " + term + " > ?", id));
        scope.through().ifPresent(id -> statement.append(" AND " + term + " <= ?", id));
    }

    /** One customer's rows of the streams; null where the customer has none. */
    private record Rows(ResultSet customer, @Nullable ResultSet purchases, @Nullable ResultSet interactions,
            @Nullable ResultSet promoters, @Nullable ResultSet satisfaction) {
    }

    /**
     * The first purchase that counts and is in another currency that the query's rates do not
     * convert, named as the reference names it: one in the window fails the metrics, which come
     * first; otherwise one earlier fails the history. A purchase whose mapped currency column is NULL
     * has no currency to compare or convert: it fails too.
     */
    private CrmException currencyMismatch(Connection connection, CustomerId customerId, FactsQuery query,
            Optional<RateRelation> rates) throws SQLException {
        MetricsQuery metrics = query.metrics();
        Optional<Foreign> inWindow = firstForeign(connection, customerId, metrics, rates,
                SqlValues.dayBound(metrics.window().start()), SqlValues.dayBound(metrics.window().end()));
        if (inWindow.isPresent()) {
            return inWindow.get().failure("Purchase '" + inWindow.get().id() + "'", metrics);
        }
        Foreign earlier = firstForeign(connection, customerId, metrics, rates, SqlValues.FIRST_DAY.minusDays(1),
                SqlValues.dayBound(metrics.asOf())).orElseThrow();
        return earlier.failure("Purchase '" + earlier.id() + "' of customer '" + customerId + "'", metrics);
    }

    /** A purchase in another currency than the query's that its rates do not convert. */
    private record Foreign(String id, @Nullable String currency, LocalDate day) {
        /** The exception the reference throws for it. */
        CrmException failure(String purchase, MetricsQuery metrics) {
            if (currency == null) {
                return new InvalidValueException(purchase + " has no currency (its currency column is NULL)");
            }
            return metrics.unconvertible(purchase, Money.currency(currency), day);
        }
    }

    /** The first purchase of the days, by day and id, in another currency without a rate. */
    private Optional<Foreign> firstForeign(Connection connection, CustomerId customerId, MetricsQuery metrics,
            Optional<RateRelation> rates, LocalDate from, LocalDate until) throws SQLException {
        String currency = metrics.currency().getCurrencyCode();
        Statement statement = new Statement();
        if (rates.isPresent()) {
            statement.append("SELECT id, currency, order_date FROM (SELECT o.id, o.currency, o.order_date, r.rate");
            convertedOrders(statement, rates.get(), "id, customer_id, currency, order_date", until,
                    Scope.only(customerId.value()));
            statement.append(") j WHERE order_date >= ? AND rate IS NULL AND " + FOREIGN, from, currency);
        } else {
            Relation orders = relations.orders();
            statement.append("SELECT id, currency, order_date FROM " + orders.from(), orders.parameters().toArray())
                    .append(" WHERE customer_id = ? AND order_date >= ? AND order_date <= ? AND " + FOREIGN,
                            customerId.value(), from, until, currency);
        }
        statement.append(" ORDER BY order_date, " + database.dialect().byId("id") + " FETCH FIRST 1 ROWS ONLY");
        return Database.first(connection, statement.sql.toString(), row -> new Foreign(row.getString("id"),
                row.getString("currency"), row.getObject("order_date", LocalDate.class)),
                statement.parameters.toArray());
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

    /** The customers visited: those in the scope created by the as-of day, or the one asked for. */
    private Statement customers(Scope scope, FactsQuery query) {
        Relation customers = relations.customers();
        Statement statement = new Statement().append("SELECT id, created_on, strategic_agreement FROM "
                + customers.from(), customers.parameters().toArray());
        if (scope.only().isPresent()) {
            statement.append(" WHERE id = ?", scope.only().get());
        } else {
            // Every customer means every customer who existed on the as-of day.
            statement.append(" WHERE created_on <= ?", SqlValues.dayBound(query.metrics().asOf()));
            restrict(statement, scope, "id");
        }
        return statement.append(" ORDER BY " + database.dialect().byId("id"));
    }

    /**
     * Each customer's purchases up to the as-of day, summed for the metrics, the history and the
     * activity. With exchange rates into the query's currency, every purchase row is first joined
     * with the rate of its currency on its day, and the sums add up {@code converted}, each
     * purchase's amount in the query's currency; {@code unconverted} marks a purchase in another
     * currency (or none) that has no rate.
     */
    private Statement purchases(Scope scope, FactsQuery query, Optional<RateRelation> rates) {
        MetricsQuery metrics = query.metrics();
        boolean history = query.wants(FactGroup.HISTORY);
        String value = rates.isPresent() ? "converted" : "amount";
        DateWindow window = metrics.window();
        LocalDate windowStart = SqlValues.dayBound(window.start());
        LocalDate windowEnd = SqlValues.dayBound(window.end());
        String currency = metrics.currency().getCurrencyCode();
        Statement statement = new Statement().append("SELECT customer_id,")
                .append(" SUM(CASE WHEN order_date >= ? AND order_date <= ? THEN " + value + " END) AS spend,",
                        windowStart, windowEnd)
                .append(" COUNT(CASE WHEN order_date >= ? AND order_date <= ? AND amount >= 0 THEN 1 END) AS orders,",
                        windowStart, windowEnd);
        if (history) {
            // Every purchase up to the as-of day counts for the history, so all must be in the currency.
            statement.append(" COUNT(CASE WHEN ");
            unconvertible(statement, rates, currency);
            statement.append(" THEN 1 END) AS foreign_orders,")
                    .append(" COUNT(CASE WHEN amount >= 0 THEN 1 END) AS history_orders, SUM(" + value + ") AS history_spend,"
                            + " COUNT(DISTINCT CASE WHEN amount >= 0 THEN order_date END) AS purchase_days,"
                            + " MIN(CASE WHEN amount >= 0 THEN order_date END) AS first_purchase,"
                            + " SUM(CASE WHEN order_date > first_day THEN " + value + " END) AS repeat_spend,");
        } else {
            statement.append(" COUNT(CASE WHEN order_date >= ? AND order_date <= ? AND ", windowStart, windowEnd);
            unconvertible(statement, rates, currency);
            statement.append(" THEN 1 END) AS foreign_orders,");
        }
        if (query.wants(FactGroup.ACTIVITY)) {
            LocalDate laterHalf = SqlValues.dayBound(ActivityFacts.laterHalfStart(window));
            statement.append(" SUM(CASE WHEN order_date >= ? AND order_date < ? THEN " + value + " END) AS earlier_spend,",
                            windowStart, laterHalf)
                    .append(" SUM(CASE WHEN order_date >= ? AND order_date <= ? THEN " + value + " END) AS later_spend,",
                            laterHalf, windowEnd)
                    .append(" COUNT(DISTINCT CASE WHEN order_date >= ? AND order_date <= ? AND amount >= 0"
                            + " THEN LOWER(category) END)"
                            + " AS categories,", windowStart, windowEnd);
            if (query.valueAddedCategories().isEmpty()) {
                statement.append(" 0 AS value_added,");
            } else {
                statement.append(" COUNT(CASE WHEN order_date >= ? AND order_date <= ? AND amount >= 0"
                        + " AND LOWER(category) IN ("
                        + String.join(", ", Collections.nCopies(query.valueAddedCategories().size(), "?"))
                        + ") THEN 1 END) AS value_added,", windowStart, windowEnd);
                query.valueAddedCategories().forEach(statement.parameters::add);
            }
        }
        for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
            DateWindow quarter = metrics.quarter(i);
            statement.append(" MAX(CASE WHEN order_date >= ? AND order_date <= ? AND amount >= 0 THEN 1 ELSE 0 END)"
                    + " AS quarter" + i
                    + ",", SqlValues.dayBound(quarter.start()), SqlValues.dayBound(quarter.end()));
        }
        statement.append(" MAX(CASE WHEN amount >= 0 THEN order_date END) AS last_purchase");
        LocalDate asOf = SqlValues.dayBound(metrics.asOf());
        Relation orders = relations.orders();
        String firstDay = history
                ? ", MIN(CASE WHEN amount >= 0 THEN order_date END) OVER (PARTITION BY customer_id) AS first_day" : "";
        if (rates.isPresent()) {
            // The first day of each customer, and each purchase converted, next to every purchase row.
            Unit unit = unit(metrics);
            statement.append(" FROM (SELECT customer_id, order_date, amount, category,");
            converted(statement, currency, unit);
            statement.append(" AS converted, CASE WHEN " + FOREIGN + " AND rate IS NULL THEN 1"
                    + " ELSE 0 END AS unconverted" + firstDay + " FROM (", currency)
                    .append("SELECT o.customer_id, o.order_date, o.amount, o.currency, o.category, r.rate,"
                            + " o.amount * r.rate * CAST(? AS NUMERIC(38, 18)) AS scaled", unit.scale());
            convertedOrders(statement, rates.get(), "customer_id, order_date, amount, currency, category", asOf, scope);
            statement.append(") j) c");
        } else if (history) {
            // The first day of each customer, next to every purchase row, in the same scan.
            statement.append(" FROM (SELECT customer_id, order_date, amount, currency, category" + firstDay
                    + " FROM " + orders.from(), orders.parameters().toArray())
                    .append(" WHERE order_date <= ?", asOf);
            restrict(statement, scope, "customer_id");
            statement.append(") h");
        } else {
            statement.append(" FROM " + orders.from(), orders.parameters().toArray())
                    .append(" WHERE order_date <= ?", asOf);
            restrict(statement, scope, "customer_id");
        }
        return statement.append(" GROUP BY customer_id ORDER BY " + database.dialect().byId("customer_id"));
    }

    /** The condition that a purchase row counts in no currency the sums can take: foreign, and without a rate. */
    private static void unconvertible(Statement statement, Optional<RateRelation> rates, String currency) {
        if (rates.isPresent()) {
            statement.append("unconverted = 1");
        } else {
            statement.append(FOREIGN, currency);
        }
    }

    /**
     * The powers of ten of the query currency's decimals, for rounding in SQL: {@code scale} to
     * shift the decimals kept before the point, {@code inverse} to shift them back.
     */
    private record Unit(BigDecimal scale, BigDecimal inverse) {
    }

    private static Unit unit(MetricsQuery metrics) {
        int decimals = Math.max(metrics.currency().getDefaultFractionDigits(), 0);
        return new Unit(BigDecimal.ONE.movePointRight(decimals), BigDecimal.ONE.movePointLeft(decimals));
    }

    /**
     * A purchase's amount in the query's currency, from a row with {@code currency}, {@code amount}
     * and {@code scaled} (the amount times the rate times 10 to the currency's decimals, NULL without
     * a rate): the amount itself in the query's currency; otherwise {@code scaled} rounded half-even
     * to a whole number and shifted back, exactly as {@link ExchangeRates#convert} rounds in memory
     * (portable SQL: ROUND rounds half up on both databases); NULL without a rate.
     */
    private static void converted(Statement statement, String currency, Unit unit) {
        // The rounding needs scaled in the unit's powers; amount * rate * 10^d is exact in NUMERIC.
        statement.append(" CASE WHEN currency = ? THEN amount"
                + " WHEN ABS(scaled - TRUNC(scaled)) > 0.5"
                + " OR (ABS(scaled - TRUNC(scaled)) = 0.5 AND MOD(TRUNC(scaled), 2) <> 0)"
                + " THEN (TRUNC(scaled) + SIGN(scaled)) * CAST(? AS NUMERIC(38, 18))"
                + " ELSE TRUNC(scaled) * CAST(? AS NUMERIC(38, 18)) END", currency, unit.inverse(), unit.inverse());
    }

    /**
     * The {@code FROM} clause that follows a select list of {@code o} (the orders) and {@code r}
     * (the rates): the scope's orders up to a day, each joined with the rate of its currency on its
     * day (NULL without one).
     *
     * @param orderColumns the orders' columns the select list reads
     * @param until the last order day
     * @param scope the customers
     */
    private void convertedOrders(Statement statement, RateRelation rates, String orderColumns, LocalDate until,
            Scope scope) {
        Relation orders = relations.orders();
        statement.append(" FROM (SELECT " + orderColumns + " FROM " + orders.from(), orders.parameters().toArray())
                .append(" WHERE order_date <= ?", until);
        restrict(statement, scope, "customer_id");
        statement.append(") o LEFT JOIN " + rates.sql(), rates.parameters().toArray())
                .append(" ON r.currency = o.currency AND r.valid_from <= o.order_date AND o.order_date < r.valid_until");
    }

    /** Each customer's interactions in the window, counted by kind. */
    private Statement interactions(Scope scope, FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        Relation interactions = relations.interactions();
        Statement statement = new Statement().append("SELECT customer_id,"
                + " COUNT(CASE WHEN kind = ? THEN 1 END) AS inquiries", InteractionKind.INQUIRY.key());
        if (query.wants(FactGroup.ACTIVITY)) {
            statement.append(", COUNT(CASE WHEN kind = ? THEN 1 END) AS referrals", InteractionKind.REFERRAL.key())
                    .append(", COUNT(CASE WHEN kind = ? THEN 1 END) AS events", InteractionKind.EVENT.key())
                    .append(", COUNT(CASE WHEN kind = ? THEN 1 END) AS trials", InteractionKind.TRIAL.key())
                    .append(", COUNT(CASE WHEN kind = ? AND LOWER(outcome) = ? THEN 1 END) AS joint_planning",
                            InteractionKind.MEETING.key(), ActivityFacts.JOINT_PLANNING_OUTCOME)
                    .append(" FROM " + interactions.from() + " WHERE ", interactions.parameters().toArray());
        } else {
            statement.append(" FROM " + interactions.from(), interactions.parameters().toArray())
                    .append(" WHERE kind = ? AND ", InteractionKind.INQUIRY.key());
        }
        Moments moments = interactions.moments();
        statement.append(moments.rangeCondition("occurred"),
                moments.rangeParameters(metrics.windowStart(), metrics.windowEndExclusive()));
        restrict(statement, scope, "customer_id");
        return statement.append(" GROUP BY customer_id ORDER BY " + database.dialect().byId("customer_id"));
    }

    /** Each customer's promoter answers in the window. */
    private Statement promoters(Scope scope, FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        Statement statement = new Statement().append("SELECT customer_id, COUNT(*) AS promoters"
                + " FROM crm_survey_answer WHERE nps >= ? AND ", SurveyAnswer.PROMOTER_SCORE)
                .append(SqlValues.momentRangeCondition("answered_at", "answered_nanos"),
                        SqlValues.momentRangeParameters(metrics.windowStart(), metrics.windowEndExclusive()));
        restrict(statement, scope, "customer_id");
        return statement.append(" GROUP BY customer_id ORDER BY " + database.dialect().byId("customer_id"));
    }

    /** Each customer's two latest satisfaction scores up to the as-of day. */
    private Statement satisfaction(Scope scope, FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        Instant afterAsOf = metrics.asOf().plusDays(1).atStartOfDay(metrics.zone()).toInstant();
        Statement statement = new Statement().append("SELECT customer_id,"
                        + " MAX(CASE WHEN answer_rank = 1 THEN csat END) AS latest_csat,"
                        + " MAX(CASE WHEN answer_rank = 2 THEN csat END) AS previous_csat"
                        + " FROM (SELECT customer_id, csat, ROW_NUMBER() OVER (PARTITION BY customer_id"
                        + " ORDER BY answered_at DESC, answered_nanos DESC, csat) AS answer_rank"
                        + " FROM crm_survey_answer WHERE csat IS NOT NULL AND ")
                .append(SqlValues.momentRangeCondition("answered_at", "answered_nanos"),
                        SqlValues.momentRangeParameters(Instant.MIN, afterAsOf));
        restrict(statement, scope, "customer_id");
        return statement.append(") ranked WHERE answer_rank <= 2 GROUP BY customer_id ORDER BY "
                + database.dialect().byId("customer_id"));
    }

    /** One customer's facts from the rows of the streams. Aggregates of customers without records are absent. */
    private static CustomerFacts facts(String id, Rows rows, FactsQuery query, boolean inquiriesKnown)
            throws SQLException {
        MetricsQuery metrics = query.metrics();
        CustomerId customerId = CustomerId.of(id);
        ResultSet purchases = rows.purchases();
        int active = 0;
        if (purchases != null) {
            for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
                active += purchases.getInt("quarter" + i);
            }
        }
        CustomerMetrics snapshot = new CustomerMetrics(customerId, metrics.asOf(), metrics.window(),
                money(purchases, "spend", metrics), count(purchases, "orders"), active,
                count(rows.interactions(), "inquiries"), inquiriesKnown,
                MetricsCalculator.tenureMonths(rows.customer().getObject("created_on", LocalDate.class), metrics.asOf()),
                rows.customer().getBoolean("strategic_agreement"),
                Optional.ofNullable(purchases == null ? null : purchases.getObject("last_purchase", LocalDate.class)));
        Optional<PurchaseHistoryFacts> history = Optional.empty();
        if (query.wants(FactGroup.HISTORY)) {
            history = Optional.of(new PurchaseHistoryFacts(count(purchases, "history_orders"),
                    money(purchases, "history_spend", metrics), count(purchases, "purchase_days"),
                    Optional.ofNullable(purchases == null ? null : purchases.getObject("first_purchase", LocalDate.class)),
                    money(purchases, "repeat_spend", metrics)));
        }
        Optional<ActivityFacts> activity = Optional.empty();
        if (query.wants(FactGroup.ACTIVITY)) {
            ResultSet interactions = rows.interactions();
            activity = Optional.of(new ActivityFacts(money(purchases, "earlier_spend", metrics),
                    money(purchases, "later_spend", metrics), count(purchases, "categories"),
                    count(purchases, "value_added"), count(interactions, "referrals"), count(interactions, "events"),
                    count(interactions, "trials"), count(interactions, "joint_planning"),
                    count(rows.promoters(), "promoters"), score(rows.satisfaction(), "latest_csat"),
                    score(rows.satisfaction(), "previous_csat")));
        }
        return new CustomerFacts(snapshot, history, activity);
    }

    /** A count of a stream's row; 0 without a row or for NULL. */
    private static int count(@Nullable ResultSet row, String column) throws SQLException {
        return row == null ? 0 : Math.toIntExact(row.getLong(column));
    }

    /** A sum of amounts; a sum that credit notes took below zero is zero. */
    private static Money money(@Nullable ResultSet row, String column, MetricsQuery query) throws SQLException {
        BigDecimal amount = row == null ? null : row.getBigDecimal(column);
        return amount == null || amount.signum() < 0 ? Money.zero(query.currency()) : Money.of(query.currency(), amount);
    }

    private static OptionalInt score(@Nullable ResultSet row, String column) throws SQLException {
        if (row == null) {
            return OptionalInt.empty();
        }
        int score = row.getInt(column);
        return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
    }
}

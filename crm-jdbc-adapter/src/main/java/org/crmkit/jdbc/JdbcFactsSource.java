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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.crmkit.core.CurrencyMismatchException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CustomerFactsSource} computed in SQL: one query aggregates each customer's purchases,
 * interactions and survey answers, so that no record is loaded into Java, and streams one row per
 * customer in ascending id order. The facts are those of {@link FactsCalculator}:
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
 *       are computed here and bound as parameters, exact to the nanosecond;</li>
 *   <li>the two latest satisfaction scores are numbered by a window function, latest first and,
 *       at the same moment, the lower score first.</li>
 * </ul>
 * {@link #forEach} visits only the customers created on or before the as-of day; {@link #find}
 * answers for any stored customer. A purchase that counts in another currency is counted
 * separately; when there is one, the first of them by day and id is looked up to name it in the
 * {@link CurrencyMismatchException}.
 */
final class JdbcFactsSource implements CustomerFactsSource {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcFactsSource.class);

    private final Database database;

    JdbcFactsSource(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<CustomerFacts> find(CustomerId customerId, FactsQuery query) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(query, "query");
        List<CustomerFacts> found = database.transaction("compute the facts of customer '" + customerId + "'",
                connection -> {
                    List<CustomerFacts> rows = new ArrayList<>();
                    visit(connection, Optional.of(customerId), query, rows::add);
                    return rows;
                });
        return found.stream().findFirst();
    }

    @Override
    public void forEach(FactsQuery query, Consumer<? super CustomerFacts> action) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(action, "action");
        database.transaction("compute the facts of every customer", connection -> {
            visit(connection, Optional.empty(), query, action);
            return null;
        });
    }

    /**
     * Streams the facts in ascending customer id order. Stops at the first customer with a
     * purchase that counts in another currency, and throws for it once the result set is closed.
     */
    private void visit(Connection connection, Optional<CustomerId> only, FactsQuery query,
            Consumer<? super CustomerFacts> action) throws SQLException {
        Statement statement = statement(only, query);
        Optional<CustomerId> mismatched = Optional.empty();
        try (PreparedStatement prepared = Database.streaming(connection, statement.sql.toString(), statement.parameters);
                ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
                if (rows.getLong("foreign_orders") > 0) {
                    mismatched = Optional.of(CustomerId.of(rows.getString("id")));
                    break;
                }
                action.accept(facts(rows, query));
            }
        }
        if (mismatched.isPresent()) {
            throw currencyMismatch(connection, mismatched.get(), query);
        }
        LOG.debug("Computed facts {} as of {} for {}", query.groups(), query.metrics().asOf(),
                only.map(CustomerId::value).orElse("all customers"));
    }

    /** The first purchase that counts and is in another currency, named as the reference names it. */
    private CurrencyMismatchException currencyMismatch(Connection connection, CustomerId customerId,
            FactsQuery query) throws SQLException {
        MetricsQuery metrics = query.metrics();
        boolean history = query.wants(FactGroup.HISTORY);
        // Without the history only the window's purchases count; with it, every one up to the as-of day.
        LocalDate from = history ? SqlValues.FIRST_DAY.minusDays(1) : SqlValues.dayBound(metrics.window().start());
        LocalDate until = SqlValues.dayBound(history ? metrics.asOf() : metrics.window().end());
        List<String> purchase = Database.first(connection, "SELECT id, currency FROM crm_purchase"
                        + " WHERE customer_id = ? AND order_date >= ? AND order_date <= ? AND currency <> ?"
                        + " ORDER BY order_date, " + database.dialect().byId("id") + " FETCH FIRST 1 ROWS ONLY",
                row -> List.of(row.getString("id"), row.getString("currency")),
                customerId.value(), from, until, metrics.currency().getCurrencyCode()).orElseThrow();
        String context = history ? "Purchase '" + purchase.get(0) + "' of customer '" + customerId + "'"
                : "Purchase '" + purchase.get(0) + "'";
        return new CurrencyMismatchException(context, metrics.currency(), Money.currency(purchase.get(1)));
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

    private Statement statement(Optional<CustomerId> only, FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        boolean history = query.wants(FactGroup.HISTORY);
        boolean activity = query.wants(FactGroup.ACTIVITY);
        DateWindow window = metrics.window();
        LocalDate windowStart = SqlValues.dayBound(window.start());
        LocalDate windowEnd = SqlValues.dayBound(window.end());
        LocalDate asOf = SqlValues.dayBound(metrics.asOf());
        String currency = metrics.currency().getCurrencyCode();
        Statement statement = new Statement().append("SELECT c.id, c.created_on, c.strategic_agreement,"
                + " p.spend, p.orders, p.foreign_orders, p.last_purchase,"
                + " p.quarter0, p.quarter1, p.quarter2, p.quarter3, i.inquiries");
        if (history) {
            statement.append(", p.history_orders, p.history_spend, p.purchase_days, p.first_purchase, p.repeat_spend");
        }
        if (activity) {
            statement.append(", p.earlier_spend, p.later_spend, p.categories, p.value_added,"
                    + " i.referrals, i.events, i.trials, i.joint_planning, s.promoters, r.latest_csat, r.previous_csat");
        }
        statement.append(" FROM crm_customer c LEFT JOIN (SELECT customer_id,")
                .append(" SUM(CASE WHEN order_date >= ? AND order_date <= ? THEN amount END) AS spend,",
                        windowStart, windowEnd)
                .append(" COUNT(CASE WHEN order_date >= ? AND order_date <= ? THEN 1 END) AS orders,",
                        windowStart, windowEnd);
        if (history) {
            // Every purchase up to the as-of day counts for the history, so all must be in the currency.
            statement.append(" COUNT(CASE WHEN currency <> ? THEN 1 END) AS foreign_orders,", currency)
                    .append(" COUNT(*) AS history_orders, SUM(amount) AS history_spend,"
                            + " COUNT(DISTINCT order_date) AS purchase_days, MIN(order_date) AS first_purchase,"
                            + " SUM(CASE WHEN order_date > first_day THEN amount END) AS repeat_spend,");
        } else {
            statement.append(" COUNT(CASE WHEN order_date >= ? AND order_date <= ? AND currency <> ? THEN 1 END)"
                    + " AS foreign_orders,", windowStart, windowEnd, currency);
        }
        if (activity) {
            LocalDate laterHalf = SqlValues.dayBound(ActivityFacts.laterHalfStart(window));
            statement.append(" SUM(CASE WHEN order_date >= ? AND order_date < ? THEN amount END) AS earlier_spend,",
                            windowStart, laterHalf)
                    .append(" SUM(CASE WHEN order_date >= ? AND order_date <= ? THEN amount END) AS later_spend,",
                            laterHalf, windowEnd)
                    .append(" COUNT(DISTINCT CASE WHEN order_date >= ? AND order_date <= ? THEN LOWER(category) END)"
                            + " AS categories,", windowStart, windowEnd);
            if (query.valueAddedCategories().isEmpty()) {
                statement.append(" 0 AS value_added,");
            } else {
                statement.append(" COUNT(CASE WHEN order_date >= ? AND order_date <= ? AND LOWER(category) IN ("
                        + String.join(", ", Collections.nCopies(query.valueAddedCategories().size(), "?"))
                        + ") THEN 1 END) AS value_added,", windowStart, windowEnd);
                query.valueAddedCategories().forEach(statement.parameters::add);
            }
        }
        for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
            DateWindow quarter = metrics.quarter(i);
            statement.append(" MAX(CASE WHEN order_date >= ? AND order_date <= ? THEN 1 ELSE 0 END) AS quarter" + i
                    + ",", SqlValues.dayBound(quarter.start()), SqlValues.dayBound(quarter.end()));
        }
        statement.append(" MAX(order_date) AS last_purchase");
        if (history) {
            // The first day of each customer, next to every purchase row, in the same scan.
            statement.append(" FROM (SELECT customer_id, order_date, amount, currency, category,"
                    + " MIN(order_date) OVER (PARTITION BY customer_id) AS first_day"
                    + " FROM crm_purchase WHERE order_date <= ?", asOf);
            only.ifPresent(id -> statement.append(" AND customer_id = ?", id.value()));
            statement.append(") h");
        } else {
            statement.append(" FROM crm_purchase WHERE order_date <= ?", asOf);
            only.ifPresent(id -> statement.append(" AND customer_id = ?", id.value()));
        }
        statement.append(" GROUP BY customer_id) p ON p.customer_id = c.id");
        interactions(statement, only, query);
        if (activity) {
            surveys(statement, only, query);
        }
        if (only.isPresent()) {
            statement.append(" WHERE c.id = ?", only.get().value());
        } else {
            // Every customer means every customer who existed on the as-of day.
            statement.append(" WHERE c.created_on <= ?", asOf);
        }
        statement.append(" ORDER BY " + database.dialect().byId("c.id"));
        return statement;
    }

    private static void interactions(Statement statement, Optional<CustomerId> only, FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        statement.append(" LEFT JOIN (SELECT customer_id, COUNT(CASE WHEN kind = ? THEN 1 END) AS inquiries",
                InteractionKind.INQUIRY.key());
        if (query.wants(FactGroup.ACTIVITY)) {
            statement.append(", COUNT(CASE WHEN kind = ? THEN 1 END) AS referrals", InteractionKind.REFERRAL.key())
                    .append(", COUNT(CASE WHEN kind = ? THEN 1 END) AS events", InteractionKind.EVENT.key())
                    .append(", COUNT(CASE WHEN kind = ? THEN 1 END) AS trials", InteractionKind.TRIAL.key())
                    .append(", COUNT(CASE WHEN kind = ? AND LOWER(outcome) = ? THEN 1 END) AS joint_planning",
                            InteractionKind.MEETING.key(), ActivityFacts.JOINT_PLANNING_OUTCOME)
                    .append(" FROM crm_interaction WHERE ");
        } else {
            statement.append(" FROM crm_interaction WHERE kind = ? AND ", InteractionKind.INQUIRY.key());
        }
        statement.append(SqlValues.momentRangeCondition("occurred_at", "occurred_nanos"),
                SqlValues.momentRangeParameters(metrics.windowStart(), metrics.windowEndExclusive()));
        only.ifPresent(id -> statement.append(" AND customer_id = ?", id.value()));
        statement.append(" GROUP BY customer_id) i ON i.customer_id = c.id");
    }

    private static void surveys(Statement statement, Optional<CustomerId> only, FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        statement.append(" LEFT JOIN (SELECT customer_id, COUNT(*) AS promoters FROM crm_survey_answer"
                + " WHERE nps >= ? AND ", SurveyAnswer.PROMOTER_SCORE)
                .append(SqlValues.momentRangeCondition("answered_at", "answered_nanos"),
                        SqlValues.momentRangeParameters(metrics.windowStart(), metrics.windowEndExclusive()));
        only.ifPresent(id -> statement.append(" AND customer_id = ?", id.value()));
        Instant afterAsOf = metrics.asOf().plusDays(1).atStartOfDay(metrics.zone()).toInstant();
        statement.append(" GROUP BY customer_id) s ON s.customer_id = c.id")
                .append(" LEFT JOIN (SELECT customer_id, MAX(CASE WHEN answer_rank = 1 THEN csat END) AS latest_csat,"
                        + " MAX(CASE WHEN answer_rank = 2 THEN csat END) AS previous_csat"
                        + " FROM (SELECT customer_id, csat, ROW_NUMBER() OVER (PARTITION BY customer_id"
                        + " ORDER BY answered_at DESC, answered_nanos DESC, csat) AS answer_rank"
                        + " FROM crm_survey_answer WHERE csat IS NOT NULL AND ")
                .append(SqlValues.momentRangeCondition("answered_at", "answered_nanos"),
                        SqlValues.momentRangeParameters(Instant.MIN, afterAsOf));
        only.ifPresent(id -> statement.append(" AND customer_id = ?", id.value()));
        statement.append(") ranked WHERE answer_rank <= 2 GROUP BY customer_id) r ON r.customer_id = c.id");
    }

    /** One customer's facts from the aggregate row. Aggregates of customers without records are NULL. */
    private static CustomerFacts facts(ResultSet row, FactsQuery query) throws SQLException {
        MetricsQuery metrics = query.metrics();
        CustomerId customerId = CustomerId.of(row.getString("id"));
        int active = 0;
        for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
            active += row.getInt("quarter" + i);
        }
        // getLong and getInt read NULL as 0.
        CustomerMetrics snapshot = new CustomerMetrics(customerId, metrics.asOf(), metrics.window(),
                money(row, "spend", metrics), Math.toIntExact(row.getLong("orders")), active,
                Math.toIntExact(row.getLong("inquiries")),
                MetricsCalculator.tenureMonths(row.getObject("created_on", LocalDate.class), metrics.asOf()),
                row.getBoolean("strategic_agreement"), Optional.ofNullable(row.getObject("last_purchase", LocalDate.class)));
        Optional<PurchaseHistoryFacts> history = Optional.empty();
        if (query.wants(FactGroup.HISTORY)) {
            history = Optional.of(new PurchaseHistoryFacts(Math.toIntExact(row.getLong("history_orders")),
                    money(row, "history_spend", metrics), Math.toIntExact(row.getLong("purchase_days")),
                    Optional.ofNullable(row.getObject("first_purchase", LocalDate.class)),
                    money(row, "repeat_spend", metrics)));
        }
        Optional<ActivityFacts> activity = Optional.empty();
        if (query.wants(FactGroup.ACTIVITY)) {
            activity = Optional.of(new ActivityFacts(money(row, "earlier_spend", metrics),
                    money(row, "later_spend", metrics), Math.toIntExact(row.getLong("categories")),
                    Math.toIntExact(row.getLong("value_added")), Math.toIntExact(row.getLong("referrals")),
                    Math.toIntExact(row.getLong("events")), Math.toIntExact(row.getLong("trials")),
                    Math.toIntExact(row.getLong("joint_planning")), Math.toIntExact(row.getLong("promoters")),
                    score(row, "latest_csat"), score(row, "previous_csat")));
        }
        return new CustomerFacts(snapshot, history, activity);
    }

    private static Money money(ResultSet row, String column, MetricsQuery query) throws SQLException {
        BigDecimal amount = row.getBigDecimal(column);
        return amount == null ? Money.zero(query.currency()) : Money.of(query.currency(), amount);
    }

    private static OptionalInt score(ResultSet row, String column) throws SQLException {
        int score = row.getInt(column);
        return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
    }
}

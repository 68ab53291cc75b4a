package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.crmkit.core.facts.ActivityFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.SurveyAnswer;

/**
 * The anchor of the lifecycle analysis on a database: the bare SQL aggregates of the customers'
 * facts, as a report written by hand would run them, once. One grouped query per table over the
 * {@code crm_*} tables (the customers, their purchases with the window's, the history's and the
 * activity's sums, their interactions by kind, promoter answers and the two latest satisfaction
 * scores), each streamed and discarded; no sorting for a merge, no Java objects per customer. The
 * analysis computes the same aggregates (twice: it streams the base twice) and then decides every
 * customer; this is what the database alone costs. A test checks the purchases' and interactions'
 * aggregates against crm-core's reference facts.
 *
 * <p>{@link #tiers} is the anchor of the nightly tiering job: the tier rules' three metrics only.
 *
 * <p>Plain SQL that H2 and PostgreSQL both run; moments are compared as whole timestamps, which is
 * exact for {@link TierData}'s interactions (whole seconds, no extra nanoseconds).
 */
public final class FactsAnchor {
    private FactsAnchor() {
    }

    /** Receives the rows of one query. */
    @FunctionalInterface
    public interface Rows {
        /**
         * Takes the current row.
         *
         * @param table the table the query aggregates, e.g. {@code crm_purchase}
         * @param row the result set, on a row; valid during the call only
         * @throws SQLException on a database failure
         */
        void accept(String table, ResultSet row) throws SQLException;
    }

    /**
     * Runs the aggregates once, streaming every row to a consumer.
     *
     * @param connection the connection; its auto-commit is turned off while the queries run, so
     *     that PostgreSQL streams through a cursor; not null
     * @param query what to compute, as the analysis asks for it; not null
     * @param rows receives every row; not null
     * @return the rows per query, customers first
     * @throws SQLException on a database failure
     */
    public static long[] run(Connection connection, FactsQuery query, Rows rows) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(rows, "rows");
        return stream(connection, List.of(customers(query), purchases(query), interactions(query), promoters(query),
                satisfaction(query)), rows);
    }

    /**
     * The anchor of the nightly tiering job: the three metrics the standard policy's tier rules
     * read (spend in the window, rolling quarters with a purchase, inquiries in the window) for
     * every customer created by the as-of day, in one query of two grouped subqueries joined to
     * the customers, purchases read over the days the metrics need only; the tier of each row
     * decided by the hand-written rules ({@link HandWrittenTiers}) and tallied.
     *
     * @param connection the connection; its auto-commit is turned off while the query runs; not null
     * @param metrics the metrics' as-of day, window and quarters, as the policy asks; not null
     * @return every customer's tier, tallied
     * @throws SQLException on a database failure
     */
    static TierTally tiers(Connection connection, MetricsQuery metrics) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(metrics, "metrics");
        DateWindow window = metrics.window();
        DateWindow span = metrics.purchaseSpan();
        List<Object> parameters = new ArrayList<>(List.of(window.start(), window.end()));
        StringBuilder sql = new StringBuilder("SELECT c.id, p.spend, p.active_quarters, i.inquiries FROM crm_customer c"
                + " LEFT JOIN (SELECT customer_id, SUM(CASE WHEN order_date >= ? AND order_date <= ? THEN amount END)"
                + " AS spend, 0");
        for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
            sql.append(" + MAX(CASE WHEN order_date >= ? AND order_date <= ? AND amount >= 0 THEN 1 ELSE 0 END)");
            parameters.add(metrics.quarter(i).start());
            parameters.add(metrics.quarter(i).end());
        }
        sql.append(" AS active_quarters FROM crm_purchase WHERE order_date >= ? AND order_date <= ?"
                + " GROUP BY customer_id) p ON p.customer_id = c.id"
                + " LEFT JOIN (SELECT customer_id, COUNT(*) AS inquiries FROM crm_interaction"
                + " WHERE kind = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY customer_id) i"
                + " ON i.customer_id = c.id WHERE c.created_on <= ?");
        Collections.addAll(parameters, span.start(), span.end(), InteractionKind.INQUIRY.key(),
                utc(metrics.windowStart()), utc(metrics.windowEndExclusive()), metrics.asOf());
        TierTally tally = new TierTally();
        stream(connection, List.of(new Query("crm_customer", sql.toString(), parameters)), (table, row) -> {
            // No purchases in the window, or credit notes above the purchases: nothing spent.
            BigDecimal spend = row.getBigDecimal("spend");
            tally.add(row.getString("id"), HandWrittenTiers.tier(spend == null || spend.signum() < 0 ? BigDecimal.ZERO
                    : spend, row.getInt("active_quarters"), row.getInt("inquiries")));
        });
        return tally;
    }

    /** Runs the queries in turn, streamed through a cursor, and hands every row to the consumer. */
    private static long[] stream(Connection connection, List<Query> queries, Rows rows) throws SQLException {
        long[] counts = new long[queries.size()];
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int i = 0; i < queries.size(); i++) {
                Query next = queries.get(i);
                try (PreparedStatement statement = connection.prepareStatement(next.sql)) {
                    for (int p = 0; p < next.parameters.size(); p++) {
                        statement.setObject(p + 1, next.parameters.get(p));
                    }
                    statement.setFetchSize(1_000);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            rows.accept(next.table, result);
                            counts[i]++;
                        }
                    }
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return counts;
    }

    /**
     * Runs the aggregates once, reading every column of every row and discarding it.
     *
     * @param connection the connection; not null
     * @param query what to compute; not null
     * @return a line that says how many rows each query gave
     * @throws SQLException on a database failure
     */
    public static String discard(Connection connection, FactsQuery query) throws SQLException {
        long[] checksum = {0};
        long[] counts = run(connection, query, (table, row) -> {
            int columns = row.getMetaData().getColumnCount();
            for (int c = 1; c <= columns; c++) {
                Object value = row.getObject(c);
                checksum[0] += value == null ? 0 : value.hashCode();
            }
        });
        return String.format(Locale.ROOT, "rows: %,d customers, %,d with purchases, %,d with interactions, %,d with"
                + " promoter answers, %,d with satisfaction scores (checksum %x)", counts[0], counts[1], counts[2],
                counts[3], counts[4], checksum[0]);
    }

    /** SQL and its parameters. */
    private record Query(String table, String sql, List<Object> parameters) {
    }

    private static Query customers(FactsQuery query) {
        return new Query("crm_customer", "SELECT id, created_on, strategic_agreement FROM crm_customer"
                + " WHERE created_on <= ?", List.of(query.metrics().asOf()));
    }

    private static Query purchases(FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        DateWindow window = metrics.window();
        LocalDate laterHalf = ActivityFacts.laterHalfStart(window);
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT customer_id,"
                + " SUM(CASE WHEN order_date >= ? AND order_date <= ? THEN amount END) AS spend,"
                + " COUNT(CASE WHEN order_date >= ? AND order_date <= ? THEN 1 END) AS orders,"
                + " COUNT(CASE WHEN currency <> ? THEN 1 END) AS foreign_orders,"
                + " COUNT(*) AS history_orders, SUM(amount) AS history_spend,"
                + " COUNT(DISTINCT order_date) AS purchase_days, MIN(order_date) AS first_purchase,"
                + " SUM(CASE WHEN order_date > first_day THEN amount END) AS repeat_spend,"
                + " SUM(CASE WHEN order_date >= ? AND order_date < ? THEN amount END) AS earlier_spend,"
                + " SUM(CASE WHEN order_date >= ? AND order_date <= ? THEN amount END) AS later_spend,"
                + " COUNT(DISTINCT CASE WHEN order_date >= ? AND order_date <= ? THEN LOWER(category) END)"
                + " AS categories,");
        Collections.addAll(parameters, window.start(), window.end(), window.start(), window.end(),
                metrics.currency().getCurrencyCode(), window.start(), laterHalf, laterHalf, window.end(),
                window.start(), window.end());
        if (query.valueAddedCategories().isEmpty()) {
            sql.append(" 0 AS value_added,");
        } else {
            sql.append(" COUNT(CASE WHEN order_date >= ? AND order_date <= ? AND LOWER(category) IN (")
                    .append(String.join(", ", Collections.nCopies(query.valueAddedCategories().size(), "?")))
                    .append(") THEN 1 END) AS value_added,");
            parameters.add(window.start());
            parameters.add(window.end());
            parameters.addAll(query.valueAddedCategories());
        }
        for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
            sql.append(" MAX(CASE WHEN order_date >= ? AND order_date <= ? THEN 1 ELSE 0 END) AS quarter").append(i)
                    .append(',');
            parameters.add(metrics.quarter(i).start());
            parameters.add(metrics.quarter(i).end());
        }
        sql.append(" MAX(order_date) AS last_purchase FROM (SELECT customer_id, order_date, amount, currency, category,"
                + " MIN(order_date) OVER (PARTITION BY customer_id) AS first_day FROM crm_purchase"
                + " WHERE order_date <= ?) h GROUP BY customer_id");
        parameters.add(metrics.asOf());
        return new Query("crm_purchase", sql.toString(), parameters);
    }

    private static Query interactions(FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        return new Query("crm_interaction", "SELECT customer_id,"
                + " COUNT(CASE WHEN kind = ? THEN 1 END) AS inquiries,"
                + " COUNT(CASE WHEN kind = ? THEN 1 END) AS referrals,"
                + " COUNT(CASE WHEN kind = ? THEN 1 END) AS events,"
                + " COUNT(CASE WHEN kind = ? THEN 1 END) AS trials,"
                + " COUNT(CASE WHEN kind = ? AND LOWER(outcome) = ? THEN 1 END) AS joint_planning"
                + " FROM crm_interaction WHERE occurred_at >= ? AND occurred_at < ? GROUP BY customer_id",
                List.of(InteractionKind.INQUIRY.key(), InteractionKind.REFERRAL.key(), InteractionKind.EVENT.key(),
                        InteractionKind.TRIAL.key(), InteractionKind.MEETING.key(),
                        ActivityFacts.JOINT_PLANNING_OUTCOME, utc(metrics.windowStart()),
                        utc(metrics.windowEndExclusive())));
    }

    private static Query promoters(FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        return new Query("crm_survey_answer", "SELECT customer_id, COUNT(*) AS promoters FROM crm_survey_answer"
                + " WHERE nps >= ? AND answered_at >= ? AND answered_at < ? GROUP BY customer_id",
                List.of(SurveyAnswer.PROMOTER_SCORE, utc(metrics.windowStart()), utc(metrics.windowEndExclusive())));
    }

    private static Query satisfaction(FactsQuery query) {
        MetricsQuery metrics = query.metrics();
        return new Query("crm_survey_answer", "SELECT customer_id,"
                + " MAX(CASE WHEN answer_rank = 1 THEN csat END) AS latest_csat,"
                + " MAX(CASE WHEN answer_rank = 2 THEN csat END) AS previous_csat"
                + " FROM (SELECT customer_id, csat, ROW_NUMBER() OVER (PARTITION BY customer_id"
                + " ORDER BY answered_at DESC, answered_nanos DESC, csat) AS answer_rank FROM crm_survey_answer"
                + " WHERE csat IS NOT NULL AND answered_at < ?) ranked WHERE answer_rank <= 2 GROUP BY customer_id",
                List.of(utc(metrics.asOf().plusDays(1).atStartOfDay(metrics.zone()).toInstant())));
    }

    private static OffsetDateTime utc(java.time.Instant moment) {
        return moment.atOffset(ZoneOffset.UTC);
    }
}

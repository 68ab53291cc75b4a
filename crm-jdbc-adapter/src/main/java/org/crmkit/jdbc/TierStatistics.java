package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Planner statistics for the tiering job on PostgreSQL, which plans a query by the statistics its
 * tables have: none on a fresh schema until autovacuum, within a minute or so, gets round to them.
 * Without them the facts query groups every order in a hash that spills to disk instead of reading
 * the orders' index in customer order, and a chunk's look-up of its customers' heads scans the whole
 * head table instead of its primary key: see "Statistics" in docs/database.md. So the job analyses
 * crmkit's own source tables that were never analysed before it reads them, and the tables it writes
 * once it has written many rows and again at the end of such a run. H2 keeps its statistics itself
 * (it analyses a table after every 2,000 changed rows), so this is for PostgreSQL only.
 *
 * <p>{@code ANALYZE} reads a sample of a table (30,000 rows), a fraction of a second even for
 * millions. A session that does not own the tables gets a warning, not an error, and the job goes
 * on without.
 */
final class TierStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(TierStatistics.class);
    /** Changes a run writes before it analyses the tables it writes, and that make it analyse them at its end. */
    static final int MANY_CHANGES = 10_000;
    /** crmkit's own tables the facts query reads, where the store uses them. */
    private static final List<String> SOURCES = List.of("crm_customer", "crm_purchase", "crm_interaction",
            "crm_survey_answer");
    /** The tables the tiering job writes, apart from its run's row. */
    static final List<String> WRITTEN = List.of("crm_tier_assignment", "crm_tier_reason", "crm_tier_head", "crm_outbox");
    /**
     * Tables of the current schema without column statistics: never analysed, or empty when they
     * were, which is cheap to analyse again. ({@code pg_class.reltuples} is no sign: building an
     * index sets it, and a bulk load that builds its indexes afterwards has it without statistics.)
     */
    private static final String NEVER_ANALYSED = "SELECT t FROM unnest(?::text[]) AS t WHERE to_regclass(t) IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = t)";

    private TierStatistics() {
    }

    /**
     * Analyses those of crmkit's source tables that were never analysed.
     *
     * @param connection a PostgreSQL connection
     * @return the tables analysed
     * @throws SQLException on a database failure
     */
    static List<String> analyseSourcesNeverAnalysed(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(NEVER_ANALYSED)) {
            query.setArray(1, connection.createArrayOf("text", SOURCES.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        analyse(connection, tables);
        return tables;
    }

    /**
     * Analyses the tables the tiering job writes.
     *
     * @param connection a PostgreSQL connection
     * @throws SQLException on a database failure
     */
    static void analyseWritten(Connection connection) throws SQLException {
        analyse(connection, WRITTEN);
    }

    private static void analyse(Connection connection, List<String> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + String.join(", ", tables));
            for (java.sql.SQLWarning warning = statement.getWarnings(); warning != null;
                    warning = warning.getNextWarning()) {
                LOG.info("ANALYZE of the tiering job's tables: {}", warning.getMessage());
            }
        }
        LOG.debug("Analysed {} in {} ms", tables, (System.nanoTime() - started) / 1_000_000);
    }
}

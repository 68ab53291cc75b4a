package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Planner statistics for the batch jobs on PostgreSQL, which plans a query by the statistics its
 * tables have: none on a fresh schema until autovacuum, within a minute or so, gets round to them.
 * Without them the facts query groups every order in a hash that spills to disk instead of reading
 * the orders' index in customer order, and a chunk's look-up of its customers' heads scans the whole
 * head table instead of its primary key: see "Statistics" in docs/database.md. So every run analyses
 * crmkit's own source tables that were never analysed before it reads them, and a job the tables it
 * writes once it has written many rows and again at the end of such a run. H2 keeps its statistics
 * itself (it analyses a table after every 2,000 changed rows): on H2 these calls do nothing.
 *
 * <p>{@code ANALYZE} reads a sample of a table (30,000 rows), a fraction of a second even for
 * millions. A session that does not own the tables gets a warning, not an error, and the job goes
 * on without.
 */
final class JobStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(JobStatistics.class);
    /** Changes a run writes before it analyses the tables it writes, and that make it analyse them at its end. */
    static final int MANY_CHANGES = 10_000;
    /** crmkit's own tables the facts query reads, where the store uses them. */
    private static final List<String> SOURCES = List.of("crm_customer", "crm_purchase", "crm_interaction",
            "crm_survey_answer");
    /**
     * Tables of the current schema without column statistics: never analysed, or empty when they
     * were, which is cheap to analyse again. ({@code pg_class.reltuples} is no sign: building an
     * index sets it, and a bulk load that builds its indexes afterwards has it without statistics.)
     */
    private static final String NEVER_ANALYSED = "SELECT t FROM unnest(?::text[]) AS t WHERE to_regclass(t) IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = t)";

    private JobStatistics() {
    }

    /**
     * Analyses those of crmkit's source tables that were never analysed, on PostgreSQL.
     *
     * @param database the store's database
     * @param what the run, for the log, e.g. {@code tiering as of 2026-03-31}
     */
    static void analyseSourcesNeverAnalysed(Database database, String what) {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        List<String> analysed = database.transaction("analyse the customers' tables never analysed", connection -> {
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
        });
        if (!analysed.isEmpty()) {
            LOG.info("Analysed {}, which had no statistics, before {}", analysed, what);
        }
    }

    /**
     * Analyses the tables a job writes, on PostgreSQL.
     *
     * @param database the store's database
     * @param tables the tables
     * @param what the run, for the operation's name in a failure
     */
    static void analyseWritten(Database database, List<String> tables, String what) {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        database.transaction("analyse the tables of the " + what, connection -> {
            analyse(connection, tables);
            return null;
        });
    }

    private static void analyse(Connection connection, List<String> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + String.join(", ", tables));
            for (SQLWarning warning = statement.getWarnings(); warning != null;
                    warning = warning.getNextWarning()) {
                LOG.info("ANALYZE of the job's tables: {}", warning.getMessage());
            }
        }
        LOG.debug("Analysed {} in {} ms", tables, (System.nanoTime() - started) / 1_000_000);
    }
}

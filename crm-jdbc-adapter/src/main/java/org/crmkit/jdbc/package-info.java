/**
 * The crm-core ports on plain JDBC, behind one entry point: {@link org.crmkit.jdbc.JdbcStore}.
 *
 * <p>Runs on H2 (embedded, the default) and PostgreSQL; the schema is migrated by Flyway when a
 * store is created. Metrics snapshots are computed in SQL and give exactly the numbers of
 * {@link org.crmkit.core.metrics.MetricsCalculator}. No {@code java.sql} type crosses a port:
 * {@code SQLException} is wrapped in {@link org.crmkit.core.PersistenceException}.
 */
@NullMarked
package org.crmkit.jdbc;

import org.jspecify.annotations.NullMarked;

/**
 * The databases a command works on: {@link org.crmkit.cli.database.PooledDatabase} opens a small
 * connection pool (HikariCP) from a JDBC URL and {@link org.crmkit.cli.database.Credentials}, and a
 * {@link org.crmkit.jdbc.JdbcStore} on it. With {@code org.crmkit.cli.csv}, {@code org.crmkit.cli.input}
 * and {@code org.crmkit.cli.output}, the only packages of the command line that touch JDBC and the network.
 */
@NullMarked
package org.crmkit.cli.database;

import org.jspecify.annotations.NullMarked;

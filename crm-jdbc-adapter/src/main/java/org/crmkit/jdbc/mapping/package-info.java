/**
 * Mappings of an ERP's own tables onto crmkit's entities: which table, view or query holds the
 * customers, orders and their lines, interactions, complaints and their events, invoices and
 * payments, the column of each field (or a fixed value), the filters that select the rows that
 * count, and the time zone of timestamps stored without one.
 *
 * <p>A mapping is written in Java ({@link org.crmkit.jdbc.mapping.ErpMapping#builder()}) or in a
 * YAML or JSON file ({@link org.crmkit.jdbc.mapping.ErpMapping#read}); either way it is checked when
 * built, every problem at once, and checked again against the database's tables when a
 * {@link org.crmkit.jdbc.JdbcStore} is created over it, before anything is written.
 * {@link org.crmkit.jdbc.mapping.ErpMapping#crmkitTables()}, the default, reads crmkit's own tables.
 */
@NullMarked
package org.crmkit.jdbc.mapping;

import org.jspecify.annotations.NullMarked;

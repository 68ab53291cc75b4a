/**
 * Batch jobs over a {@link org.crmkit.jdbc.JdbcStore}, and the transactional outbox their events go
 * through: {@link org.crmkit.jdbc.job.TieringJob} re-tiers every customer as of a day,
 * {@link org.crmkit.jdbc.job.AssessmentJob} assesses their lifecycle, relationship, segments and
 * value, {@link org.crmkit.jdbc.job.SlaJob} stores the SLA state of every service case and
 * {@link org.crmkit.jdbc.job.AgendaJob} plans tomorrow's contacts, each set-based and in chunks,
 * resumable and exclusive, each run recorded as a
 * {@link org.crmkit.jdbc.job.JobRun};
 * {@link org.crmkit.jdbc.job.EventOutbox} hands the events it wrote to an
 * {@link org.crmkit.jdbc.job.OutboxSink}, at least once and in order per customer.
 *
 * <p>Like {@code org.crmkit.jdbc.mapping}, this package knows no JDBC: the store implements it.
 */
@NullMarked
package org.crmkit.jdbc.job;

import org.jspecify.annotations.NullMarked;

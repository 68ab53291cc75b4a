package org.crmkit.jdbc.job;

import java.time.LocalDate;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.PersistenceException;

/**
 * Re-tiers every customer of a store as of a day, as the nightly batch does: the facts are streamed
 * in one query in customer id order, the previous assignments (for demotion grace) in a second one
 * in the same order, the tiers are decided in the JVM by the policy's
 * {@link org.crmkit.rules.tiering.TierEngine}, and the results are written in chunks of customers,
 * one transaction per chunk, each table's rows in one {@code COPY} on PostgreSQL (where the
 * driver's copy API is there) or one JDBC batch. Obtained from
 * {@link org.crmkit.jdbc.JdbcStore#tieringJob}.
 *
 * <p>What a chunk writes, in its one transaction: an assignment row, with its reasons, only for a
 * customer whose tier or count of evaluations below the held tier's rule differs from the stored
 * previous assignment (so the history holds changes, not a row per customer and day); a
 * {@link org.crmkit.core.event.TierChanged} in the outbox ({@link EventOutbox}) for each change of
 * tier; and the run's progress (the last customer of the chunk, the counts). Demotion grace reads
 * the same state either way, since an unwritten day would have repeated the previous row.
 *
 * <p>Runs are recorded, one per as-of day: a run for a day whose run is complete writes nothing and
 * returns that run; a run for a day whose run is incomplete (the process died, or a chunk failed)
 * resumes after the last committed customer and ends in the state an uninterrupted run leaves,
 * every event written exactly once. Only one job runs on a database (schema) at a time.
 *
 * <p>Other writers of assignments, such as {@link org.crmkit.rules.tiering.TieringService}, may
 * write while a run goes on: each chunk checks, with optimistic locking, that what is stored of
 * its customers is still what the run read and decided on, and a customer another writer tiered
 * meanwhile stops the run at that chunk with a {@link ConcurrentUpdateException} naming the
 * customer and the day, writing nothing over it.
 */
public interface TieringJob extends BatchJob {
    /**
     * Tiers every customer as of a day, or finishes the day's incomplete run, telling a listener
     * after each committed chunk how far the run got.
     *
     * @param asOf the as-of day; not null
     * @param progress called after each committed chunk with the run's customers so far and the
     *     count of customers it visits; not called for a day whose run is complete already; not null
     * @return the day's run, complete
     * @throws JobRunningException if another tiering job is running on the database; this one did nothing
     * @throws ConcurrentUpdateException if assignments for a later day are stored, if assignments
     *     for the day were stored outside this job, or if the day's run used another policy version
     *     (nothing was written); or if another writer stored an assignment of a customer after the
     *     run read it (the chunks before that customer's stay committed, the run stays incomplete)
     * @throws PersistenceException if the database fails; the run stays incomplete, its committed
     *     chunks kept, and a rerun resumes it
     */
    @Override
    JobRun run(LocalDate asOf, JobProgress progress);
}

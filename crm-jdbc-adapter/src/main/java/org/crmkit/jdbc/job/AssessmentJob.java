package org.crmkit.jdbc.job;

import java.time.LocalDate;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.PersistenceException;

/**
 * Assesses every customer of a store as of a day, as the nightly batch does after tiering:
 * lifecycle stage and churn risk, relationship level and type, RFM score and ABC class, and the
 * lifetime value of the policy's customer-base model, by
 * {@link org.crmkit.rules.lifecycle.CustomerBaseAnalysis} over the store's facts streamed in customer
 * id order (twice: the model is fitted and the population ranked on the first pass). Obtained from
 * {@link org.crmkit.jdbc.JdbcStore#assessmentJob}.
 *
 * <p>What a chunk of customers writes, in its one transaction: a lifecycle transition, with its
 * reasons, for each customer whose stage differs from the stage before the day (the
 * {@link org.crmkit.core.port.LifecycleHistory}), and a
 * {@link org.crmkit.core.event.LifecycleStageChanged} in the outbox ({@link EventOutbox}) for it;
 * the customer's row of {@code crm_customer_assessment}, only where a value differs from the stored
 * one; and the run's progress.
 *
 * <p>Runs are recorded, one per as-of day, as {@link TieringJob}'s are: a complete day writes
 * nothing again; an incomplete one resumes after its last committed customer and ends in the state
 * an uninterrupted run leaves, every event written exactly once. Only one assessment job runs on a
 * database (schema) at a time; it may run beside the tiering job.
 */
public interface AssessmentJob extends BatchJob {
    /**
     * Assesses every customer as of a day, or finishes the day's incomplete run.
     *
     * @param asOf the as-of day; not null
     * @param progress called after each committed chunk with the run's customers so far and the
     *     count of customers it visits; not called for a day whose run is complete already; not null
     * @return the day's run, complete
     * @throws JobRunningException if another assessment job is running on the database; this one did nothing
     * @throws ConcurrentUpdateException if lifecycle transitions for a later day are stored, if
     *     transitions for the day were stored outside this job, or if the day's run used another
     *     policy version; nothing was written
     * @throws PersistenceException if the database fails; the run stays incomplete, its committed
     *     chunks kept, and a rerun resumes it
     */
    @Override
    JobRun run(LocalDate asOf, JobProgress progress);
}

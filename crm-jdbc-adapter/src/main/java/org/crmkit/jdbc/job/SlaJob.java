package org.crmkit.jdbc.job;

import java.time.LocalDate;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.PersistenceException;

/**
 * Evaluates the SLA of every service case (complaint or inquiry) of a store as of a day, as the
 * nightly batch does: each case opened by the end of the day in the policy's time zone (the moment
 * {@link org.crmkit.rules.lifecycle.CustomerBaseAnalysis} evaluates cases at) is evaluated at that
 * moment by the policy's {@link org.crmkit.rules.sla.SlaEngine}, with its events and the customer's
 * tier stored on or before the day. Obtained from {@link org.crmkit.jdbc.JdbcStore#slaJob}.
 *
 * <p>The run goes through the customers who have such a case (the complainants), in customer id
 * order, all cases of a customer in one chunk: a run's progress, its resumption and its counts are
 * in customers, as the other jobs' are. What a chunk writes, in its one transaction: each case's
 * row of {@code crm_case_sla} and its milestones' rows of {@code crm_case_sla_milestone}, only
 * where a value differs from the stored one (a closed case stored as closed, with nothing changed,
 * is not rewritten); each {@link org.crmkit.core.event.SlaWarning},
 * {@link org.crmkit.core.event.SlaBreached} and {@link org.crmkit.core.event.MilestoneMet} the
 * engine tells of that is not in the outbox yet, once per key ({@link EventOutbox} names the keys);
 * and the run's progress. A case whose events make no possible history is left out, keeping its
 * stored state, with a warning naming it.
 *
 * <p>Runs are recorded, one per as-of day, as {@link TieringJob}'s are: a complete day writes
 * nothing again; an incomplete one resumes after its last committed customer and ends in the state
 * an uninterrupted run leaves, every event written exactly once. Only one SLA job runs on a
 * database (schema) at a time; it may run beside the tiering and assessment jobs.
 */
public interface SlaJob extends BatchJob {
    /**
     * Evaluates the SLA of every case as of a day, or finishes the day's incomplete run.
     *
     * @param asOf the as-of day; not null
     * @param progress called after each committed chunk with the run's customers so far and the
     *     count of customers with a case that it visits; not called for a day whose run is complete
     *     already; not null
     * @return the day's run, complete; its customers are those with a case, its changes the state
     *     rows written or removed, its events those written to the outbox
     * @throws JobRunningException if another SLA job is running on the database; this one did nothing
     * @throws ConcurrentUpdateException if SLA states for a later day are stored, if states for the
     *     day were stored outside this job, or if the day's run used another policy version; nothing
     *     was written
     * @throws PersistenceException if the database fails; the run stays incomplete, its committed
     *     chunks kept, and a rerun resumes it
     */
    @Override
    JobRun run(LocalDate asOf, JobProgress progress);
}

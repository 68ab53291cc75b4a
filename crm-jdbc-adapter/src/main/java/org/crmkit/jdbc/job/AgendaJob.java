package org.crmkit.jdbc.job;

import java.time.LocalDate;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.PersistenceException;

/**
 * Plans tomorrow's agenda as the nightly batch does after tiering: the run as of a day D plans the
 * contacts of the next day, D + 1, with {@link org.crmkit.rules.cadence.AgendaService} over the
 * store (its customers, stored tiers, interactions and open complaints) and the policy's cadences,
 * and stores them: the planned contacts in {@code crm_agenda}, the due ones that could not be
 * placed, with their reason, in {@code crm_agenda_unscheduled}. Obtained from
 * {@link org.crmkit.jdbc.JdbcStore#agendaJob}.
 *
 * <p>It runs after the tiering job of the same day: the tiers it plans with are the stored ones,
 * those up to D + 1, which are the tiering job's of D when tiering ran first that night. A run
 * writes only the rows of its day D + 1, so the next night's run (of D + 2) never touches them.
 *
 * <p>The plan is one optimisation over all customers (owners' capacity, managers assigned by
 * load), so every execution makes it whole: it cannot start half-way. It is written customer by
 * customer in id order ({@link String#compareTo}), in chunks of customers, one transaction per
 * chunk with the run's progress; a run that resumes an incomplete one plans the day again and
 * skips the customers up to the last committed one. On unchanged data that is the same plan, and
 * the run ends in the state an uninterrupted run leaves, no contact lost or written twice; where
 * the data changed in between, each customer's contacts still come whole from one of the plans.
 *
 * <p>Runs are recorded, one per as-of day, as {@link TieringJob}'s are: a complete day writes
 * nothing again. Only one agenda job runs on a database (schema) at a time; it may run beside the
 * other jobs.
 */
public interface AgendaJob extends BatchJob {
    /**
     * Plans the agenda of the day after {@code asOf} and stores it, or finishes the day's
     * incomplete run.
     *
     * @param asOf the as-of day, whose next day is planned; not null
     * @param progress called after each committed chunk with the run's customers with a contact so
     *     far and the count of customers created by the planned day; not called for a day whose
     *     run is complete already; not null
     * @return the day's run: its customers are those with a contact, planned or unscheduled, its
     *     changes the rows written, its events zero
     * @throws JobRunningException if another agenda job is running on the database; this one did nothing
     * @throws ConcurrentUpdateException if agenda rows of a run as of a later day are stored, if
     *     planned contacts of a run as of the day were stored outside this job, or if the day's run
     *     used another policy version; nothing was written
     * @throws org.crmkit.core.InvalidValueException if the planned day lies beyond the days the
     *     store keeps
     * @throws PersistenceException if the database fails; the run stays incomplete, its committed
     *     chunks kept, and a rerun resumes it
     */
    @Override
    JobRun run(LocalDate asOf, JobProgress progress);
}

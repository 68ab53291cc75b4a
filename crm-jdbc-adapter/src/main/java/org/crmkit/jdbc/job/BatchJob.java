package org.crmkit.jdbc.job;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.PersistenceException;

/**
 * A nightly batch job of a store, run once per as-of day: {@link TieringJob}, {@link AssessmentJob},
 * {@link SlaJob}, {@link AgendaJob}.
 * Its runs are recorded, one per day: a run for a day whose run is complete writes nothing and
 * returns that run; a run for a day whose run is incomplete (the process died, or a chunk failed)
 * resumes after the last committed customer and ends in the state an uninterrupted run leaves,
 * every event written exactly once. Only one run of a job goes on in a database (schema) at a time.
 */
public interface BatchJob {
    /**
     * Runs the job for every customer as of a day, or finishes the day's incomplete run, telling a
     * listener after each committed chunk how far the run got.
     *
     * @param asOf the as-of day; not null
     * @param progress called after each committed chunk with the run's customers so far and the
     *     count of customers it visits; not called for a day whose run is complete already; not null
     * @return the day's run, complete
     * @throws JobRunningException if the job is running on the database already; this run did nothing
     * @throws ConcurrentUpdateException if the stored history does not allow the day (rows for a
     *     later day, rows of the day written outside the job, or the day's run used another policy
     *     version: nothing was written), or as the job says
     * @throws PersistenceException if the database fails; the run stays incomplete, its committed
     *     chunks kept, and a rerun resumes it
     */
    JobRun run(LocalDate asOf, JobProgress progress);

    /**
     * Runs the job as of a day without a listener; as {@link #run(LocalDate, JobProgress)}.
     *
     * @param asOf the as-of day; not null
     * @return the day's run, complete
     */
    default JobRun run(LocalDate asOf) {
        return run(asOf, JobProgress.none());
    }

    /**
     * The run of a day, complete or not.
     *
     * @param asOf the as-of day; not null
     * @return the run, or empty if the job never ran for that day
     */
    Optional<JobRun> find(LocalDate asOf);

    /**
     * The complete run of the latest as-of day: what readers use while a later run is incomplete.
     *
     * @return the run, or empty if none is complete
     */
    Optional<JobRun> lastComplete();
}

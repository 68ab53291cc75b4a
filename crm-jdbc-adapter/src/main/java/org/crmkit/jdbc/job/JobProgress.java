package org.crmkit.jdbc.job;

/**
 * Hears how far a run of a batch job got: called by
 * {@link BatchJob#run(java.time.LocalDate, JobProgress)} after each chunk is committed, on the job's
 * thread, for a progress bar or a log line. A one-method extension point, like a row mapper:
 * {@code (done, total) -> ...}.
 *
 * <p>The counts are of the day's run, not of this call: a run that resumes an incomplete one
 * reports its first chunk as the customers committed before plus that chunk's, so {@code done}
 * only grows, and it ends at the run's {@link JobRun#customers()}.
 */
@FunctionalInterface
public interface JobProgress {
    /**
     * A chunk of the run is committed.
     *
     * @param done the customers of the run committed so far, those of the run it resumes included;
     *     at least 1
     * @param total the customers the run visits, counted in one query when it started (or resumed):
     *     customers created by the as-of day. An estimate only where customers are added or removed
     *     during the run, so {@code done} may end above or below it; zero or more
     * @throws RuntimeException to stop the run: what is committed stays, the run is marked
     *     {@link JobRun.Status#FAILED} and a rerun resumes it
     */
    void committed(long done, long total);

    /** @return a listener that ignores every call */
    static JobProgress none() {
        return (done, total) -> { };
    }
}

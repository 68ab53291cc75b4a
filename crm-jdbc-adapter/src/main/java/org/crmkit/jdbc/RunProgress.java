package org.crmkit.jdbc;

import java.util.Objects;
import org.crmkit.jdbc.job.JobProgress;
import org.crmkit.jdbc.job.JobRun;

/**
 * Counts a run's committed customers, those of the run it resumes included, and tells the listener
 * after each committed chunk. Not thread-safe: a run writes its chunks one after the other.
 */
final class RunProgress {
    private final long total;
    private final JobProgress listener;
    private long done;

    /**
     * @param run the run started or resumed, whose committed customers count already
     * @param total the customers the run visits
     * @param listener told after each chunk
     */
    RunProgress(JobRun run, long total, JobProgress listener) {
        this.done = run.customers();
        this.total = total;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A chunk of so many customers is committed. */
    void committed(int customers) {
        done += customers;
        listener.committed(done, total);
    }
}

package org.crmkit.jdbc;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.jdbc.job.BatchJob;
import org.crmkit.jdbc.job.JobRun;

/** What every job of the store shares: its runs, recorded, found and listed through {@link JobRuns}. */
abstract class RecordedJob implements BatchJob {
    /** The job's runs in {@code crm_job_run}, through which it runs. */
    final JobRuns runs;

    RecordedJob(JobRuns runs) {
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    @Override
    public final Optional<JobRun> find(LocalDate asOf) {
        return runs.find(Objects.requireNonNull(asOf, "asOf"));
    }

    @Override
    public final Optional<JobRun> lastComplete() {
        return runs.lastComplete();
    }
}

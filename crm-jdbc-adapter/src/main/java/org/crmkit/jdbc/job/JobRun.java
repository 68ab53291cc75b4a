package org.crmkit.jdbc.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;

/**
 * A recorded run of a {@link BatchJob} for one as-of day, as its committed chunks left it.
 * Immutable and thread-safe.
 *
 * @param asOf the as-of day; not null
 * @param policy the policy the run decides with; not null
 * @param status where the run stands; not null
 * @param startedAt when the run first started (a resumed run keeps it); not null
 * @param finishedAt when the run completed, present exactly when it is {@link Status#COMPLETE}; not null
 * @param lastCustomer the last customer whose results are committed, empty before the first chunk; not null
 * @param customers customers decided in committed chunks; zero or more
 * @param changes history rows written: by the tiering job, assignments whose tier or grace count
 *     changed; by the assessment job, assessments with a changed value; by the SLA job, case and
 *     milestone states with a changed value, and milestone states removed; by the agenda job, the
 *     planned and unscheduled contacts written; zero or more
 * @param events events written to the outbox; zero or more
 */
public record JobRun(LocalDate asOf, PolicyRef policy, Status status, Instant startedAt,
        Optional<Instant> finishedAt, Optional<CustomerId> lastCustomer, long customers, long changes, long events) {

    /** Where a run stands. */
    public enum Status {
        /** Started and not finished: running now, or its process died; a rerun resumes it. */
        RUNNING,
        /** Stopped by a failure the job saw; a rerun resumes it. */
        FAILED,
        /** Every customer decided and committed. */
        COMPLETE
    }

    /** Checks the invariants. */
    public JobRun {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(lastCustomer, "lastCustomer");
        if (finishedAt.isPresent() != (status == Status.COMPLETE)) {
            throw new InvalidValueException("A run has a finish time exactly when it is complete, was " + status
                    + " with finishedAt " + finishedAt);
        }
        if (customers < 0 || changes < 0 || events < 0) {
            throw new InvalidValueException("Run counts must not be negative, were customers " + customers
                    + ", changes " + changes + ", events " + events);
        }
    }

    /** @return true when every customer was decided and committed */
    public boolean complete() {
        return status == Status.COMPLETE;
    }
}

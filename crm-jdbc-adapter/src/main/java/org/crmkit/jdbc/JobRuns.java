package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.jdbc.job.JobRunningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of one batch job's runs in {@code crm_job_run}, and the frame every run goes through:
 * the job's lock, the day's run found, resumed or started, the work, and the run marked complete, or
 * failed when the work throws. What differs between jobs is the check of the stored history before a
 * run and the work itself.
 */
final class JobRuns {
    private static final Logger LOG = LoggerFactory.getLogger(JobRuns.class);

    private static final String RUN_COLUMNS = "as_of, policy_id, policy_version, status, started_at, started_nanos,"
            + " finished_at, finished_nanos, last_customer_id, customers, changes, events";
    private static final String FIND_RUN = "SELECT " + RUN_COLUMNS + " FROM crm_job_run WHERE job = ? AND as_of = ?";
    private static final String RUNNING_RUN = "SELECT " + RUN_COLUMNS + " FROM crm_job_run WHERE job = ?"
            + " AND status <> 'COMPLETE' ORDER BY started_at DESC, started_nanos DESC FETCH FIRST 1 ROWS ONLY";
    private static final String LAST_COMPLETE = "SELECT " + RUN_COLUMNS + " FROM crm_job_run WHERE job = ?"
            + " AND status = 'COMPLETE' ORDER BY as_of DESC FETCH FIRST 1 ROWS ONLY";
    private static final String INSERT_RUN = "INSERT INTO crm_job_run (job, " + RUN_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, NULL, NULL, NULL, 0, 0, 0)";
    private static final String RESUME_RUN = "UPDATE crm_job_run SET status = 'RUNNING' WHERE job = ? AND as_of = ?";
    private static final String PROGRESS = "UPDATE crm_job_run SET last_customer_id = ?, customers = customers + ?,"
            + " changes = changes + ?, events = events + ? WHERE job = ? AND as_of = ? AND status = 'RUNNING'";
    private static final String COMPLETE = "UPDATE crm_job_run SET status = 'COMPLETE', finished_at = ?,"
            + " finished_nanos = ? WHERE job = ? AND as_of = ? AND status = 'RUNNING'";
    private static final String FAIL = "UPDATE crm_job_run SET status = 'FAILED' WHERE job = ? AND as_of = ?"
            + " AND status = 'RUNNING'";

    /**
     * What a job's stored history must allow before a run writes anything: no rows for a later day,
     * and, unless an incomplete run of the day is resumed, none for the day written outside the job.
     *
     * @param verb what the job does, for the messages: {@code Cannot <verb> as of ...}
     * @param laterQueries each counts rows after the day, binding the day to its one marker; the
     *     counts are summed
     * @param later what those rows are, e.g. {@code assignment(s)}
     * @param sameDayQuery counts the rows of the day, binding the day to its one marker
     * @param sameDay what those rows are
     */
    record History(String verb, List<String> laterQueries, String later, String sameDayQuery, String sameDay) {
        History {
            Objects.requireNonNull(verb, "verb");
            laterQueries = List.copyOf(laterQueries);
            Objects.requireNonNull(later, "later");
            Objects.requireNonNull(sameDayQuery, "sameDayQuery");
            Objects.requireNonNull(sameDay, "sameDay");
        }

        /** @throws ConcurrentUpdateException if the stored history does not allow the day */
        void check(Connection connection, LocalDate asOf, boolean resuming) throws SQLException {
            long after = 0;
            for (String query : laterQueries) {
                after += count(connection, query, asOf);
            }
            if (after > 0) {
                throw new ConcurrentUpdateException("Cannot " + verb + " as of " + asOf + ": " + after + " " + later
                        + " for a later day are stored; nothing was written");
            }
            if (!resuming) {
                long outside = count(connection, sameDayQuery, asOf);
                if (outside > 0) {
                    throw new ConcurrentUpdateException("Cannot " + verb + " as of " + asOf + ": " + outside + " "
                            + sameDay + " for the day were stored outside the job; nothing was written");
                }
            }
        }
    }

    /** The work of a run: decides every customer after the run's last committed one, and writes them. */
    @FunctionalInterface
    interface Work {
        /** @param run the run started or resumed */
        void execute(JobRun run);
    }

    private final Database database;
    private final String job;
    private final History history;
    private final Clock clock;

    /**
     * @param database the store's database
     * @param job the job's name: its key in {@code crm_job_run} and its row of {@code crm_job_lock}
     * @param history what the stored history must allow before a run
     * @param clock the clock of the runs' start and finish
     */
    JobRuns(Database database, String job, History history, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.job = Objects.requireNonNull(job, "job");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the job for a day under its lock: a complete day is returned as it is; otherwise the
     * history is checked, the day's run started or resumed, the sources of the facts analysed where
     * they never were, the work done, and the run completed.
     *
     * @return the day's run, complete
     */
    JobRun run(LocalDate asOf, PolicyRef policy, Work work) {
        SqlValues.storableDay(asOf, job + " run asOf");
        try (JobLock lock = lock()) {
            JobRun run = database.transaction("start the " + job + " run as of " + asOf,
                    connection -> start(connection, asOf, policy));
            if (run.complete()) {
                LOG.info("The {} run as of {} is complete already; nothing written", job, asOf);
                return run;
            }
            try {
                JobStatistics.analyseSourcesNeverAnalysed(database, "the " + job + " run as of " + asOf);
                work.execute(run);
            } catch (RuntimeException e) {
                try {
                    database.transaction("mark the " + job + " run as of " + asOf + " failed",
                            connection -> Database.update(connection, FAIL, job, asOf));
                } catch (RuntimeException markFailure) {
                    e.addSuppressed(markFailure);
                }
                throw e;
            }
            Instant finished = clock.instant();
            database.transaction("complete the " + job + " run as of " + asOf, connection -> {
                try (PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
                    int next = SqlValues.bindMoment(complete, 1, SqlValues.storableMoment(finished,
                            job + " run finishedAt"));
                    complete.setString(next, job);
                    complete.setObject(next + 1, asOf);
                    complete.executeUpdate();
                }
                return null;
            });
            return find(asOf).orElseThrow();
        }
    }

    /**
     * A query of each customer's latest row of a history table before a day, in the dialect's id
     * order, binding the day twice: what a job merges with the customers' facts as they stream.
     *
     * @param dialect the database's dialect
     * @param columns the columns selected, {@code customer_id} first
     * @param table the history table, with {@code customer_id} and {@code as_of}
     * @return the query
     */
    static String latestBefore(Dialect dialect, String columns, String table) {
        return "SELECT " + columns + " FROM " + table + " a WHERE a.as_of < ? AND NOT EXISTS (SELECT 1 FROM " + table
                + " b WHERE b.customer_id = a.customer_id AND b.as_of > a.as_of AND b.as_of < ?)"
                + " ORDER BY " + dialect.byId("a.customer_id");
    }

    /** @return the job's name, as {@code crm_job_run} keys its runs */
    String job() {
        return job;
    }

    /** @return the run of a day, complete or not */
    Optional<JobRun> find(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return database.transaction("find the " + job + " run as of " + asOf,
                connection -> Database.first(connection, FIND_RUN, JobRuns::mapRun, job, SqlValues.dayBound(asOf)));
    }

    /** @return the complete run of the latest day */
    Optional<JobRun> lastComplete() {
        return database.transaction("find the last complete " + job + " run",
                connection -> Database.first(connection, LAST_COMPLETE, JobRuns::mapRun, job));
    }

    /**
     * Records a committed chunk, in the chunk's transaction.
     *
     * @param last the chunk's last customer
     */
    void progress(Connection connection, LocalDate asOf, String last, long customers, long changes, long events)
            throws SQLException {
        Database.update(connection, PROGRESS, last, customers, changes, events, job, asOf);
    }

    private JobLock lock() {
        Optional<JobLock> lock;
        try {
            lock = JobLock.tryAcquire(database.open(), database.dialect(), job);
        } catch (SQLException e) {
            throw Database.failure("Could not take the lock of the " + job + " job", e);
        }
        if (lock.isPresent()) {
            return lock.get();
        }
        Optional<JobRun> running = database.transaction("find the running " + job + " run",
                connection -> Database.first(connection, RUNNING_RUN, JobRuns::mapRun, job));
        throw new JobRunningException("Another " + job + " job is running on this database"
                + running.map(run -> " (the run as of " + run.asOf() + " with policy " + run.policy() + ", started "
                        + run.startedAt() + ")").orElse("")
                + "; this one did not run");
    }

    /** Finds the day's run, or records a new one once the stored history allows it. */
    private JobRun start(Connection connection, LocalDate asOf, PolicyRef policy) throws SQLException {
        Optional<JobRun> found = Database.first(connection, FIND_RUN, JobRuns::mapRun, job, asOf);
        if (found.isPresent() && !found.get().policy().equals(policy)) {
            throw new ConcurrentUpdateException("Cannot " + history.verb() + " as of " + asOf + " with policy "
                    + policy + ": the day's run used policy " + found.get().policy() + "; nothing was written");
        }
        if (found.isPresent() && found.get().complete()) {
            return found.get();
        }
        history.check(connection, asOf, found.isPresent());
        if (found.isPresent()) {
            Database.update(connection, RESUME_RUN, job, asOf);
            LOG.info("Resuming {} as of {} after customer {}", job, asOf,
                    found.get().lastCustomer().map(CustomerId::value).orElse("(none)"));
            return found.get();
        }
        Instant started = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RUN)) {
            insert.setString(1, job);
            insert.setObject(2, asOf);
            insert.setString(3, policy.id());
            insert.setString(4, policy.version());
            SqlValues.bindMoment(insert, 5, SqlValues.storableMoment(started, job + " run startedAt"));
            insert.executeUpdate();
        }
        LOG.info("Running {} as of {} with policy {}", job, asOf, policy);
        return new JobRun(asOf, policy, JobRun.Status.RUNNING, started, Optional.empty(), Optional.empty(),
                0, 0, 0);
    }

    /**
     * Counts rows by a query with the day as its only parameter.
     *
     * @return the count
     */
    private static long count(Connection connection, String sql, LocalDate asOf) throws SQLException {
        return Database.first(connection, sql, row -> row.getLong(1), asOf).orElse(0L);
    }

    static JobRun mapRun(ResultSet row) throws SQLException {
        JobRun.Status status = JobRun.Status.valueOf(row.getString("status"));
        Optional<Instant> finished = status == JobRun.Status.COMPLETE
                ? Optional.of(SqlValues.moment(row, "finished")) : Optional.empty();
        return new JobRun(row.getObject("as_of", LocalDate.class),
                PolicyRef.of(row.getString("policy_id"), row.getString("policy_version")), status,
                SqlValues.moment(row, "started"), finished,
                Optional.ofNullable(row.getString("last_customer_id")).map(CustomerId::of),
                row.getLong("customers"), row.getLong("changes"), row.getLong("events"));
    }
}

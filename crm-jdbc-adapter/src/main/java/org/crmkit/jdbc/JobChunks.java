package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.crmkit.core.InvalidValueException;
import org.crmkit.jdbc.job.JobProgress;
import org.crmkit.jdbc.job.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunks of one execution of a batch job's run: the decided customers are buffered, and each
 * full chunk is written in one transaction together with the run's progress, then the listener
 * hears of it. The rows of a chunk are made before its transaction, so that the transaction only
 * writes. Once the execution has written {@link JobStatistics#MANY_CHANGES} rows, the tables the
 * job writes are analysed (on PostgreSQL), and again at its end. Not thread-safe: a run decides and
 * writes its customers one after the other.
 *
 * @param <E> what the job decided of one customer
 */
final class JobChunks<E> {
    private static final Logger LOG = LoggerFactory.getLogger(JobChunks.class);

    /** The rows of a chunk, made before its transaction and written in it. */
    interface Rows {
        /**
         * Writes the rows, in the chunk's transaction.
         *
         * @param connection the chunk's connection
         * @throws SQLException on a database failure
         */
        void write(Connection connection) throws SQLException;

        /** @return the history rows written */
        long changes();

        /** @return the events written to the outbox */
        long events();
    }

    /** How a job writes: its chunk size, how a chunk becomes rows, and the tables they go to. */
    record Writer<E>(int customersPerChunk, Function<? super E, String> customerOf,
            Function<List<E>, Rows> rowsOf, List<String> tables) {
        Writer {
            requireChunkSize(customersPerChunk);
            Objects.requireNonNull(customerOf, "customerOf");
            Objects.requireNonNull(rowsOf, "rowsOf");
            tables = List.copyOf(tables);
        }
    }

    private final Database database;
    private final JobRuns runs;
    private final JobRun run;
    private final Writer<E> writer;
    private final JobProgress listener;
    private final long total;
    private final List<E> entries = new ArrayList<>();
    /** Customers of the run committed, those of the run resumed included. */
    private long done;
    /** History rows this execution committed. */
    private long changes;

    /**
     * @param run the run started or resumed, whose committed customers count already
     * @param total the customers the run visits, for the listener
     */
    JobChunks(Database database, JobRuns runs, JobRun run, Writer<E> writer, JobProgress listener, long total) {
        this.database = Objects.requireNonNull(database, "database");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.run = Objects.requireNonNull(run, "run");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.total = total;
        this.done = run.customers();
    }

    /**
     * Checks a chunk size.
     *
     * @param customersPerChunk customers written per transaction
     * @throws InvalidValueException if it is less than 1
     */
    static void requireChunkSize(int customersPerChunk) {
        if (customersPerChunk < 1) {
            throw new InvalidValueException("customersPerChunk must be at least 1, was " + customersPerChunk);
        }
    }

    /** Adds a decided customer, writing the chunk once it is full. */
    void add(E entry) {
        entries.add(entry);
        if (entries.size() == writer.customersPerChunk()) {
            flush();
        }
    }

    /** Writes what is left, and analyses the written tables after an execution that wrote many rows. */
    void finish() {
        flush();
        if (changes >= JobStatistics.MANY_CHANGES) {
            JobStatistics.analyseWritten(database, writer.tables(), runs.job() + " run as of " + run.asOf());
        }
    }

    private void flush() {
        if (entries.isEmpty()) {
            return;
        }
        String last = writer.customerOf().apply(entries.get(entries.size() - 1));
        int size = entries.size();
        Rows rows = writer.rowsOf().apply(entries);
        database.transaction("write the " + runs.job() + " run as of " + run.asOf() + " through customer '" + last
                + "'",
                connection -> {
                    rows.write(connection);
                    runs.progress(connection, run.asOf(), last, size, rows.changes(), rows.events());
                    return null;
                });
        LOG.debug("Committed the {} run as of {} through customer {}", runs.job(), run.asOf(), last);
        long before = changes;
        changes += rows.changes();
        if (before < JobStatistics.MANY_CHANGES && changes >= JobStatistics.MANY_CHANGES) {
            // The rest of the run, and of a first one above all, then plans on statistics of what it wrote.
            JobStatistics.analyseWritten(database, writer.tables(), runs.job() + " run as of " + run.asOf());
        }
        entries.clear();
        done += size;
        listener.committed(done, total);
    }
}

package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.crmkit.jdbc.job.JobRunningException;
import org.crmkit.jdbc.job.TieringJob;
import org.crmkit.jdbc.job.JobRun;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JobLock} on H2 behind data sources other than HikariCP: H2's own connection pool, whose
 * connections go back to the pool when closed, and H2's plain data source, which opens a session per
 * connection. A second job is refused while the first runs, and the lock is free again once the
 * first finished or its connection died.
 */
class H2JobLockTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String JOB = JdbcTieringJob.JOB;

    private JdbcConnectionPool pool;
    private JdbcDataSource plain;

    @BeforeEach
    void createDatabase() {
        String url = "jdbc:h2:mem:job-lock-" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        pool = JdbcConnectionPool.create(url, "", "");
        plain = new JdbcDataSource();
        plain.setURL(url);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute(plain, "DROP ALL OBJECTS");
        pool.dispose();
    }

    @Test
    void aSecondJobIsRefusedWhileTheFirstRunsOnThePoolAndRunsOnceItFinished() {
        JdbcStore pooled = seeded(pool);
        JdbcStore unpooled = JdbcStore.create(plain);
        AtomicReference<Throwable> refusedOnPlain = new AtomicReference<>();
        AtomicReference<Throwable> refusedOnPool = new AtomicReference<>();
        TieringJob first = pooled.tieringJob(AbstractNightlyTieringTest.GRACE, AbstractNightlyTieringTest.CLOCK,
                AbstractNightlyTieringTest.CHUNK, decision -> {
                    if (refusedOnPlain.get() == null) {
                        refusedOnPlain.set(thrownBy(unpooled.tieringJob(AbstractNightlyTieringTest.GRACE,
                                AbstractNightlyTieringTest.CLOCK)));
                        refusedOnPool.set(thrownBy(pooled.tieringJob(AbstractNightlyTieringTest.GRACE,
                                AbstractNightlyTieringTest.CLOCK)));
                    }
                });

        JobRun run = first.run(AbstractNightlyTieringTest.Q1);

        String running = "Another tiering job is running on this database (the run as of 2026-03-31 with policy "
                + AbstractNightlyTieringTest.GRACE.header().ref() + ", started 2026-10-01T02:00:00.123456789Z);"
                + " this one did not run";
        assertThat(refusedOnPlain.get()).isInstanceOf(JobRunningException.class).hasMessage(running);
        assertThat(refusedOnPool.get()).isInstanceOf(JobRunningException.class).hasMessage(running);
        assertThat(run.complete()).isTrue();
        assertThat(unpooled.tieringJob(AbstractNightlyTieringTest.GRACE, AbstractNightlyTieringTest.CLOCK)
                .run(AbstractNightlyTieringTest.Q1)).isEqualTo(run);
        assertThat(pooled.tieringJob(AbstractNightlyTieringTest.GRACE, AbstractNightlyTieringTest.CLOCK)
                .run(AbstractNightlyTieringTest.Q2).complete()).isTrue();
    }

    @Test
    void aLockReleasedOnThePoolLeavesItsConnectionThereWithoutATransactionAndTheLockFree() throws SQLException {
        JdbcStore.create(pool);
        JobLock lock = JobLock.tryAcquire(pool.getConnection(), Dialect.H2, JOB).orElseThrow();
        assertThat(JobLock.tryAcquire(plain.getConnection(), Dialect.H2, JOB)).isEmpty();
        assertThat(JobLock.tryAcquire(pool.getConnection(), Dialect.H2, JOB)).isEmpty();

        lock.close();

        // The pool hands the lock's connection out again, in auto-commit and holding no lock.
        try (Connection again = pool.getConnection()) {
            assertThat(again.getAutoCommit()).isTrue();
        }
        assertThat(pool.getActiveConnections()).isZero();
        try (JobLock onPlain = JobLock.tryAcquire(plain.getConnection(), Dialect.H2, JOB).orElseThrow()) {
            assertThat(JobLock.tryAcquire(pool.getConnection(), Dialect.H2, JOB)).isEmpty();
        }
        JobLock.tryAcquire(pool.getConnection(), Dialect.H2, JOB).orElseThrow().close();
    }

    @Test
    void theLockIsFreeOnceItsConnectionDiesAndReleasingItThenFailsNothing() throws SQLException {
        JdbcStore.create(pool);
        Connection connection = pool.getConnection();
        int session = sessionId(connection);
        JobLock lock = JobLock.tryAcquire(connection, Dialect.H2, JOB).orElseThrow();
        assertThat(JobLock.tryAcquire(plain.getConnection(), Dialect.H2, JOB)).isEmpty();

        // The session ends as it does when its process dies: its transaction, and the row lock, go with it.
        assertThat(abortSession(session)).isTrue();

        try (JobLock next = JobLock.tryAcquire(plain.getConnection(), Dialect.H2, JOB).orElseThrow()) {
            assertThat(JobLock.tryAcquire(pool.getConnection(), Dialect.H2, JOB)).isEmpty();
        }
        JobLock.tryAcquire(pool.getConnection(), Dialect.H2, JOB).orElseThrow().close();
        assertThat(connection.isClosed()).isTrue();
        // Nothing is left to release: closing the lock is quiet. (H2's pool takes the dead connection
        // back without checking it, so this test uses the pool no further.)
        lock.close();
    }

    private static JdbcStore seeded(DataSource dataSource) {
        JdbcStore store = JdbcStore.create(dataSource);
        AbstractNightlyTieringTest.seed(store);
        return store;
    }

    private static Throwable thrownBy(TieringJob job) {
        try {
            job.run(AbstractNightlyTieringTest.Q1);
            return new AssertionError("the second job ran");
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static int sessionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("CALL SESSION_ID()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private boolean abortSession(int session) throws SQLException {
        try (Connection connection = plain.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("CALL ABORT_SESSION(" + session + ")")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

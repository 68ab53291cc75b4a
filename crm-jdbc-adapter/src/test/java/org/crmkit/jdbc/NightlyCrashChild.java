package org.crmkit.jdbc;

import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A JVM of its own that runs the nightly tiering job as of Q2 on a PostgreSQL schema and stops in
 * the middle of its third chunk, saying so on standard output, to be killed there by
 * {@link NightlyTieringPostgresTest}.
 */
final class NightlyCrashChild {
    /** Printed once two chunks are committed and the third is half written. */
    static final String IN_THIRD_CHUNK = "in the third chunk";

    private NightlyCrashChild() {
    }

    /**
     * Runs the job until killed.
     *
     * @param args the JDBC URL of the schema
     */
    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        JdbcStore store = JdbcStore.create(dataSource);
        AtomicInteger decided = new AtomicInteger();
        store.tieringJob(AbstractNightlyTieringTest.GRACE, AbstractNightlyTieringTest.CLOCK,
                AbstractNightlyTieringTest.CHUNK, decision -> {
                    if (decided.incrementAndGet() == 5) {
                        System.out.println(IN_THIRD_CHUNK);
                        System.out.flush();
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).run(AbstractNightlyTieringTest.Q2);
    }
}

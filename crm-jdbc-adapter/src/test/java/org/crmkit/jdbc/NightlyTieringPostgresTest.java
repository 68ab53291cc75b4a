package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.jdbc.job.JobRunningException;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly tiering job on an embedded PostgreSQL, also killed with its JVM in the middle of a chunk. */
class NightlyTieringPostgresTest extends AbstractNightlyTieringTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected DatabaseExtension database() {
        return DATABASE;
    }

    @Test
    void aJobKilledWithItsJvmMidChunkIsResumedAndEndsAsAnUninterruptedRun() throws Exception {
        JdbcStore store = seeded();
        job(store, new ArrayList<>()).run(Q1);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), NightlyCrashChild.class.getName(), DATABASE.postgresUrl())
                .redirectErrorStream(true).start();
        try {
            awaitLine(child, NightlyCrashChild.IN_THIRD_CHUNK);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        JobRun killed = store.tieringJob(GRACE, CLOCK).find(Q2).orElseThrow();
        assertThat(killed.status()).isEqualTo(JobRun.Status.RUNNING);
        assertThat(killed.lastCustomer()).contains(CustomerId.of("d-none"));
        JobRun finished = runOnceTheLockIsFree(store);

        DataSource twin = seededTwin();
        JdbcStore uninterrupted = JdbcStore.create(twin);
        job(uninterrupted, new ArrayList<>()).run(Q1);
        assertThat(finished).isEqualTo(job(uninterrupted, new ArrayList<>()).run(Q2));
        assertThat(dump(DATABASE.postgresDataSource())).isEqualTo(dump(twin));
        assertThat(drain(store)).isEqualTo(drain(uninterrupted)).doesNotHaveDuplicates();
    }

    @Test
    void copyWritesWhatJdbcBatchesWriteHostileTextIncludedThroughAPool() throws SQLException {
        List<String> ids = List.of("quote'\"d", "back\\slash", "\\N", "\\.", "核心客户-1", "comma,semi;pipe|", "emoji😀",
                "tab\\t-like", "NULL");
        Policy hostile = PolicyLoader.parse(PolicyLoader.standardText().replaceFirst("(?m)^version: .*$",
                "version: '2026.1 \\\\N \"q\" ''s'' \\\\. 中'"), "hostile.yaml");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DATABASE.postgresUrl());
        config.setMaximumPoolSize(5);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcStore copied = JdbcStore.create(pool);
            seedHostile(copied, ids);
            DataSource twin = DATABASE.emptyDatabase();
            JdbcStore batched = JdbcStore.create(twin);
            seedHostile(batched, ids);

            for (LocalDate day : List.of(Q1, Q2)) {
                copied.tieringJob(hostile, CLOCK, CHUNK, decision -> { }, TierChunkRows.Writing.COPY_WHERE_POSSIBLE).run(day);
                batched.tieringJob(hostile, CLOCK, CHUNK, decision -> { }, TierChunkRows.Writing.BATCHES).run(day);
            }

            assertThat(dump(pool)).isEqualTo(dump(twin)).anyMatch(row -> row.contains("2026.1 \\N \"q\" 's' \\. 中"));
            assertThat(copied.tierAssignments().current(CustomerId.of("核心客户-1"))).isPresent();
            for (String id : ids) {
                assertThat(copied.tierAssignments().history(CustomerId.of(id))).as(id)
                        .isEqualTo(batched.tierAssignments().history(CustomerId.of(id))).isNotEmpty();
            }
            assertThat(drain(copied)).isEqualTo(drain(batched)).hasSizeGreaterThan(ids.size());
        }
    }

    private static void seedHostile(JdbcStore store, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            CustomerId customer = CustomerId.of(ids.get(i));
            store.customers().save(Customer.of(customer, "Customer " + i, LocalDate.of(2024, 1, 10)));
            // Tiers that differ between the customers and change from Q1 to Q2.
            store.purchases().record(Purchase.of(PurchaseId.of("o-" + i + "-1"), customer, LocalDate.of(2026, 2, 1),
                    Money.of("CNY", String.valueOf(1_000 + 20_000 * i))));
            store.purchases().record(Purchase.of(PurchaseId.of("o-" + i + "-2"), customer, LocalDate.of(2026, 5, 1),
                    Money.of("CNY", String.valueOf(40_000 * (i % 3)))));
        }
    }

    /** The server ends the killed session's advisory lock once it sees the connection gone. */
    private static JobRun runOnceTheLockIsFree(JdbcStore store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return job(store, new ArrayList<>()).run(Q2);
            } catch (JobRunningException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void awaitLine(Process child, String expected) throws IOException {
        List<String> seen = new ArrayList<>();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(expected)) {
                return;
            }
            seen.add(line);
        }
        throw new AssertionError("The child ended before '" + expected + "': " + String.join("\n", seen));
    }

    /** The test run's classes and dependencies, whether surefire put them on the module path or the class path. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(Path.of(location(NightlyCrashChild.class)).toString());
        entries.add(Path.of(location(JdbcStore.class)).toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static java.net.URI location(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TieringService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly benchmark's two runs decide what the library decides: on {@link TierData}'s records
 * loaded into PostgreSQL, the tiering job as the benchmark runs it, and the anchor's hand-written
 * rules over the tier metrics' SQL aggregate, both tally the tiers that {@link TieringService} gives
 * the same records in memory; and a run after the job's tables were emptied does the whole work again.
 */
class NightlyOnJdbcTest {
    private static final Policy POLICY = PolicyLoader.standard();
    private static final LocalDate AS_OF = TierData.AS_OF;

    @TempDir
    static Path dir;
    private static EmbeddedPostgres postgres;
    private static JdbcStore store;
    /** TieringService's tiers of the records in memory. */
    private static TierTally reference;

    @BeforeAll
    static void loadTheFiles() throws Exception {
        TierData.write(dir, 400, TierData.SEED);
        reference = new TierTally();
        TieringService.of(POLICY, TierRecords.read(dir).inMemory(), event -> { }, Clock.systemUTC())
                .evaluateAll(AS_OF, decision -> reference.add(decision.customerId().value(), decision.tier()));
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        store = JdbcStore.create(postgres.getPostgresDatabase());
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            JdbcBaseLoad.postgres(connection, dir);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theJobDecidesAsTieringServiceAndWritesEveryCustomerOnEveryFirstRun() throws Exception {
        TierTally first = new TierTally();
        JobRun run = LifecycleRun.tier(store, POLICY, AS_OF, first);
        LifecycleOnJdbc.clearTiers("postgres", postgres.getJdbcUrl("postgres", "postgres"));
        TierTally second = new TierTally();
        JobRun again = LifecycleRun.tier(store, POLICY, AS_OF, second);

        assertThat(first).isEqualTo(reference).isEqualTo(second);
        assertThat(reference.customers()).isGreaterThan(380);
        assertThat(run.customers()).isEqualTo(reference.customers());
        assertThat(run.changes()).as("a first run writes every customer's first assignment")
                .isEqualTo(reference.customers());
        assertThat(again.changes()).isEqualTo(run.changes());
        assertThat(again.events()).isEqualTo(run.events()).isPositive();
    }

    @Test
    void theAnchorDecidesTheSameTiersFromTheTierMetricsAggregate() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            assertThat(FactsAnchor.tiers(connection, POLICY.header().metricsQuery(AS_OF))).isEqualTo(reference);
        }
    }
}

package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.jdbc.JdbcStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk load writes the rows the store's ports would: every customer, purchase and interaction of
 * {@link TierData}'s files reads back through the ports as the record the file describes, on H2 and
 * on PostgreSQL.
 */
class JdbcBaseLoadTest {
    private static final int CUSTOMERS = 300;
    private static final DateWindow EVERY_DAY = DateWindow.of(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31));

    @TempDir
    static Path dir;
    private static TierRecords records;
    private static EmbeddedPostgres postgres;
    private static JdbcStore onPostgres;
    private static JdbcStore onH2;
    private static JdbcBaseLoad.Counts postgresCounts;
    private static JdbcBaseLoad.Counts h2Counts;

    @BeforeAll
    static void loadTheFilesIntoBothDatabases() throws Exception {
        TierData.write(dir, CUSTOMERS, TierData.SEED);
        records = TierRecords.read(dir);
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        onPostgres = JdbcStore.create(postgres.getPostgresDatabase());
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            postgresCounts = JdbcBaseLoad.postgres(connection, dir);
        }
        Path file = dir.resolve("h2").resolve("crm");
        onH2 = JdbcStore.h2File(file);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file)) {
            h2Counts = JdbcBaseLoad.h2(connection, dir);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        onH2.close();
        postgres.close();
    }

    private static JdbcStore store(String database) {
        return Map.of("postgres", onPostgres, "h2", onH2).get(database);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void countsEveryRowOfTheFiles(String database) {
        JdbcBaseLoad.Counts counts = database.equals("postgres") ? postgresCounts : h2Counts;

        assertThat(counts).isEqualTo(new JdbcBaseLoad.Counts(records.customers().size(), records.purchases().size(),
                records.interactions().size()));
        assertThat(records.purchases()).hasSize(CUSTOMERS * 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void customersReadBackAsTheFileDescribesThem(String database) {
        List<Customer> stored = new ArrayList<>();
        store(database).customers().forEach(stored::add);

        assertThat(stored).containsExactlyInAnyOrderElementsOf(records.customers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void purchasesReadBackAsTheFileDescribesThem(String database) {
        List<Purchase> stored = records.customers().stream()
                .flatMap(customer -> store(database).purchases().findByCustomer(customer.id(), EVERY_DAY).stream())
                .toList();

        assertThat(stored).containsExactlyInAnyOrderElementsOf(records.purchases());
        assertThat(stored).anyMatch(purchase -> purchase.amount().amount().signum() == 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void interactionsReadBackInTheOffsetTheyWereWrittenWith(String database) {
        Instant from = EVERY_DAY.start().atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        Instant until = EVERY_DAY.end().atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        List<Interaction> stored = records.customers().stream()
                .flatMap(customer -> store(database).interactions().findByCustomer(customer.id(), from, until).stream())
                .toList();

        assertThat(stored).containsExactlyInAnyOrderElementsOf(records.interactions());
        assertThat(stored.stream().map(interaction -> interaction.occurredAt().getOffset()).distinct())
                .hasSizeGreaterThan(1);
    }
}

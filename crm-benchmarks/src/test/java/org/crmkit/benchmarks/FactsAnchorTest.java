package org.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.core.model.Money;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The anchor aggregates the same facts as the analysis reads: its customers, purchases and
 * interactions rows give every customer the facts of crm-core's reference calculator over the
 * records of {@link TierData}'s files, on H2 and on PostgreSQL.
 */
class FactsAnchorTest {
    private static final Policy POLICY = PolicyLoader.standard();
    private static final LocalDate AS_OF = TierData.AS_OF;
    private static final FactsQuery QUERY = LifecycleRun.factsQuery(POLICY, AS_OF);
    private static final BigDecimal NOTHING = money(null);
    private static final List<Object> NO_PURCHASES = Arrays.asList(NOTHING, 0, 0, NOTHING, 0, null, NOTHING, NOTHING,
            NOTHING, 0, null);

    @TempDir
    static Path dir;
    private static EmbeddedPostgres postgres;
    private static Path h2File;
    /** The reference facts, as the anchor's columns would show them, by customer id. */
    private static Map<String, List<Object>> reference;

    @BeforeAll
    static void loadTheFiles() throws Exception {
        TierData.write(dir, 400, TierData.SEED);
        reference = new TreeMap<>();
        TierRecords.read(dir).inMemory().facts().forEach(QUERY, facts -> reference.put(facts.customerId().value(),
                columns(facts)));
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        JdbcStore.create(postgres.getPostgresDatabase()).close();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            JdbcBaseLoad.postgres(connection, dir);
        }
        h2File = dir.resolve("h2").resolve("crm");
        JdbcStore.h2File(h2File).close();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + h2File)) {
            JdbcBaseLoad.h2(connection, dir);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void everyCustomerHasTheReferenceFacts(String database) throws SQLException {
        Map<String, List<Object>> anchor = new TreeMap<>();
        Map<String, Integer> inquiries = new TreeMap<>();
        List<String> customers = new ArrayList<>();
        try (Connection connection = connect(database)) {
            FactsAnchor.run(connection, QUERY, (table, row) -> {
                switch (table) {
                    case "crm_customer" -> customers.add(row.getString("id"));
                    case "crm_purchase" -> anchor.put(row.getString("customer_id"), List.of(
                            money(row.getBigDecimal("spend")), row.getInt("orders"), row.getInt("history_orders"),
                            money(row.getBigDecimal("history_spend")), row.getInt("purchase_days"),
                            row.getObject("first_purchase", LocalDate.class), money(row.getBigDecimal("repeat_spend")),
                            money(row.getBigDecimal("earlier_spend")), money(row.getBigDecimal("later_spend")),
                            row.getInt("categories"), row.getObject("last_purchase", LocalDate.class)));
                    case "crm_interaction" -> inquiries.put(row.getString("customer_id"), row.getInt("inquiries"));
                    default -> { }
                }
            });
        }
        Map<String, List<Object>> computed = new TreeMap<>();
        for (String customer : customers) {
            // A customer without purchases up to the day has no purchases row: nothing bought.
            List<Object> columns = new ArrayList<>(anchor.getOrDefault(customer, NO_PURCHASES));
            columns.add(inquiries.getOrDefault(customer, 0));
            computed.put(customer, columns);
        }

        assertThat(computed).isEqualTo(reference);
        assertThat(reference).hasSizeGreaterThan(380);
    }

    private static Connection connect(String database) throws SQLException {
        return database.equals("postgres") ? postgres.getPostgresDatabase().getConnection()
                : DriverManager.getConnection("jdbc:h2:file:" + h2File);
    }

    private static List<Object> columns(CustomerFacts facts) {
        PurchaseHistoryFacts history = facts.history().orElseThrow();
        List<Object> columns = new ArrayList<>(List.of(facts.metrics().spend().amount(), facts.metrics().orders(),
                history.orders(), history.spend().amount(), history.purchaseDays()));
        columns.add(history.firstPurchase().orElse(null));
        columns.add(history.repeatSpend().amount());
        columns.add(facts.activity().orElseThrow().earlierHalfSpend().amount());
        columns.add(facts.activity().orElseThrow().laterHalfSpend().amount());
        columns.add(facts.activity().orElseThrow().categories());
        columns.add(facts.metrics().lastPurchase().orElse(null));
        columns.add(facts.metrics().inquiries());
        return columns;
    }

    /** An aggregate as Money keeps it, so that 12.50 and 12.500000000000000000 compare equal; NULL is nothing spent. */
    private static BigDecimal money(@Nullable BigDecimal amount) {
        return Money.of("CNY", amount == null ? BigDecimal.ZERO : amount).amount();
    }
}

package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.event.SlaEvent;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.facts.PurchaseHistoryFacts;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Invoice;
import org.crmkit.core.model.InvoiceId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.OrderLine;
import org.crmkit.core.model.Payment;
import org.crmkit.core.model.PaymentId;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.StaffId;
import org.crmkit.jdbc.mapping.Entity;
import org.crmkit.jdbc.mapping.EntityMapping;
import org.crmkit.jdbc.mapping.ErpMapping;
import org.crmkit.jdbc.mapping.Field;
import org.crmkit.jdbc.mapping.Filter;
import org.crmkit.jdbc.mapping.MappingException;
import org.crmkit.jdbc.mapping.ReadOnlyEntityException;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;
import org.crmkit.rules.sla.SlaService;
import org.junit.jupiter.api.Test;

/**
 * A store over an existing ERP's tables (ErpSchema) beyond the facts contract: the ports read
 * through the mapping, credit notes, numeric keys, zone-less timestamps, customers that cannot be
 * evaluated, hostile text, and the start-up check of a mapping. Run on H2 and PostgreSQL.
 */
abstract class AbstractErpStoreTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final MetricsQuery YEAR = new MetricsQuery(AS_OF, DateWindow.trailingMonths(12, AS_OF), SHANGHAI,
            Money.currency("CNY"));
    private static final String HOSTILE = "O'Brien \"Söhne\" '; DROP TABLE partner; -- 上海精密机械有限公司 %_\\";

    /** @return the test's database */
    abstract DatabaseExtension database();

    /** A name as the database stores an unquoted one: upper case on H2, lower case on PostgreSQL. */
    abstract String stored(String name);

    /** @return how the database names DOUBLE PRECISION in its metadata */
    abstract String doubleTypeName();

    private static Customer customer(String id, String name) {
        return new Customer(CustomerId.of(id), name, Optional.of("tools"), LocalDate.of(2020, 1, 15),
                Optional.of(StaffId.of("s-7")), ContactPreferences.none(), true);
    }

    private static Purchase purchase(String id, String customer, String day, String amount) {
        return Purchase.of(PurchaseId.of(id), CustomerId.of(customer), LocalDate.parse(day), Money.of("CNY", amount));
    }

    private static Interaction inquiry(String id, String customer, String at) {
        return Interaction.of(InteractionId.of(id), CustomerId.of(customer), OffsetDateTime.parse(at), Channel.PHONE,
                InteractionKind.INQUIRY);
    }

    private JdbcStore erp(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions) {
        return ErpSchema.storeHolding(database(), customers, purchases, interactions, List.of());
    }

    private void execute(String sql) {
        try (Connection connection = database().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void readsTheErpsCustomersInIdOrderThroughTheMapping() {
        List<Customer> customers = List.of(customer("b", "Beta"), customer("a-2", "Alpha 2"),
                customer("a-10", "Alpha 10"));
        JdbcStore store = erp(customers, List.of(), List.of());

        List<String> visited = new ArrayList<>();
        store.customers().forEach(found -> visited.add(found.id().value()));

        assertThat(visited).containsExactly("a-10", "a-2", "b");
        assertThat(store.customers().findById(CustomerId.of("a-2"))).contains(customers.get(1));
        assertThat(store.customers().findById(CustomerId.of("zz"))).isEmpty();
        assertThat(store.customers().count()).isEqualTo(3);
    }

    @Test
    void hostileTextIsReadBackVerbatimAndFilterValuesAreBound() throws SQLException {
        Customer hostile = customer("c-'1", HOSTILE);
        JdbcStore store = erp(List.of(hostile),
                List.of(purchase("o-1", "c-'1", "2026-01-05", "10.00").withCategory(HOSTILE)), List.of());
        ErpMapping mapping = ErpMapping.builder().timeZone(ErpSchema.BERLIN)
                .entity(ErpSchema.MAPPING.entity(Entity.CUSTOMERS).orElseThrow())
                .entity(EntityMapping.builder(Entity.ORDERS).table("sales_document")
                        .column(Field.ORDER_ID, "doc_no").column(Field.ORDER_CUSTOMER_ID, "partner_no")
                        .column(Field.ORDER_DATE, "doc_date").column(Field.ORDER_AMOUNT, "net_total")
                        .column(Field.ORDER_CURRENCY, "curr").column(Field.ORDER_CATEGORY, "product_group")
                        .filter(Filter.notIn("doc_status", "cancelled", "refunded", "'); DROP TABLE partner; --"))
                        .build())
                .build();
        JdbcStore bound = JdbcStore.create(database().dataSource(), mapping);

        assertThat(store.customers().findById(CustomerId.of("c-'1")).orElseThrow().name()).isEqualTo(HOSTILE);
        assertThat(bound.purchases().findByCustomer(CustomerId.of("c-'1"), DateWindow.of(AS_OF.minusYears(1), AS_OF)))
                .extracting(Purchase::category).containsExactly(Optional.of(HOSTILE));
        CustomerFacts facts = bound.facts().find(CustomerId.of("c-'1"), FactsQuery.all(YEAR, Set.of(HOSTILE)))
                .orElseThrow();
        assertThat(facts.activity().orElseThrow().valueAddedPurchases()).isEqualTo(1);
        assertThat(facts.metrics().spend()).isEqualTo(Money.of("CNY", "10.00"));
        assertThat(bound.customers().count()).isEqualTo(1);
    }

    @Test
    void theHistoryLeavesOutFilteredOrdersAndCreditNotes() {
        JdbcStore store = erp(List.of(customer("c-1", "ACME")),
                List.of(purchase("o-2", "c-1", "2026-02-01", "50.00"), purchase("o-1", "c-1", "2025-06-01", "100.00")),
                List.of());
        execute("INSERT INTO sales_document VALUES ('cn-1', 'c-1', DATE '2026-03-01', -30, 'CNY', NULL, 'posted')");

        List<Purchase> found = store.purchases().findByCustomer(CustomerId.of("c-1"),
                DateWindow.of(LocalDate.of(2025, 1, 1), AS_OF));

        assertThat(found).extracting(purchase -> purchase.id().value()).containsExactly("o-1", "o-2");
    }

    @Test
    void creditNotesReduceTheSpendOfTheWindowAndTheHistoryTheyAreDatedIn() {
        JdbcStore store = erp(List.of(customer("c-1", "ACME"), customer("c-2", "Refunded")),
                List.of(purchase("o-old", "c-1", "2024-01-10", "200.00"),
                        purchase("o-1", "c-1", "2025-06-01", "100.00"),
                        purchase("o-2", "c-1", "2026-02-01", "50.00"),
                        purchase("o-3", "c-2", "2026-01-10", "40.00")),
                List.of());
        execute("INSERT INTO sales_document VALUES ('cn-old', 'c-1', DATE '2024-02-01', -20, 'CNY', NULL, 'posted')");
        execute("INSERT INTO sales_document VALUES ('cn-1', 'c-1', DATE '2026-03-01', -30, 'CNY', 'tools', 'posted')");
        execute("INSERT INTO sales_document VALUES ('cn-2', 'c-2', DATE '2026-01-20', -90, 'CNY', NULL, 'posted')");

        CustomerFacts acme = store.facts().find(CustomerId.of("c-1"), FactsQuery.all(YEAR, Set.of())).orElseThrow();
        CustomerFacts refunded = store.facts().find(CustomerId.of("c-2"), FactsQuery.all(YEAR, Set.of()))
                .orElseThrow();

        CustomerMetrics metrics = acme.metrics();
        assertThat(metrics.spend()).isEqualTo(Money.of("CNY", "120.00"));
        assertThat(metrics.orders()).isEqualTo(2);
        assertThat(metrics.lastPurchase()).contains(LocalDate.of(2026, 2, 1));
        assertThat(acme.history()).contains(new PurchaseHistoryFacts(3, Money.of("CNY", "300.00"), 3,
                Optional.of(LocalDate.of(2024, 1, 10)), Money.of("CNY", "100.00")));
        assertThat(acme.activity().orElseThrow().categories()).isZero();
        // A credit note larger than the window's orders leaves a spend of zero, never a negative one.
        assertThat(refunded.metrics().spend()).isEqualTo(Money.of("CNY", "0"));
        assertThat(refunded.metrics().orders()).isEqualTo(1);
    }

    @Test
    void readsZoneLessTimestampsAsLocalTimesInTheMappedZone() {
        JdbcStore store = erp(List.of(customer("c-1", "ACME")), List.of(), List.of());
        // 16:59 in Berlin (UTC+2) is 22:59 in Shanghai, inside the window; 18:30 is 00:30 the next day there.
        execute("INSERT INTO contact_log VALUES ('i-1', 'c-1', TIMESTAMP '2026-03-31 16:59:00', 'phone', 'inquiry',"
                + " NULL, FALSE)");
        execute("INSERT INTO contact_log VALUES ('i-2', 'c-1', TIMESTAMP '2026-03-31 18:30:00', 'phone', 'inquiry',"
                + " NULL, FALSE)");
        execute("INSERT INTO contact_log VALUES ('i-0', 'c-1', TIMESTAMP '2026-01-15 09:30:00.123456', 'email', 'call',"
                + " 'ok', FALSE)");

        List<Interaction> found = store.interactions().findByCustomer(CustomerId.of("c-1"), Instant.EPOCH,
                Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(found).extracting(Interaction::occurredAt).containsExactly(
                OffsetDateTime.parse("2026-01-15T09:30:00.123456+01:00"),
                OffsetDateTime.parse("2026-03-31T16:59:00+02:00"),
                OffsetDateTime.parse("2026-03-31T18:30:00+02:00"));
        assertThat(found.get(0)).isEqualTo(new Interaction(InteractionId.of("i-0"), CustomerId.of("c-1"),
                OffsetDateTime.parse("2026-01-15T09:30:00.123456+01:00"), Channel.EMAIL, InteractionKind.CALL,
                Optional.empty(), Optional.of("ok")));
        assertThat(store.interactions().findByCustomer(CustomerId.of("c-1"),
                Instant.parse("2026-03-31T14:59:00Z"), Instant.parse("2026-03-31T15:30:00Z")))
                .extracting(interaction -> interaction.id().value()).containsExactly("i-1");
        assertThat(store.facts().find(CustomerId.of("c-1"), FactsQuery.metricsOnly(YEAR)).orElseThrow()
                .metrics().inquiries()).isEqualTo(1);
    }

    @Test
    void readsNumericKeysAsText() {
        execute("CREATE TABLE kunde (kdnr BIGINT NOT NULL PRIMARY KEY, firma VARCHAR(100) NOT NULL,"
                + " angelegt TIMESTAMP NOT NULL)");
        execute("CREATE TABLE beleg (belegnr INTEGER NOT NULL PRIMARY KEY, kdnr BIGINT NOT NULL,"
                + " datum TIMESTAMP NOT NULL, betrag DECIMAL(12, 2) NOT NULL, belegart INTEGER NOT NULL)");
        execute("INSERT INTO kunde VALUES (9, 'Neun', TIMESTAMP '2020-01-01 23:30:00'), (10, 'Zehn',"
                + " TIMESTAMP '2020-01-01 08:00:00'), (100, 'Hundert', TIMESTAMP '2020-01-01 08:00:00')");
        execute("INSERT INTO beleg VALUES (5001, 10, TIMESTAMP '2026-01-05 23:59:00', 12.50, 1),"
                + " (5002, 10, TIMESTAMP '2026-01-06 00:01:00', 7.50, 1), (5003, 10, TIMESTAMP '2026-01-07 10:00:00',"
                + " 99.00, 2), (5004, 9, TIMESTAMP '2026-02-01 10:00:00', 1.00, 1)");
        ErpMapping mapping = ErpMapping.builder().timeZone(ErpSchema.BERLIN)
                .entity(EntityMapping.builder(Entity.CUSTOMERS).table("kunde").column(Field.CUSTOMER_ID, "kdnr")
                        .column(Field.CUSTOMER_NAME, "firma").column(Field.CUSTOMER_CREATED_ON, "angelegt").build())
                .entity(EntityMapping.builder(Entity.ORDERS).table("beleg").column(Field.ORDER_ID, "belegnr")
                        .column(Field.ORDER_CUSTOMER_ID, "kdnr").column(Field.ORDER_DATE, "datum")
                        .column(Field.ORDER_AMOUNT, "betrag").fixed(Field.ORDER_CURRENCY, "CNY")
                        .filter(Filter.equalTo("belegart", 1L)).build())
                .build();
        JdbcStore store = JdbcStore.create(database().dataSource(), mapping);

        List<String> visited = new ArrayList<>();
        store.facts().forEach(FactsQuery.metricsOnly(YEAR), facts -> visited.add(facts.metrics().customerId().value()));
        CustomerMetrics ten = store.facts().find(CustomerId.of("10"), FactsQuery.metricsOnly(YEAR)).orElseThrow()
                .metrics();

        assertThat(visited).containsExactly("10", "100", "9");
        assertThat(ten.spend()).isEqualTo(Money.of("CNY", "20.00"));
        assertThat(ten.orders()).isEqualTo(2);
        assertThat(store.customers().findById(CustomerId.of("9")).orElseThrow().createdOn())
                .isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(store.purchases().findByCustomer(CustomerId.of("10"), DateWindow.of(AS_OF.minusYears(1), AS_OF)))
                .extracting(purchase -> purchase.id().value() + " " + purchase.orderDate())
                .containsExactly("5001 2026-01-05", "5002 2026-01-06");
    }

    @Test
    void forEachReportsACustomerWithAForeignCurrencyOrderAndGoesOn() {
        JdbcStore store = erp(List.of(customer("c-1", "A"), customer("c-2", "B"), customer("c-3", "C")),
                List.of(purchase("o-1", "c-1", "2026-01-10", "10.00"),
                        Purchase.of(PurchaseId.of("o-2"), CustomerId.of("c-2"), LocalDate.of(2026, 1, 10),
                                Money.of("USD", "3.00")),
                        purchase("o-3", "c-3", "2026-01-10", "30.00")),
                List.of());
        List<String> visited = new ArrayList<>();
        List<NotEvaluable> skipped = new ArrayList<>();

        store.facts(skipped::add).forEach(FactsQuery.metricsOnly(YEAR),
                facts -> visited.add(facts.metrics().customerId().value()));

        assertThat(visited).containsExactly("c-1", "c-3");
        assertThat(skipped).containsExactly(new NotEvaluable(CustomerId.of("c-2"),
                "Purchase 'o-2': currency USD does not match CNY (crmkit does not convert currencies)"));
    }

    @Test
    void anOrderWhoseCurrencyColumnIsNullMakesItsCustomerNotEvaluable() {
        JdbcStore store = erp(List.of(customer("c-1", "A"), customer("c-2", "B")),
                List.of(purchase("o-1", "c-1", "2026-01-10", "10.00"), purchase("o-2", "c-2", "2026-01-10", "3.00")),
                List.of());
        execute("ALTER TABLE sales_document ALTER COLUMN curr DROP NOT NULL");
        execute("UPDATE sales_document SET curr = NULL WHERE doc_no = 'o-2'");
        List<String> visited = new ArrayList<>();
        List<NotEvaluable> skipped = new ArrayList<>();

        store.facts(skipped::add).forEach(FactsQuery.metricsOnly(YEAR),
                facts -> visited.add(facts.metrics().customerId().value()));

        assertThat(visited).containsExactly("c-1");
        assertThat(skipped).containsExactly(new NotEvaluable(CustomerId.of("c-2"),
                "Purchase 'o-2' has no currency (its currency column is NULL)"));
        assertThatThrownBy(() -> store.facts().forEach(FactsQuery.metricsOnly(YEAR), facts -> { }))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Purchase 'o-2' has no currency (its currency column is NULL)");
    }

    @Test
    void refusesToWriteTheErpsRows() {
        JdbcStore store = erp(List.of(), List.of(), List.of());

        assertThatThrownBy(() -> store.customers().save(customer("c-1", "ACME")))
                .isInstanceOf(ReadOnlyEntityException.class)
                .hasMessage("Could not save customer 'c-1': the customers are read from table \"" + stored("partner")
                        + "\" through the mapping, and crmkit does not write the ERP's rows");
        assertThatThrownBy(() -> store.interactions().record(inquiry("i-1", "c-1", "2026-01-01T10:00:00+08:00")))
                .isInstanceOf(ReadOnlyEntityException.class)
                .hasMessage("Could not record interaction 'i-1': the interactions are read from view \""
                        + stored("v_contact") + "\" through the mapping, and crmkit does not write the ERP's rows");
        assertThatThrownBy(() -> store.cases().save(ServiceCase.complaint(CaseId.of("k-1"), CustomerId.of("c-1"),
                OffsetDateTime.parse("2026-03-02T09:00:00+08:00"))))
                .isInstanceOf(ReadOnlyEntityException.class)
                .hasMessage("Could not save service case 'k-1': the complaints are read from table \""
                        + stored("ticket") + "\" through the mapping, and crmkit does not write the ERP's rows");
        assertThatThrownBy(() -> store.caseEvents().append(CaseEvent.of(CaseId.of("k-1"),
                OffsetDateTime.parse("2026-03-02T09:00:00+08:00"), CaseEventType.RESPONDED)))
                .isInstanceOf(ReadOnlyEntityException.class)
                .hasMessage("Could not append event 'responded' to case 'k-1': the complaint events are read from"
                        + " table \"" + stored("ticket_event") + "\" through the mapping, and crmkit does not write"
                        + " the ERP's rows");
        assertThat(store.cases().findById(CaseId.of("k-1"))).isEmpty();
        assertThat(store.caseEvents().findByCase(CaseId.of("k-1"))).isEmpty();
    }

    @Test
    void aMappingThatDoesNotFitTheDatabaseFailsNamingEveryProblemBeforeAnythingIsWritten() throws SQLException {
        DataSource empty = database().emptyDatabase();
        ErpSchema.create(empty);
        try (Connection connection = empty.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE price_list (doc_no VARCHAR(20), partner_no VARCHAR(20), doc_date DATE,"
                    + " amount DOUBLE PRECISION, active BOOLEAN)");
        }
        ErpMapping mapping = ErpMapping.parse("""
                customers:
                  table: partners
                  columns: {id: partner_no, name: company, created_on: since}
                orders:
                  table: price_list
                  columns:
                    id: doc_no
                    customer_id: partner_no
                    order_date: doc_date
                    amount: amount
                    currency: curr
                  filters:
                    - {column: state, equals: posted}
                interactions:
                  table: contact_log
                  columns: {id: log_id, customer_id: partner_no, occurred_at: logged_at, channel: medium, kind: deleted}
                """, "erp.yaml");

        assertThatThrownBy(() -> JdbcStore.create(empty, mapping))
                .isInstanceOf(MappingException.class)
                .hasMessage("Invalid mapping, 6 problems:\n"
                        + "  erp.yaml:2: customers.table: table or view \"partners\" not found in schema \""
                        + schemaOf(empty) + "\"\n"
                        + "  erp.yaml:10: orders.columns.amount: column \"" + stored("amount") + "\" of table \""
                        + stored("price_list") + "\" is " + doubleTypeName() + ", a binary floating-point type;"
                        + " amount is money, read only from an exact number (NUMERIC, DECIMAL or an integer)\n"
                        + "  erp.yaml:11: orders.columns.currency: column \"curr\" not found in table \""
                        + stored("price_list") + "\", which has \"" + stored("doc_no") + "\", \"" + stored("partner_no")
                        + "\", \"" + stored("doc_date") + "\", \"" + stored("amount") + "\", \"" + stored("active")
                        + "\"\n"
                        + "  erp.yaml:13: orders.filters[0].column: column \"state\" not found in table \""
                        + stored("price_list") + "\", which has \"" + stored("doc_no") + "\", \"" + stored("partner_no")
                        + "\", \"" + stored("doc_date") + "\", \"" + stored("amount") + "\", \"" + stored("active")
                        + "\"\n"
                        + "  erp.yaml:16: interactions.columns.occurred_at: column \"" + stored("logged_at")
                        + "\" of table \"" + stored("contact_log") + "\" is TIMESTAMP, a timestamp without time zone;"
                        + " name the mapping's time_zone, the zone its values are local times in\n"
                        + "  erp.yaml:16: interactions.columns.kind: column \"" + stored("deleted") + "\" of table \""
                        + stored("contact_log") + "\" is " + booleanTypeName() + "; kind is read from a text column");
        assertThat(tables(empty)).doesNotContain(stored("crmkit_schema_history"), stored("crm_customer"));
    }

    /** @return how the database names BOOLEAN in its metadata */
    abstract String booleanTypeName();

    private static String schemaOf(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getSchema();
        }
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    @Test
    void aQueryTheDatabaseRefusesFailsAtStartUp() throws SQLException {
        DataSource empty = database().emptyDatabase();
        ErpSchema.create(empty);
        ErpMapping mapping = ErpMapping.builder().entity(EntityMapping.builder(Entity.CUSTOMERS)
                .query("SELECT partner_no, company, since FROM partner_archive")
                .column(Field.CUSTOMER_ID, "partner_no").column(Field.CUSTOMER_NAME, "company")
                .column(Field.CUSTOMER_CREATED_ON, "since").build()).build();

        assertThatThrownBy(() -> JdbcStore.create(empty, mapping))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("Invalid mapping: mapping built in code: customers.query: the query fails on"
                        + " the database: ")
                .hasMessageContaining(stored("partner_archive"));
        assertThat(tables(empty)).doesNotContain(stored("crmkit_schema_history"));
    }

    @Test
    void readsAnEntityFromAQuery() {
        erp(List.of(customer("c-1", "ACME"), customer("c-2", "Other")), List.of(), List.of());
        ErpMapping mapping = ErpMapping.builder().entity(EntityMapping.builder(Entity.CUSTOMERS)
                .query("SELECT partner_no AS no, UPPER(company) AS name, since FROM partner WHERE sector = 'tools'")
                .column(Field.CUSTOMER_ID, "no").column(Field.CUSTOMER_NAME, "name")
                .column(Field.CUSTOMER_CREATED_ON, "since").fixed(Field.CUSTOMER_STRATEGIC_AGREEMENT, "true")
                .filter(Filter.notIn("no", "c-2")).build()).build();
        JdbcStore store = JdbcStore.create(database().dataSource(), mapping);

        assertThat(store.customers().findById(CustomerId.of("c-1"))).contains(Customer.of(CustomerId.of("c-1"), "ACME",
                LocalDate.of(2020, 1, 15)).withStrategicAgreement(true));
        assertThat(store.customers().count()).isEqualTo(1);
    }

    /** The amounts are exact: a BigDecimal never passes through a double. */
    @Test
    void amountsKeepEveryDecimal() {
        JdbcStore store = erp(List.of(customer("c-1", "ACME")),
                List.of(purchase("o-1", "c-1", "2026-01-05", "0.000000000000000001"),
                        purchase("o-2", "c-1", "2026-01-06", "12345678901234567890.1")), List.of());

        assertThat(store.facts().find(CustomerId.of("c-1"), FactsQuery.metricsOnly(YEAR)).orElseThrow().metrics()
                .spend().amount()).isEqualByComparingTo(new BigDecimal("12345678901234567890.100000000000000001"));
    }

    private static final CaseId HOSTILE_CASE = CaseId.of("k-'2 投诉");

    /** A case as a TIMESTAMP WITH TIME ZONE gives it back: the same moment, in UTC (PostgreSQL keeps no offset). */
    private static ServiceCase inUtc(ServiceCase serviceCase) {
        return new ServiceCase(serviceCase.id(), serviceCase.customerId(),
                serviceCase.openedAt().withOffsetSameInstant(ZoneOffset.UTC), serviceCase.kind(),
                serviceCase.priority(), serviceCase.cause(), serviceCase.channel());
    }

    /** An event as the ERP's zone-less timestamp gives it back: the same moment, in Berlin's offset then. */
    private static CaseEvent inBerlin(CaseEvent event) {
        return new CaseEvent(event.caseId(), event.occurredAt().atZoneSameInstant(ErpSchema.BERLIN)
                .toOffsetDateTime(), event.type(), event.detail());
    }

    private static List<ServiceCase> cases(JdbcStore store) {
        List<ServiceCase> visited = new ArrayList<>();
        store.cases().forEach(found -> visited.add(inUtc(found)));
        return visited;
    }

    private static OffsetDateTime at(String moment) {
        return OffsetDateTime.parse(moment);
    }

    @Test
    void readsTheErpsComplaintsAndTheirEventsVerbatimThroughTheMapping() {
        ServiceCase hostile = new ServiceCase(HOSTILE_CASE, CustomerId.of("c-'1"),
                at("2026-03-02T09:15:30.123456+08:00"), CaseKind.COMPLAINT, Optional.of(Priority.P2),
                Optional.of(HOSTILE), Optional.of(Channel.WECHAT));
        ServiceCase minimal = ServiceCase.complaint(CaseId.of("k-1"), CustomerId.of("c-1"),
                at("2026-03-03T10:00:00-05:00"));
        ServiceCase inquiry = new ServiceCase(CaseId.of("k-10"), CustomerId.of("c-2"), at("2026-03-30T08:00:00Z"),
                CaseKind.INQUIRY, Optional.of(Priority.P4), Optional.empty(), Optional.of(Channel.PHONE));
        CaseEvent responded = new CaseEvent(CaseId.of("k-1"), at("2026-03-03T10:30:00.000001-05:00"),
                CaseEventType.RESPONDED, Optional.of(HOSTILE));
        CaseEvent resolved = CaseEvent.of(CaseId.of("k-1"), at("2026-03-04T09:00:00-05:00"), CaseEventType.RESOLVED);
        // The same moment: "reopened" sorts before "resolved", the ERP's event numbers keep the order.
        CaseEvent reopened = CaseEvent.of(CaseId.of("k-1"), at("2026-03-04T09:00:00-05:00"), CaseEventType.REOPENED);
        // Across the change to summer time in Berlin (2026-03-29).
        CaseEvent raised = CaseEvent.priorityChanged(CaseId.of("k-1"), at("2026-03-30T10:00:00+08:00"), Priority.P1);
        CaseEvent proposed = new CaseEvent(HOSTILE_CASE, at("2026-03-02T11:00:00+08:00"),
                CaseEventType.SOLUTION_PROPOSED, Optional.of("更换零件; replace O'Brien's \"spare\" part"));
        // Entered late: a higher event number, an earlier moment; the moment decides the order.
        JdbcStore store = ErpSchema.storeHolding(database(), List.of(), List.of(), List.of(), List.of(),
                List.of(minimal, hostile, inquiry), List.of(proposed, resolved, reopened, raised, responded));

        assertThat(cases(store)).containsExactly(inUtc(hostile), inUtc(minimal), inUtc(inquiry));
        assertThat(store.cases().findById(HOSTILE_CASE).map(AbstractErpStoreTest::inUtc)).contains(inUtc(hostile));
        assertThat(store.cases().findById(HOSTILE_CASE).orElseThrow().cause()).contains(HOSTILE);
        assertThat(store.cases().findById(CaseId.of("x-k-1"))).as("an archived ticket").isEmpty();
        assertThat(store.caseEvents().findByCase(CaseId.of("k-1"))).containsExactly(inBerlin(responded),
                inBerlin(resolved), inBerlin(reopened), inBerlin(raised));
        assertThat(store.caseEvents().findByCase(CaseId.of("k-1")).get(3).occurredAt())
                .isEqualTo(at("2026-03-30T04:00:00+02:00"));
        assertThat(store.caseEvents().findByCase(CaseId.of("k-1")).get(0).occurredAt())
                .isEqualTo(at("2026-03-03T16:30:00.000001+01:00"));
        assertThat(store.caseEvents().findByCase(HOSTILE_CASE)).containsExactly(inBerlin(proposed));
        assertThat(store.caseEvents().findByCase(CaseId.of("k-10"))).isEmpty();
        List<CaseEvent> visited = new ArrayList<>();
        store.caseEvents().forEach(visited::add);
        assertThat(visited).containsExactly(inBerlin(proposed), inBerlin(responded), inBerlin(resolved),
                inBerlin(reopened), inBerlin(raised));
    }

    @Test
    void fixedValuesStandInForComplaintColumnsAndAKindLeftOutIsComplaint() {
        ServiceCase inquiry = new ServiceCase(CaseId.of("k-1"), CustomerId.of("c-1"), at("2026-03-02T09:00:00Z"),
                CaseKind.INQUIRY, Optional.of(Priority.P4), Optional.of("billing"), Optional.of(Channel.PHONE));
        ServiceCase complaint = ServiceCase.complaint(CaseId.of("k-2"), CustomerId.of("c-2"),
                at("2026-03-03T09:00:00Z"));
        CaseEvent responded = CaseEvent.of(CaseId.of("k-1"), at("2026-03-02T10:00:00Z"), CaseEventType.RESPONDED);
        CaseEvent closed = new CaseEvent(CaseId.of("k-1"), at("2026-03-02T11:00:00Z"), CaseEventType.CLOSED,
                Optional.of("done"));
        ErpSchema.storeHolding(database(), List.of(), List.of(), List.of(), List.of(), List.of(inquiry, complaint),
                List.of(responded, closed));
        ErpMapping mapping = ErpMapping.builder().timeZone(ErpSchema.BERLIN)
                .entity(EntityMapping.builder(Entity.COMPLAINTS).table("ticket")
                        .column(Field.COMPLAINT_ID, "ticket_no").column(Field.COMPLAINT_CUSTOMER_ID, "partner_no")
                        .column(Field.COMPLAINT_OPENED_AT, "reported_at")
                        .fixed(Field.COMPLAINT_PRIORITY, "p2").fixed(Field.COMPLAINT_CHANNEL, "email")
                        .fixed(Field.COMPLAINT_CAUSE, "洗衣机; O'Brien's")
                        .filter(Filter.equalTo("archived", false)).build())
                .entity(EntityMapping.builder(Entity.COMPLAINT_EVENTS)
                        .query("SELECT ticket_no, logged_at FROM ticket_event WHERE action = 'responded'")
                        .column(Field.COMPLAINT_EVENT_CASE_ID, "ticket_no")
                        .column(Field.COMPLAINT_EVENT_OCCURRED_AT, "logged_at")
                        .fixed(Field.COMPLAINT_EVENT_TYPE, "responded").build())
                .build();
        JdbcStore store = JdbcStore.create(database().dataSource(), mapping);

        assertThat(cases(store)).containsExactly(
                inUtc(new ServiceCase(CaseId.of("k-1"), CustomerId.of("c-1"), at("2026-03-02T09:00:00Z"),
                        CaseKind.COMPLAINT, Optional.of(Priority.P2), Optional.of("洗衣机; O'Brien's"),
                        Optional.of(Channel.EMAIL))),
                inUtc(complaint.withPriority(Priority.P2).withChannel(Channel.EMAIL)
                        .withCause("洗衣机; O'Brien's")));
        assertThat(store.caseEvents().findByCase(CaseId.of("k-1"))).containsExactly(inBerlin(responded));
    }

    @Test
    void aComplaintRowCrmkitDoesNotAcceptNamesTheTable() {
        JdbcStore store = ErpSchema.storeHolding(database(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
        execute("INSERT INTO ticket_event VALUES (1, 'k-1', TIMESTAMP '2026-03-02 10:00:00', 'escalated', NULL)");

        assertThatThrownBy(() -> store.caseEvents().findByCase(CaseId.of("k-1")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("A row of table \"" + stored("ticket_event") + "\" (the complaint_events of the"
                        + " mapping): Unknown case event 'escalated'");
    }

    @Test
    void aComplaintsMappingThatDoesNotFitTheDatabaseNamesEveryProblem() throws SQLException {
        DataSource empty = database().emptyDatabase();
        ErpSchema.create(empty);
        ErpMapping mapping = ErpMapping.parse("""
                complaints:
                  table: ticket
                  columns: {id: ticket_no, customer_id: partner_no, opened_at: opened, priority: archived}
                complaint_events:
                  table: ticket_event
                  columns:
                    case_id: ticket_no
                    occurred_at: logged_at
                    event_type: action
                    sequence_number: note
                """, "erp.yaml");
        String ticketColumns = Stream.of("ticket_no", "partner_no", "reported_at", "ticket_kind", "severity",
                "reason", "via", "archived").map(name -> "\"" + stored(name) + "\"").collect(Collectors.joining(", "));

        assertThatThrownBy(() -> JdbcStore.create(empty, mapping))
                .isInstanceOf(MappingException.class)
                .hasMessage("Invalid mapping, 4 problems:\n"
                        + "  erp.yaml:3: complaints.columns.opened_at: column \"opened\" not found in table \""
                        + stored("ticket") + "\", which has " + ticketColumns + "\n"
                        + "  erp.yaml:3: complaints.columns.priority: column \"" + stored("archived") + "\" of table \""
                        + stored("ticket") + "\" is " + booleanTypeName() + "; priority is read from a text column\n"
                        + "  erp.yaml:8: complaint_events.columns.occurred_at: column \"" + stored("logged_at")
                        + "\" of table \"" + stored("ticket_event") + "\" is TIMESTAMP, a timestamp without time zone;"
                        + " name the mapping's time_zone, the zone its values are local times in\n"
                        + "  erp.yaml:10: complaint_events.columns.sequence_number: column \"" + stored("note")
                        + "\" of table \"" + stored("ticket_event") + "\" is " + varcharTypeName() + "; sequence_number"
                        + " is read from an integer column (INTEGER, BIGINT, or NUMERIC without decimals)");
        assertThat(tables(empty)).doesNotContain(stored("crmkit_schema_history"), stored("crm_case"));
    }

    /** @return how the database names VARCHAR in its metadata */
    abstract String varcharTypeName();

    /**
     * The SLA service reads the ERP's complaints and events through the mapping and decides, and
     * publishes, exactly as over an in-memory store holding the same cases and events.
     */
    @Test
    void theSlaServiceEvaluatesTheErpsComplaintsAsOnTheInMemoryStore() {
        // Wednesday 4 March 2026 in Shanghai, the standard policy's zone; office hours 09:00-18:00.
        // k-1 is responded to in time, resolved and reopened at one moment; k-2 never.
        List<ServiceCase> cases = List.of(
                ServiceCase.complaint(CaseId.of("k-1"), CustomerId.of("c-1"), at("2026-03-04T10:00:00+08:00")),
                ServiceCase.complaint(CaseId.of("k-2"), CustomerId.of("c-2"), at("2026-03-04T11:00:00+08:00")),
                new ServiceCase(CaseId.of("k-3"), CustomerId.of("c-3"), at("2026-03-04T09:30:00+08:00"),
                        CaseKind.INQUIRY, Optional.empty(), Optional.empty(), Optional.of(Channel.EMAIL)));
        List<CaseEvent> events = List.of(
                CaseEvent.of(CaseId.of("k-1"), at("2026-03-04T10:30:00+08:00"), CaseEventType.RESPONDED),
                CaseEvent.of(CaseId.of("k-1"), at("2026-03-04T16:00:00+08:00"), CaseEventType.SOLUTION_PROPOSED),
                CaseEvent.of(CaseId.of("k-1"), at("2026-03-05T10:00:00+08:00"), CaseEventType.RESOLVED),
                CaseEvent.of(CaseId.of("k-1"), at("2026-03-05T10:00:00+08:00"), CaseEventType.REOPENED),
                CaseEvent.of(CaseId.of("k-3"), at("2026-03-04T13:00:00+08:00"), CaseEventType.RESPONDED));
        JdbcStore erp = ErpSchema.storeHolding(database(), List.of(), List.of(), List.of(), List.of(), cases, events);
        InMemoryStore memory = InMemoryStore.create();
        cases.forEach(memory.cases()::save);
        events.forEach(memory.caseEvents()::append);
        Instant asOf = at("2026-03-06T12:00:00+08:00").toInstant();
        Clock clock = Clock.fixed(asOf, ZoneOffset.UTC);
        RecordingEventPublisher fromErp = new RecordingEventPublisher();
        RecordingEventPublisher fromMemory = new RecordingEventPublisher();

        List<CaseSla> overErp = SlaService.of(PolicyLoader.standard(), erp, fromErp, clock).evaluateAllNow();
        List<CaseSla> overMemory = SlaService.of(PolicyLoader.standard(), memory, fromMemory, clock)
                .evaluateAllNow();

        assertThat(overErp).extracting(sla -> sla.serviceCase().id().value()).containsExactly("k-1", "k-2", "k-3");
        assertThat(overErp).extracting(CaseSla::milestones)
                .containsExactlyElementsOf(overMemory.stream().map(CaseSla::milestones).toList());
        assertThat(overErp).extracting(CaseSla::reopenings).containsExactly(1, 0, 0);
        assertThat(overErp.get(1).milestone("first_response").orElseThrow().status())
                .isEqualTo(MilestoneStatus.Status.BREACHED);
        assertThat(overErp.get(0).milestone("first_response").orElseThrow().status())
                .isEqualTo(MilestoneStatus.Status.MET);
        assertThat(fromErp.events(SlaEvent.class)).extracting(SlaEvent::key)
                .containsExactlyElementsOf(fromMemory.events(SlaEvent.class).stream().map(SlaEvent::key).toList())
                .contains("k-2|first_response|0|SlaBreached");
    }

    private static final PurchaseId HOSTILE_ORDER = PurchaseId.of("SO/'7' 订单");

    private static Invoice invoice(String id, String customer, String issued, String due, String amount) {
        return new Invoice(InvoiceId.of(id), CustomerId.of(customer), LocalDate.parse(issued), LocalDate.parse(due),
                Money.of("CNY", amount));
    }

    private static Payment payment(String id, String invoice, String paid, String amount) {
        return new Payment(PaymentId.of(id), InvoiceId.of(invoice), LocalDate.parse(paid), Money.of("CNY", amount));
    }

    @Test
    void readsTheErpsOrderLinesInvoicesAndPaymentsVerbatimThroughTheMapping() {
        OrderLine hostile = new OrderLine(HOSTILE_ORDER, 2, "洗衣机-WM'8\"kg", Optional.of(HOSTILE),
                new BigDecimal("2.5"), Money.of("CNY", "0.000000000000000001"),
                Money.of("CNY", "12345678901234567890.123456789012345678"));
        OrderLine first = OrderLine.of(HOSTILE_ORDER, 1, "p-1", new BigDecimal("3"), Money.of("CNY", "10.00"),
                Money.of("CNY", "27.50"));
        OrderLine returned = OrderLine.of(PurchaseId.of("o-10"), 1, "p-1", new BigDecimal("-1"),
                Money.of("EUR", "10.00"), Money.of("EUR", "-10.00"));
        Invoice billed = invoice("RE/'1' 发票", "c-'1", "2026-03-01", "2026-03-31", "27.50");
        Invoice creditNote = invoice("cn-1", "c-'1", "2026-02-01", "2026-02-01", "-10.00");
        Invoice other = invoice("i-2", "c-2", "2026-01-15", "2026-02-14", "99.00");
        Payment part = payment("ZA/'1' 付款", "RE/'1' 发票", "2026-03-20", "20.00");
        Payment rest = payment("p-2", "RE/'1' 发票", "2026-03-10", "7.50");
        Payment refund = payment("p-3", "cn-1", "2026-02-02", "-10.00");
        JdbcStore store = ErpSchema.storeHolding(database(), List.of(hostile, returned, first),
                List.of(billed, creditNote, other), List.of(part, rest, refund));

        assertThat(store.orderLines().findByOrder(HOSTILE_ORDER)).containsExactly(first, hostile);
        assertThat(store.orderLines().findByOrder(HOSTILE_ORDER).get(1).category()).contains(HOSTILE);
        assertThat(store.orderLines().findByOrder(PurchaseId.of("o-9"))).isEmpty();
        List<OrderLine> lines = new ArrayList<>();
        store.orderLines().forEach(lines::add);
        // "S" (0x53) sorts before "o" (0x6F).
        assertThat(lines).containsExactly(first, hostile, returned);
        assertThat(store.receivables().invoicesOf(CustomerId.of("c-'1"))).containsExactly(creditNote, billed);
        assertThat(store.receivables().paymentsOf(InvoiceId.of("RE/'1' 发票"))).containsExactly(rest, part);
        assertThat(store.receivables().paymentsOf(InvoiceId.of("x-RE/'1' 发票"))).as("a cancelled invoice's")
                .isEmpty();
        List<Invoice> invoices = new ArrayList<>();
        store.receivables().forEachInvoice(invoices::add);
        assertThat(invoices).containsExactly(creditNote, billed, other);
        List<Payment> payments = new ArrayList<>();
        store.receivables().forEachPayment(payments::add);
        assertThat(payments).containsExactly(rest, part, refund);
    }

    @Test
    void refusesToWriteTheErpsOrderLinesInvoicesAndPayments() {
        JdbcStore store = ErpSchema.storeHolding(database(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> store.orderLines().record(OrderLine.of(PurchaseId.of("o-1"), 1, "p-1",
                BigDecimal.ONE, Money.of("CNY", "1"), Money.of("CNY", "1"))))
                .isInstanceOf(ReadOnlyEntityException.class)
                .hasMessage("Could not record line 1 of order 'o-1': the order lines are read from table \""
                        + stored("sales_document_item") + "\" through the mapping, and crmkit does not write the"
                        + " ERP's rows");
        assertThatThrownBy(() -> store.receivables().record(invoice("i-1", "c-1", "2026-03-01", "2026-03-31", "1")))
                .isInstanceOf(ReadOnlyEntityException.class)
                .hasMessage("Could not record invoice 'i-1': the invoices are read from table \""
                        + stored("billing_document") + "\" through the mapping, and crmkit does not write the ERP's"
                        + " rows");
        assertThatThrownBy(() -> store.receivables().record(payment("p-1", "i-1", "2026-03-01", "1")))
                .isInstanceOf(ReadOnlyEntityException.class)
                .hasMessage("Could not record payment 'p-1': the payments are read from table \""
                        + stored("incoming_payment") + "\" through the mapping, and crmkit does not write the ERP's"
                        + " rows");
        assertThat(store.receivables().invoicesOf(CustomerId.of("c-1"))).isEmpty();
    }

    @Test
    void aPaymentWhoseCurrencyColumnIsNullNamesTheTable() {
        JdbcStore store = ErpSchema.storeHolding(database(), List.of(), List.of(),
                List.of(payment("p-1", "i-1", "2026-03-01", "5.00")));
        execute("ALTER TABLE incoming_payment ALTER COLUMN curr DROP NOT NULL");
        execute("UPDATE incoming_payment SET curr = NULL WHERE pay_no = 'p-1'");

        assertThatThrownBy(() -> store.receivables().paymentsOf(InvoiceId.of("i-1")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("A row of table \"" + stored("incoming_payment") + "\" (the payments of the mapping):"
                        + " Payment 'p-1' has no currency (its currency column is NULL)");
    }

    @Test
    void anInvoiceWhoseDueDayIsNullNamesTheTableAndTheValue() {
        JdbcStore store = ErpSchema.storeHolding(database(), List.of(),
                List.of(invoice("i-1", "c-1", "2026-03-01", "2026-03-31", "5.00")), List.of());
        execute("ALTER TABLE billing_document ALTER COLUMN due_at DROP NOT NULL");
        execute("UPDATE billing_document SET due_at = NULL WHERE bill_no = 'i-1'");

        assertThatThrownBy(() -> store.receivables().invoicesOf(CustomerId.of("c-1")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("A row of table \"" + stored("billing_document") + "\" (the invoices of the mapping):"
                        + " a required value is NULL (dueOn)");
    }

    @Test
    void anOrderWhoseCurrencyColumnIsNullNamesTheTableInThePurchaseHistory() {
        JdbcStore store = erp(List.of(customer("c-1", "A")), List.of(purchase("o-1", "c-1", "2026-01-10", "10.00")),
                List.of());
        execute("ALTER TABLE sales_document ALTER COLUMN curr DROP NOT NULL");
        execute("UPDATE sales_document SET curr = NULL WHERE doc_no = 'o-1'");

        assertThatThrownBy(() -> store.purchases().findByCustomer(CustomerId.of("c-1"),
                DateWindow.trailingMonths(12, AS_OF)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("A row of table \"" + stored("sales_document") + "\" (the orders of the mapping):"
                        + " Purchase 'o-1' has no currency (its currency column is NULL)");
    }

    @Test
    void aSalesMappingThatDoesNotFitTheDatabaseNamesEveryProblem() throws SQLException {
        DataSource empty = database().emptyDatabase();
        ErpSchema.create(empty);
        DatabaseExtension.execute(empty, "CREATE TABLE price_line (doc_no VARCHAR(20), pos_no DECIMAL(5, 2),"
                + " article_no INTEGER, qty DOUBLE PRECISION, price NUMERIC(10, 2), line_total NUMERIC(10, 2))");
        ErpMapping mapping = ErpMapping.parse("""
                order_lines:
                  table: price_line
                  columns: {order_id: doc_no, line_number: pos_no, product_id: article_no, quantity: qty,
                            unit_price: price, amount: line_total}
                  fixed: {currency: CNY}
                invoices:
                  table: billing_document
                  columns: {id: bill_no, customer_id: partner_no, issued_on: bill_date, due_on: due_date,
                            amount: gross, currency: curr}
                payments:
                  table: incoming_payments
                  columns: {id: pay_no, invoice_id: bill_no, paid_on: value_date, amount: paid, currency: curr}
                """, "erp.yaml");
        String billingColumns = Stream.of("bill_no", "partner_no", "bill_date", "due_at", "gross", "curr",
                "cancelled").map(name -> "\"" + stored(name) + "\"").collect(Collectors.joining(", "));

        assertThatThrownBy(() -> JdbcStore.create(empty, mapping))
                .isInstanceOf(MappingException.class)
                .hasMessage("Invalid mapping, 4 problems:\n"
                        + "  erp.yaml:3: order_lines.columns.line_number: column \"" + stored("pos_no")
                        + "\" of table \"" + stored("price_line") + "\" is " + decimalTypeName() + "; line_number is"
                        + " read from an integer column (INTEGER, BIGINT, or NUMERIC without decimals)\n"
                        + "  erp.yaml:3: order_lines.columns.quantity: column \"" + stored("qty") + "\" of table \""
                        + stored("price_line") + "\" is " + doubleTypeName() + ", a binary floating-point type;"
                        + " quantity is read only from an exact number (NUMERIC, DECIMAL or an integer)\n"
                        + "  erp.yaml:8: invoices.columns.due_on: column \"due_date\" not found in table \""
                        + stored("billing_document") + "\", which has " + billingColumns + "\n"
                        + "  erp.yaml:11: payments.table: table or view \"incoming_payments\" not found in schema \""
                        + schemaOf(empty) + "\"");
        assertThat(tables(empty)).doesNotContain(stored("crmkit_schema_history"), stored("crm_invoice"));
    }

    /** @return how the database names DECIMAL in its metadata */
    abstract String decimalTypeName();
}

package org.crmkit.examples;

import org.crmkit.rules.tiering.TieringPolicy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.cadence.CadencePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.Customers;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.PurchaseHistory;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.SurveyAnswers;
import org.crmkit.core.port.TierAssignments;
import org.crmkit.examples.SyntheticCustomerBase.Settings;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.AgendaService;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.CustomerBaseSummary;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TieringService;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Every engine that reads the facts port decides the same on a database as in memory: the demo's
 * synthetic base, complaints and surveys included, stored in memory, in H2 and in a real PostgreSQL,
 * analysed as of the same day under the standard policy with the fitted models, tiered, and planned
 * a month of contacts.
 */
class EnginesOnDatabaseTest {
    private static final Policy POLICY = PolicyLoader.standard();
    private static final Settings SETTINGS = Settings.defaults().withCustomers(800);
    private static final LocalDate AS_OF = SETTINGS.asOf();
    private static final SyntheticCustomerBase BASE = SyntheticCustomerBase.generate(SETTINGS);
    /** Tiers are recorded as of the same moment in every store, so that the cadences' rhythms start alike. */
    private static final Clock EVENING_OF_AS_OF = Clock.fixed(
            AS_OF.atTime(20, 0).atZone(POLICY.header().zone()).toInstant(), POLICY.header().zone());

    private static EmbeddedPostgres postgres;
    private static JdbcConnectionPool pool;
    private static JdbcStore onPostgres;
    private static JdbcStore onH2;
    private static InMemoryStore inMemory;

    /** The ports a store has; the three stores under comparison have them all. */
    private record Ports(Customers customers, PurchaseHistory purchases, InteractionLog interactions,
            SurveyAnswers surveys, ServiceCases cases, CaseEventLog caseEvents, CustomerFactsSource facts,
            TierAssignments tiers) {
        static Ports of(InMemoryStore store) {
            return new Ports(store.customers(), store.purchases(), store.interactions(), store.surveys(), store.cases(),
                    store.caseEvents(), store.facts(), store.tierAssignments());
        }

        static Ports of(JdbcStore store) {
            return new Ports(store.customers(), store.purchases(), store.interactions(), store.surveys(), store.cases(),
                    store.caseEvents(), store.facts(), store.tierAssignments());
        }

        void load() {
            BASE.loadInto(customers, purchases, interactions, AS_OF);
            BASE.surveyAnswers().stream().filter(answer -> !answer.answeredAt().toLocalDate().isAfter(AS_OF))
                    .forEach(surveys::record);
            Instant end = AS_OF.plusDays(1).atStartOfDay(POLICY.header().zone()).toInstant();
            BASE.cases().stream().filter(serviceCase -> serviceCase.openedAt().toInstant().isBefore(end))
                    .forEach(serviceCase -> {
                        cases.save(serviceCase);
                        BASE.caseEvents(serviceCase.id()).stream()
                                .filter(event -> event.occurredAt().toInstant().isBefore(end))
                                .forEach(caseEvents::append);
                    });
        }
    }

    @BeforeAll
    static void loadTheBaseEverywhere() throws IOException {
        // A test database: durability costs time here and buys nothing.
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
        // Pooled, as an application's data source is: the ports open a connection per call.
        PGConnectionPoolDataSource connections = new PGConnectionPoolDataSource();
        connections.setURL(postgres.getJdbcUrl("postgres", "postgres"));
        pool = JdbcConnectionPool.create(connections);
        onPostgres = JdbcStore.create(pool);
        onH2 = JdbcStore.h2InMemory("engines-on-database");
        inMemory = InMemoryStore.create();
        Ports.of(inMemory).load();
        Ports.of(onH2).load();
        Ports.of(onPostgres).load();
    }

    @AfterAll
    static void stop() throws IOException {
        onPostgres.close();
        pool.dispose();
        onH2.close();
        postgres.close();
    }

    /** A summary and every assessment, in the order they came. */
    private record Analysed(CustomerBaseSummary summary, List<CustomerAssessment> customers) {
    }

    private static Analysed analyse(Ports ports) {
        List<CustomerAssessment> assessed = new ArrayList<>();
        CustomerBaseSummary summary = CustomerBaseAnalysis.of(POLICY, ClvEstimator.of(POLICY.section(ClvPolicy.class)))
                .analyse(ports.facts(), ports.cases(), ports.caseEvents(), AS_OF, assessed::add);
        return new Analysed(summary, assessed);
    }

    @Test
    void theLifecycleAnalysisIsTheSameOnH2AndPostgresqlAsInMemory() {
        Analysed reference = analyse(Ports.of(inMemory));

        assertThat(reference.customers()).hasSize(reference.summary().customers()).hasSizeGreaterThan(700);
        assertThat(reference.summary().model().get(0)).startsWith("bgnbd fitted on ");
        assertThat(reference.customers()).anySatisfy(customer ->
                assertThat(customer.lifecycle().signals().values()).isNotEmpty());
        for (JdbcStore store : List.of(onH2, onPostgres)) {
            Analysed onDatabase = analyse(Ports.of(store));
            assertThat(onDatabase.customers()).isEqualTo(reference.customers());
            assertThat(onDatabase.summary()).isEqualTo(reference.summary());
        }
    }

    @Test
    void tieringIsTheSameOnH2AndPostgresqlAsInMemory() {
        List<TierDecision> reference = tiers(Ports.of(inMemory));

        assertThat(reference).hasSizeGreaterThan(700);
        assertThat(tiers(Ports.of(onH2))).isEqualTo(reference);
        assertThat(tiers(Ports.of(onPostgres))).isEqualTo(reference);
    }

    @Test
    void theAgendaIsTheSameOnH2AndPostgresqlAsInMemory() {
        Agenda reference = agenda(Ports.of(inMemory));

        assertThat(reference.planned()).hasSizeGreaterThan(100);
        assertThat(agenda(Ports.of(onH2))).isEqualTo(reference);
        assertThat(agenda(Ports.of(onPostgres))).isEqualTo(reference);
    }

    /** The next month's agenda, once the customers' tiers are stored (a rhythm starts when a tier is entered). */
    private static Agenda agenda(Ports ports) {
        tiers(ports);
        LocalDate from = AS_OF.plusDays(1);
        return AgendaService.builder(POLICY.header(), POLICY.find(CadencePolicy.class).orElseThrow(), POLICY.section(TieringPolicy.class).ladder())
                .customers(ports.customers()).facts(ports.facts()).interactions(ports.interactions())
                .tiers(ports.tiers()).cases(ports.cases()).caseEvents(ports.caseEvents()).build()
                .plan(from, from.plusMonths(1).minusDays(1));
    }

    private static List<TierDecision> tiers(Ports ports) {
        List<TierDecision> decisions = new ArrayList<>();
        TieringService.builder(POLICY.header(), POLICY.section(TieringPolicy.class)).facts(ports.facts()).assignments(ports.tiers())
                .events(new RecordingEventPublisher()).clock(EVENING_OF_AS_OF).build()
                .evaluateAll(AS_OF, decisions::add);
        return decisions;
    }
}

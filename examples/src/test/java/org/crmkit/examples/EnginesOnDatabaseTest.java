package org.crmkit.examples;

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
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.port.CrmStore;
import org.crmkit.examples.SyntheticCustomerBase.Settings;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.AgendaService;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.ClvEstimator;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.lifecycle.CustomerBaseAnalysis;
import org.crmkit.rules.lifecycle.CustomerBaseSummary;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.SlaService;
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
 * analysed as of the same day under the standard policy with the fitted models, tiered, checked
 * against the complaint SLAs, and planned a month of contacts; every service is built from the
 * {@link CrmStore} alike.
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

    /** Stores the base as of the day in one store, through its ports. */
    private static void load(CrmStore store) {
        BASE.loadInto(store.customers(), store.purchases(), store.interactions(), AS_OF);
        BASE.surveyAnswers().stream().filter(answer -> !answer.answeredAt().toLocalDate().isAfter(AS_OF))
                .forEach(store.surveys()::record);
        Instant end = AS_OF.plusDays(1).atStartOfDay(POLICY.header().zone()).toInstant();
        BASE.cases().stream().filter(serviceCase -> serviceCase.openedAt().toInstant().isBefore(end))
                .forEach(serviceCase -> {
                    store.cases().save(serviceCase);
                    BASE.caseEvents(serviceCase.id()).stream()
                            .filter(event -> event.occurredAt().toInstant().isBefore(end))
                            .forEach(store.caseEvents()::append);
                });
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
        load(inMemory);
        load(onH2);
        load(onPostgres);
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

    private static Analysed analyse(CrmStore store) {
        List<CustomerAssessment> assessed = new ArrayList<>();
        CustomerBaseSummary summary = CustomerBaseAnalysis.of(POLICY, ClvEstimator.of(POLICY.section(ClvPolicy.class)))
                .analyse(store.facts(), store.cases(), store.caseEvents(), AS_OF, assessed::add);
        return new Analysed(summary, assessed);
    }

    @Test
    void theLifecycleAnalysisIsTheSameOnH2AndPostgresqlAsInMemory() {
        Analysed reference = analyse(inMemory);

        assertThat(reference.customers()).hasSize(reference.summary().customers()).hasSizeGreaterThan(700);
        assertThat(reference.summary().model().get(0)).startsWith("bgnbd fitted on ");
        assertThat(reference.customers()).anySatisfy(customer ->
                assertThat(customer.lifecycle().signals().values()).isNotEmpty());
        for (JdbcStore store : List.of(onH2, onPostgres)) {
            Analysed onDatabase = analyse(store);
            assertThat(onDatabase.customers()).isEqualTo(reference.customers());
            assertThat(onDatabase.summary()).isEqualTo(reference.summary());
        }
    }

    @Test
    void tieringIsTheSameOnH2AndPostgresqlAsInMemory() {
        List<TierDecision> reference = tiers(inMemory);

        assertThat(reference).hasSizeGreaterThan(700);
        assertThat(tiers(onH2)).isEqualTo(reference);
        assertThat(tiers(onPostgres)).isEqualTo(reference);
    }

    @Test
    void theAgendaIsTheSameOnH2AndPostgresqlAsInMemory() {
        Agenda reference = agenda(inMemory);

        assertThat(reference.planned()).hasSizeGreaterThan(100);
        assertThat(agenda(onH2)).isEqualTo(reference);
        assertThat(agenda(onPostgres)).isEqualTo(reference);
    }

    @Test
    void theAgendaOfAPolicyWithAWinBackConditionIsTheSameOnH2AndPostgresqlAsInMemory() {
        // The win-back condition tests metrics: the service then reads the facts port too.
        Policy winBack = PolicyLoader.parse(PolicyLoader.standardText().replace("suppress_marketing_while_complaint_open",
                "win_back: {when: {orders: {eq: 0}}, name: quarterly_win_back, channels: [email, sms],"
                        + " every: 1 quarter, owner: automation, purpose: win_back}\n  suppress_marketing_while_complaint_open"),
                "win-back.yaml");
        Agenda reference = agenda(inMemory, winBack);

        assertThat(reference.planned()).anyMatch(contact -> contact.rule().name().equals("quarterly_win_back"));
        assertThat(agenda(onH2, winBack)).isEqualTo(reference);
        assertThat(agenda(onPostgres, winBack)).isEqualTo(reference);
    }

    /** The next month's agenda, once the customers' tiers are stored (a rhythm starts when a tier is entered). */
    private static Agenda agenda(CrmStore store) {
        return agenda(store, POLICY);
    }

    private static Agenda agenda(CrmStore store, Policy policy) {
        tiers(store);
        LocalDate from = AS_OF.plusDays(1);
        return AgendaService.of(policy, store).plan(from, from.plusMonths(1).minusDays(1));
    }

    private static List<TierDecision> tiers(CrmStore store) {
        List<TierDecision> decisions = new ArrayList<>();
        TieringService.of(POLICY, store, new RecordingEventPublisher(), EVENING_OF_AS_OF).evaluateAll(AS_OF, decisions::add);
        return decisions;
    }

    @Test
    void theSlasAndTheirEventsAreTheSameOnH2AndPostgresqlAsInMemory() {
        Slas reference = slas(inMemory);

        assertThat(reference.cases()).hasSizeGreaterThan(50);
        assertThat(reference.events()).isNotEmpty();
        assertThat(slas(onH2)).isEqualTo(reference);
        assertThat(slas(onPostgres)).isEqualTo(reference);
    }

    /** Every case's SLA at the end of the as-of day, and the events a first run published. */
    private record Slas(List<CaseSla> cases, List<DomainEvent> events) {
    }

    /** Evaluates the SLAs once the customers' tiers are stored (an SLA target may depend on the tier). */
    private static Slas slas(CrmStore store) {
        tiers(store);
        RecordingEventPublisher events = new RecordingEventPublisher();
        List<CaseSla> cases = new ArrayList<>();
        Instant endOfDay = AS_OF.plusDays(1).atStartOfDay(POLICY.header().zone()).toInstant().minusNanos(1);
        SlaService.of(POLICY, store, events, Clock.fixed(endOfDay, POLICY.header().zone())).evaluateAll(endOfDay, cases::add);
        return new Slas(cases, events.events());
    }
}

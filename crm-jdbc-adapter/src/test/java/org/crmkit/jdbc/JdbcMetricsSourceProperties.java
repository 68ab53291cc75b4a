package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.crmkit.core.CrmException;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsCalculator;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;

/**
 * The SQL metrics source gives exactly the snapshots of {@link MetricsCalculator}, on random
 * small data sets whose days and moments crowd around the edges of the window and the quarters,
 * and whose customers' creation days crowd around the as-of day: forEach visits only the
 * customers created on or before it, find answers for all of them.
 */
class JdbcMetricsSourceProperties {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final List<String> CUSTOMER_IDS = List.of("c-1", "c-2", "C-3", "a");
    /** Purchases and interactions may also belong to a customer who is not stored. */
    private static final List<String> OWNER_IDS = List.of("c-1", "c-2", "C-3", "a", "ghost");
    private static final List<String> ZONES = List.of("UTC", "Asia/Shanghai", "America/New_York", "Asia/Kathmandu",
            "Pacific/Chatham", "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London");
    private static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);

    /** A data set and the query to compute snapshots for. */
    record Scenario(MetricsQuery query, List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions) {
    }

    /** What computing one snapshot gave: a snapshot, nothing, or an exception's type and message. */
    record Outcome(Optional<CustomerMetrics> metrics, String failure) {
        static Outcome of(Supplier<Optional<CustomerMetrics>> computation) {
            try {
                return new Outcome(computation.get(), "");
            } catch (CrmException e) {
                return new Outcome(Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    @Property(tries = 60)
    void sqlSnapshotsEqualTheCalculators(@ForAll("scenarios") Scenario scenario) {
        try (JdbcStore store = JdbcStore.h2InMemory("property-" + NEXT.incrementAndGet())) {
            scenario.customers().forEach(store.customers()::save);
            scenario.purchases().forEach(store.purchases()::record);
            scenario.interactions().forEach(store.interactions()::record);
            MetricsQuery query = scenario.query();

            for (Customer customer : scenario.customers()) {
                assertThat(Outcome.of(() -> store.metrics().find(customer.id(), query)))
                        .as("snapshot of %s", customer.id())
                        .isEqualTo(Outcome.of(() -> Optional.of(expected(scenario, customer))));
            }
            assertThat(store.metrics().find(CustomerId.of("ghost"), query)).isEmpty();
            List<Outcome> visited = visitAll(store, query);
            assertThat(visited).isEqualTo(expectedVisit(scenario));
            List<CustomerId> createdLater = scenario.customers().stream()
                    .filter(customer -> customer.createdOn().isAfter(query.asOf()))
                    .map(Customer::id)
                    .toList();
            assertThat(visited.stream().flatMap(outcome -> outcome.metrics().stream()).map(CustomerMetrics::customerId))
                    .as("visited customers created after %s", query.asOf())
                    .filteredOn(createdLater::contains)
                    .isEmpty();
            Statistics.label("customer created after the as-of day").collect(!createdLater.isEmpty());
            Statistics.label("customer created on the as-of day").collect(scenario.customers().stream()
                    .anyMatch(customer -> customer.createdOn().equals(query.asOf())));
        }
    }

    /** The reference: the customer's purchases in port order (day, then id) and interactions. */
    private static CustomerMetrics expected(Scenario scenario, Customer customer) {
        List<Purchase> purchases = scenario.purchases().stream()
                .filter(purchase -> purchase.customerId().equals(customer.id()))
                .sorted(Comparator.comparing(Purchase::orderDate).thenComparing(Purchase::id))
                .toList();
        List<Interaction> interactions = scenario.interactions().stream()
                .filter(interaction -> interaction.customerId().equals(customer.id()))
                .toList();
        return MetricsCalculator.compute(customer, purchases, interactions, scenario.query());
    }

    /** The snapshots forEach hands over, and what it threw, if anything. */
    private static List<Outcome> visitAll(JdbcStore store, MetricsQuery query) {
        List<Outcome> visited = new ArrayList<>();
        Outcome end = Outcome.of(() -> {
            store.metrics().forEach(query, metrics -> visited.add(new Outcome(Optional.of(metrics), "")));
            return Optional.empty();
        });
        visited.add(end);
        return visited;
    }

    /**
     * The customers created on or before the as-of day, in ascending id order until the first
     * one whose snapshot fails.
     */
    private static List<Outcome> expectedVisit(Scenario scenario) {
        List<Outcome> visited = new ArrayList<>();
        List<Customer> inIdOrder = scenario.customers().stream()
                .filter(customer -> !customer.createdOn().isAfter(scenario.query().asOf()))
                .sorted(Comparator.comparing(Customer::id))
                .toList();
        for (Customer customer : inIdOrder) {
            Outcome outcome = Outcome.of(() -> Optional.of(expected(scenario, customer)));
            if (!outcome.failure().isEmpty()) {
                visited.add(outcome);
                return visited;
            }
            visited.add(outcome);
        }
        visited.add(new Outcome(Optional.empty(), ""));
        return visited;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        // Most data sets are in the query's currency only; the others often have several foreign purchases.
        return Combinators.combine(queries(), Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)))
                .as(Tuple::of)
                .flatMap(pair -> scenario(pair.get1(), pair.get2()));
    }

    private static Arbitrary<Scenario> scenario(MetricsQuery query, boolean foreignCurrencies) {
        return Combinators.combine(
                customers(query),
                purchaseDrafts(query, foreignCurrencies).list().ofMaxSize(16),
                interactionDrafts(query).list().ofMaxSize(16)
        ).as((customers, purchases, interactions) -> new Scenario(query, customers, purchases(purchases),
                interactions(interactions)));
    }

    private static Arbitrary<MetricsQuery> queries() {
        Arbitrary<LocalDate> anyDay = Arbitraries.integers().between(0, 3 * 365).map(EPOCH::plusDays);
        Arbitrary<LocalDate> monthEnd = Arbitraries.integers().between(0, 35)
                .map(months -> EPOCH.plusMonths(months).withDayOfMonth(EPOCH.plusMonths(months).lengthOfMonth()));
        Arbitrary<LocalDate> asOfs = Arbitraries.oneOf(anyDay, monthEnd);
        return asOfs.flatMap(asOf -> Combinators.combine(windows(asOf), Arbitraries.of(ZONES))
                .as((window, zone) -> new MetricsQuery(asOf, window, ZoneId.of(zone), Money.currency("CNY"))));
    }

    private static Arbitrary<DateWindow> windows(LocalDate asOf) {
        Arbitrary<DateWindow> trailingMonths = Arbitraries.integers().between(1, 12)
                .map(months -> DateWindow.trailingMonths(months, asOf));
        Arbitrary<DateWindow> trailingDays = Arbitraries.integers().between(1, 400)
                .map(days -> DateWindow.trailingDays(days, asOf));
        Arbitrary<DateWindow> endingEarlier = Combinators.combine(
                        Arbitraries.integers().between(1, 60), Arbitraries.integers().between(1, 200))
                .as((gap, length) -> DateWindow.trailingDays(length, asOf.minusDays(gap)));
        return Arbitraries.oneOf(trailingMonths, trailingDays, endingEarlier);
    }

    /** Customers created long before the as-of day, around it, or after it. */
    private static Arbitrary<List<Customer>> customers(MetricsQuery query) {
        Arbitrary<Integer> createdOffsets = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(-1200, 60)),
                Tuple.of(1, Arbitraries.integers().between(-1, 1)));
        Arbitrary<Customer> customer = Combinators.combine(
                        Arbitraries.of(CUSTOMER_IDS),
                        createdOffsets,
                        Arbitraries.of(true, false))
                .as((id, createdOffset, strategic) -> Customer.of(CustomerId.of(id), "Customer " + id,
                        query.asOf().plusDays(createdOffset)).withStrategicAgreement(strategic));
        return customer.list().ofMinSize(1).ofMaxSize(CUSTOMER_IDS.size()).uniqueElements(Customer::id);
    }

    /** Days near the edges that matter: the window's ends, the quarters' ends and the as-of day. */
    private static Arbitrary<LocalDate> days(MetricsQuery query) {
        List<LocalDate> anchors = new ArrayList<>(List.of(query.asOf(), query.window().start(), query.window().end()));
        for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
            anchors.add(query.quarter(i).start());
            anchors.add(query.quarter(i).end());
        }
        Arbitrary<LocalDate> nearAnEdge = Combinators.combine(Arbitraries.of(anchors), Arbitraries.integers().between(-1, 1))
                .as(LocalDate::plusDays);
        Arbitrary<LocalDate> anywhere = Arbitraries.integers().between(-700, 40).map(query.asOf()::plusDays);
        return Arbitraries.frequencyOf(Tuple.of(3, nearAnEdge), Tuple.of(1, anywhere));
    }

    /** Moments near the window's first and last moments in the query's zone, in random offsets. */
    private static Arbitrary<OffsetDateTime> moments(MetricsQuery query) {
        ZoneId zone = query.zone();
        List<Instant> anchors = List.of(
                query.window().start().atStartOfDay(zone).toInstant(),
                query.window().end().plusDays(1).atStartOfDay(zone).toInstant(),
                query.asOf().atStartOfDay(zone).toInstant());
        long day = 86_400_000_000_000L;
        Arbitrary<Long> nanos = Arbitraries.oneOf(Arbitraries.of(-1L, 0L, 1L, -1_000L, 999L),
                Arbitraries.longs().between(-2 * day, 2 * day));
        Arbitrary<Instant> nearAnEdge = Combinators.combine(Arbitraries.of(anchors), nanos).as(Instant::plusNanos);
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(-400 * day, 10 * day)
                .map(offset -> anchors.get(1).plusNanos(offset));
        Arbitrary<ZoneOffset> offsets = Arbitraries.oneOf(
                Arbitraries.integers().between(-18 * 4, 18 * 4).map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900)),
                Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds));
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(3, nearAnEdge), Tuple.of(1, anywhere)), offsets)
                .as(Instant::atOffset);
    }

    /** A purchase without its id, which the list position gives. */
    record PurchaseDraft(String customer, LocalDate day, Money amount) {
    }

    /** An interaction without its id, which the list position gives. */
    record InteractionDraft(String customer, OffsetDateTime at, InteractionKind kind) {
    }

    private static Arbitrary<PurchaseDraft> purchaseDrafts(MetricsQuery query, boolean foreignCurrencies) {
        Arbitrary<String> currencies = foreignCurrencies
                ? Arbitraries.frequency(Tuple.of(2, "CNY"), Tuple.of(1, "USD"), Tuple.of(1, "EUR"))
                : Arbitraries.just("CNY");
        Arbitrary<Money> amounts = Combinators.combine(
                        Arbitraries.integers().between(0, 4).flatMap(scale -> Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(scale)),
                        currencies)
                .as((amount, currency) -> Money.of(currency, amount));
        return Combinators.combine(Arbitraries.of(OWNER_IDS), days(query), amounts).as(PurchaseDraft::new);
    }

    private static Arbitrary<InteractionDraft> interactionDrafts(MetricsQuery query) {
        Arbitrary<InteractionKind> kinds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(InteractionKind.INQUIRY)), Tuple.of(1, Arbitraries.of(InteractionKind.class)));
        return Combinators.combine(Arbitraries.of(OWNER_IDS), moments(query), kinds).as(InteractionDraft::new);
    }

    private static List<Purchase> purchases(List<PurchaseDraft> drafts) {
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            PurchaseDraft draft = drafts.get(i);
            purchases.add(Purchase.of(PurchaseId.of("o-" + i), CustomerId.of(draft.customer()), draft.day(),
                    draft.amount()));
        }
        return purchases;
    }

    private static List<Interaction> interactions(List<InteractionDraft> drafts) {
        List<Interaction> interactions = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            InteractionDraft draft = drafts.get(i);
            interactions.add(Interaction.of(InteractionId.of("i-" + i), CustomerId.of(draft.customer()), draft.at(),
                    Channel.PHONE, draft.kind()));
        }
        return interactions;
    }
}

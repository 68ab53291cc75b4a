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
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

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

    @Test
    void sqlSnapshotsEqualTheCalculators() {
        Property.forAll(scenarios()).tries(60).check(scenario -> {
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
                assertThat(visited.stream().flatMap(outcome -> outcome.metrics().stream())
                        .map(CustomerMetrics::customerId))
                        .as("visited customers created after %s", query.asOf())
                        .filteredOn(createdLater::contains)
                        .isEmpty();
                Property.classify("customer created after the as-of day", !createdLater.isEmpty());
                Property.classify("customer created on the as-of day", scenario.customers().stream()
                        .anyMatch(customer -> customer.createdOn().equals(query.asOf())));
            }
        });
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

    static Gen<Scenario> scenarios() {
        // Most data sets are in the query's currency only; the others often have several foreign purchases.
        Gen<MetricsQuery> queries = queries();
        Gen<Boolean> foreign = Gens.frequency(Gens.weighted(3, Gens.constant(false)),
                Gens.weighted(1, Gens.constant(true)));
        return source -> {
            MetricsQuery query = queries.generate(source);
            boolean foreignCurrencies = foreign.generate(source);
            return scenario(query, foreignCurrencies).generate(source);
        };
    }

    private static Gen<Scenario> scenario(MetricsQuery query, boolean foreignCurrencies) {
        Gen<List<Customer>> customers = customers(query);
        Gen<List<PurchaseDraft>> purchases = purchaseDrafts(query, foreignCurrencies).list(0, 16);
        Gen<List<InteractionDraft>> interactions = interactionDrafts(query).list(0, 16);
        return source -> {
            List<Customer> stored = customers.generate(source);
            List<PurchaseDraft> purchaseDrafts = purchases.generate(source);
            List<InteractionDraft> interactionDrafts = interactions.generate(source);
            return new Scenario(query, stored, purchases(purchaseDrafts), interactions(interactionDrafts));
        };
    }

    private static Gen<MetricsQuery> queries() {
        Gen<LocalDate> anyDay = Gens.integers(0, 3 * 365).map(EPOCH::plusDays);
        Gen<LocalDate> monthEnd = Gens.integers(0, 35)
                .map(months -> EPOCH.plusMonths(months).withDayOfMonth(EPOCH.plusMonths(months).lengthOfMonth()));
        Gen<LocalDate> asOfs = Gens.oneOf(anyDay, monthEnd);
        Gen<String> zones = Gens.of(ZONES);
        return asOfs.flatMap(asOf -> {
            Gen<DateWindow> windows = windows(asOf);
            return source -> {
                DateWindow window = windows.generate(source);
                String zone = zones.generate(source);
                return new MetricsQuery(asOf, window, ZoneId.of(zone), Money.currency("CNY"));
            };
        });
    }

    private static Gen<DateWindow> windows(LocalDate asOf) {
        Gen<DateWindow> trailingMonths = Gens.integers(1, 12)
                .map(months -> DateWindow.trailingMonths(months, asOf));
        Gen<DateWindow> trailingDays = Gens.integers(1, 400)
                .map(days -> DateWindow.trailingDays(days, asOf));
        Gen<Integer> gaps = Gens.integers(1, 60);
        Gen<Integer> lengths = Gens.integers(1, 200);
        Gen<DateWindow> endingEarlier = source -> {
            int gap = gaps.generate(source);
            int length = lengths.generate(source);
            return DateWindow.trailingDays(length, asOf.minusDays(gap));
        };
        return Gens.oneOf(trailingMonths, trailingDays, endingEarlier);
    }

    /** Customers created long before the as-of day, around it, or after it. */
    private static Gen<List<Customer>> customers(MetricsQuery query) {
        Gen<Integer> createdOffsets = Gens.frequency(
                Gens.weighted(2, Gens.integers(-1200, 60)),
                Gens.weighted(1, Gens.integers(-1, 1)));
        Gen<String> ids = Gens.of(CUSTOMER_IDS);
        Gen<Boolean> strategics = Gens.booleans();
        Gen<Customer> customer = source -> {
            String id = ids.generate(source);
            int createdOffset = createdOffsets.generate(source);
            boolean strategic = strategics.generate(source);
            return Customer.of(CustomerId.of(id), "Customer " + id, query.asOf().plusDays(createdOffset))
                    .withStrategicAgreement(strategic);
        };
        return customer.uniqueList(1, CUSTOMER_IDS.size(), Customer::id);
    }

    /** Days near the edges that matter: the window's ends, the quarters' ends and the as-of day. */
    private static Gen<LocalDate> days(MetricsQuery query) {
        List<LocalDate> anchors = new ArrayList<>(List.of(query.asOf(), query.window().start(), query.window().end()));
        for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
            anchors.add(query.quarter(i).start());
            anchors.add(query.quarter(i).end());
        }
        Gen<LocalDate> anchorDays = Gens.of(anchors);
        Gen<Integer> shifts = Gens.integers(-1, 1);
        Gen<LocalDate> nearAnEdge = source -> anchorDays.generate(source).plusDays(shifts.generate(source));
        Gen<LocalDate> anywhere = Gens.integers(-700, 40).map(query.asOf()::plusDays);
        return Gens.frequency(Gens.weighted(3, nearAnEdge), Gens.weighted(1, anywhere));
    }

    /** Moments near the window's first and last moments in the query's zone, in random offsets. */
    private static Gen<OffsetDateTime> moments(MetricsQuery query) {
        ZoneId zone = query.zone();
        List<Instant> anchors = List.of(
                query.window().start().atStartOfDay(zone).toInstant(),
                query.window().end().plusDays(1).atStartOfDay(zone).toInstant(),
                query.asOf().atStartOfDay(zone).toInstant());
        long day = 86_400_000_000_000L;
        Gen<Long> nanos = Gens.oneOf(Gens.of(-1L, 0L, 1L, -1_000L, 999L),
                Gens.longs(-2 * day, 2 * day));
        Gen<Instant> anchorMoments = Gens.of(anchors);
        Gen<Instant> nearAnEdge = source -> anchorMoments.generate(source).plusNanos(nanos.generate(source));
        Gen<Instant> anywhere = Gens.longs(-400 * day, 10 * day)
                .map(offset -> anchors.get(1).plusNanos(offset));
        Gen<ZoneOffset> offsets = Gens.oneOf(
                Gens.integers(-18 * 4, 18 * 4).map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900)),
                Gens.integers(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds));
        Gen<Instant> instants = Gens.frequency(Gens.weighted(3, nearAnEdge), Gens.weighted(1, anywhere));
        return source -> {
            Instant instant = instants.generate(source);
            ZoneOffset offset = offsets.generate(source);
            return instant.atOffset(offset);
        };
    }

    /** A purchase without its id, which the list position gives. */
    record PurchaseDraft(String customer, LocalDate day, Money amount) {
    }

    /** An interaction without its id, which the list position gives. */
    record InteractionDraft(String customer, OffsetDateTime at, InteractionKind kind) {
    }

    private static Gen<PurchaseDraft> purchaseDrafts(MetricsQuery query, boolean foreignCurrencies) {
        Gen<String> currencies = foreignCurrencies
                ? Gens.frequency(Gens.weighted(2, Gens.constant("CNY")), Gens.weighted(1, Gens.constant("USD")),
                        Gens.weighted(1, Gens.constant("EUR")))
                : Gens.constant("CNY");
        Gen<BigDecimal> plainAmounts = Gens.integers(0, 4)
                .flatMap(scale -> Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("100000"), scale));
        Gen<Money> amounts = source -> {
            BigDecimal amount = plainAmounts.generate(source);
            String currency = currencies.generate(source);
            return Money.of(currency, amount);
        };
        Gen<String> owners = Gens.of(OWNER_IDS);
        Gen<LocalDate> days = days(query);
        return source -> {
            String owner = owners.generate(source);
            LocalDate day = days.generate(source);
            Money amount = amounts.generate(source);
            return new PurchaseDraft(owner, day, amount);
        };
    }

    private static Gen<InteractionDraft> interactionDrafts(MetricsQuery query) {
        Gen<InteractionKind> kinds = Gens.frequency(
                Gens.weighted(3, Gens.constant(InteractionKind.INQUIRY)),
                Gens.weighted(1, Gens.of(InteractionKind.class)));
        Gen<String> owners = Gens.of(OWNER_IDS);
        Gen<OffsetDateTime> moments = moments(query);
        return source -> {
            String owner = owners.generate(source);
            OffsetDateTime at = moments.generate(source);
            InteractionKind kind = kinds.generate(source);
            return new InteractionDraft(owner, at, kind);
        };
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

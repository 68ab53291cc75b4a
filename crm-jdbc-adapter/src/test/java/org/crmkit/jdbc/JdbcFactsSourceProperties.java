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
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.CrmException;
import org.crmkit.core.facts.ActivityFacts;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsCalculator;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.memory.InMemoryExchangeRateTable;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ExchangeRate;
import org.crmkit.core.model.FixedExchangeRates;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.ExchangeRates;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

/**
 * The SQL facts source gives exactly the facts of {@link FactsCalculator}, on random small data
 * sets whose days and moments crowd around the edges of the window, its halves and the quarters,
 * and whose customers' creation days crowd around the as-of day: forEach visits only the customers
 * created on or before it, find answers for all of them. Every group of facts is asked for in some
 * tries and left out in others; also in ranges of two customers, so that range boundaries fall
 * between customers, records of unknown customers and customers created later. Here on H2; {@link PostgresFactsSourceProperties} runs the same
 * property on PostgreSQL.
 */
class JdbcFactsSourceProperties {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final List<String> CUSTOMER_IDS = List.of("c-1", "c-2", "C-3", "a");
    /** Records may also belong to a customer who is not stored. */
    private static final List<String> OWNER_IDS = List.of("c-1", "c-2", "C-3", "a", "ghost");
    private static final List<String> ZONES = List.of("UTC", "Asia/Shanghai", "America/New_York", "Asia/Kathmandu",
            "Pacific/Chatham", "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London");
    private static final List<String> CATEGORIES = List.of("Maintenance", "MAINTENANCE", "training", "Parts");
    private static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);

    /**
     * Where a try's exchange rates come from: none; fixed rates in the query; a rate table held in
     * memory, which SQL lists as VALUES; or the store's own {@code crm_exchange_rate}, joined.
     */
    enum RateSource { NONE, FIXED, LISTED, STORED }

    /**
     * A data set and the query to compute facts for; for rates {@link RateSource#STORED}, the
     * query holds the rates in memory, for the reference, and SQL reads them from the store.
     */
    record Scenario(FactsQuery query, List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, List<SurveyAnswer> surveys, RateSource rateSource,
            List<ExchangeRate> rates) {
        Scenario(FactsQuery query, List<Customer> customers, List<Purchase> purchases,
                List<Interaction> interactions, List<SurveyAnswer> surveys) {
            this(query, customers, purchases, interactions, surveys, RateSource.NONE, List.of());
        }

        /** The query for the store: with the store's rate table where the rates are stored. */
        FactsQuery queryOn(JdbcStore store) {
            if (rateSource != RateSource.STORED) {
                return query;
            }
            return new FactsQuery(query.metrics().withExchangeRates(store.exchangeRates()), query.groups(),
                    query.valueAddedCategories());
        }
    }

    /** What computing one customer's facts gave: facts, nothing, or an exception's type and message. */
    record Outcome(Optional<CustomerFacts> facts, String failure) {
        static Outcome of(Supplier<Optional<CustomerFacts>> computation) {
            try {
                return new Outcome(computation.get(), "");
            } catch (CrmException e) {
                return new Outcome(Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    /** Where a try's data goes: a store holding exactly the scenario, and what to do with it after. */
    interface Stores {
        /**
         * @return an empty, migrated store for one try
         */
        JdbcStore empty();

        /**
         * Ends a try with a store from {@link #empty()}.
         *
         * @param store the store
         */
        void release(JdbcStore store);

        /**
         * The facts source under test.
         *
         * @param store a store from {@link #empty()}
         * @return its facts source
         */
        default CustomerFactsSource facts(JdbcStore store) {
            return store.facts();
        }
    }

    @Test
    void sqlFactsEqualTheCalculatorsOnH2() {
        check(60, inMemory(JdbcStore::facts));
    }

    @Test
    void sqlFactsInRangesOfTwoCustomersEqualTheCalculatorsOnH2() {
        check(60, inMemory(store -> store.factsInRangesOf(2)));
    }

    /** A private H2 in-memory database for every try. */
    private static Stores inMemory(Function<JdbcStore, CustomerFactsSource> facts) {
        return new Stores() {
            @Override
            public JdbcStore empty() {
                return JdbcStore.h2InMemory("property-" + NEXT.incrementAndGet());
            }

            @Override
            public void release(JdbcStore store) {
                store.close();
            }

            @Override
            public CustomerFactsSource facts(JdbcStore store) {
                return facts.apply(store);
            }
        };
    }

    static void check(int tries, Stores stores) {
        Property.forAll(scenarios()).tries(tries)
                .cover("a purchase converted", 5)
                .cover("a customer without a rate for a purchase's day", 2)
                .check(scenario -> {
            JdbcStore store = stores.empty();
            try {
                scenario.customers().forEach(store.customers()::save);
                scenario.purchases().forEach(store.purchases()::record);
                scenario.interactions().forEach(store.interactions()::record);
                scenario.surveys().forEach(store.surveys()::record);
                if (scenario.rateSource() == RateSource.STORED) {
                    scenario.rates().forEach(store.exchangeRates()::record);
                }
                FactsQuery query = scenario.queryOn(store);
                CustomerFactsSource facts = stores.facts(store);

                for (Customer customer : scenario.customers()) {
                    assertThat(Outcome.of(() -> facts.find(customer.id(), query)))
                            .as("facts of %s", customer.id())
                            .isEqualTo(Outcome.of(() -> Optional.of(expected(scenario, customer))));
                }
                assertThat(facts.find(CustomerId.of("ghost"), query)).isEmpty();
                List<Outcome> visited = visitAll(facts, query);
                assertThat(visited).isEqualTo(expectedVisit(scenario));
                List<CustomerId> createdLater = scenario.customers().stream()
                        .filter(customer -> customer.createdOn().isAfter(query.metrics().asOf()))
                        .map(Customer::id)
                        .toList();
                assertThat(visited.stream().flatMap(outcome -> outcome.facts().stream())
                        .map(CustomerFacts::customerId))
                        .as("visited customers created after %s", query.metrics().asOf())
                        .filteredOn(createdLater::contains)
                        .isEmpty();
                Property.classify("customer created after the as-of day", !createdLater.isEmpty());
                Property.classify("every group asked for", query.groups().size() == FactGroup.values().length);
                Property.classify("a customer without a rate for a purchase's day", visited.stream()
                        .anyMatch(outcome -> outcome.failure().contains(": no exchange rate from ")));
                Property.classify("a purchase converted", scenario.rateSource() != RateSource.NONE
                        && scenario.purchases().stream().anyMatch(purchase -> !purchase.amount().currency()
                                .equals(query.metrics().currency()) && scenario.query().metrics().exchangeRates()
                                .rate(purchase.amount().currency(), query.metrics().currency(), purchase.orderDate())
                                .isPresent()));
            } finally {
                stores.release(store);
            }
        });
    }

    /** The reference: the customer's records in port order (purchases by day, then id). */
    private static CustomerFacts expected(Scenario scenario, Customer customer) {
        List<Purchase> purchases = scenario.purchases().stream()
                .filter(purchase -> purchase.customerId().equals(customer.id()))
                .sorted(Comparator.comparing(Purchase::orderDate).thenComparing(Purchase::id))
                .toList();
        List<Interaction> interactions = scenario.interactions().stream()
                .filter(interaction -> interaction.customerId().equals(customer.id()))
                .toList();
        List<SurveyAnswer> surveys = scenario.surveys().stream()
                .filter(answer -> answer.customerId().equals(customer.id()))
                .toList();
        return FactsCalculator.compute(customer, purchases, interactions, surveys, scenario.query());
    }

    /** The facts forEach hands over, and what it threw, if anything. */
    private static List<Outcome> visitAll(CustomerFactsSource source, FactsQuery query) {
        List<Outcome> visited = new ArrayList<>();
        Outcome end = Outcome.of(() -> {
            source.forEach(query, facts -> visited.add(new Outcome(Optional.of(facts), "")));
            return Optional.empty();
        });
        visited.add(end);
        return visited;
    }

    /**
     * The customers created on or before the as-of day, in ascending id order until the first
     * one whose facts fail.
     */
    private static List<Outcome> expectedVisit(Scenario scenario) {
        List<Outcome> visited = new ArrayList<>();
        List<Customer> inIdOrder = scenario.customers().stream()
                .filter(customer -> !customer.createdOn().isAfter(scenario.query().metrics().asOf()))
                .sorted(Comparator.comparing(Customer::id))
                .toList();
        for (Customer customer : inIdOrder) {
            Outcome outcome = Outcome.of(() -> Optional.of(expected(scenario, customer)));
            visited.add(outcome);
            if (!outcome.failure().isEmpty()) {
                return visited;
            }
        }
        visited.add(new Outcome(Optional.empty(), ""));
        return visited;
    }

    static Gen<Scenario> scenarios() {
        // Most data sets are in the query's currency only; the others often have several foreign
        // purchases, and mostly exchange rates that convert some of them.
        Gen<FactsQuery> queries = queries();
        Gen<Boolean> foreign = Gens.frequency(Gens.weighted(2, Gens.constant(false)),
                Gens.weighted(1, Gens.constant(true)));
        Gen<RateSource> rateSources = Gens.frequency(Gens.weighted(1, Gens.constant(RateSource.NONE)),
                Gens.weighted(2, Gens.constant(RateSource.FIXED)), Gens.weighted(2, Gens.constant(RateSource.LISTED)),
                Gens.weighted(3, Gens.constant(RateSource.STORED)));
        return source -> {
            FactsQuery query = queries.generate(source);
            boolean foreignCurrencies = foreign.generate(source);
            Scenario scenario = scenario(query, foreignCurrencies).generate(source);
            RateSource rateSource = foreignCurrencies ? rateSources.generate(source) : RateSource.NONE;
            return withRates(scenario, rateSource, source);
        };
    }

    /** The scenario converting through rates of the source given, some currencies and days without one. */
    private static Scenario withRates(Scenario scenario, RateSource rateSource, org.crmkit.proptest.Source source) {
        MetricsQuery metrics = scenario.query().metrics();
        Currency into = metrics.currency();
        // Rates that make ties of half a cent common, and any others.
        Gen<BigDecimal> rates = Gens.oneOf(Gens.of("0.5", "0.25", "0.125", "1.5", "7.1", "0.0481").map(BigDecimal::new),
                Gens.integers(0, 6).flatMap(scale -> Gens.bigDecimals(new BigDecimal("0.000001"), new BigDecimal("200"),
                        scale)).map(rate -> rate.signum() == 0 ? BigDecimal.ONE : rate));
        ExchangeRates exchangeRates;
        List<ExchangeRate> rows = List.of();
        switch (rateSource) {
            case NONE -> exchangeRates = ExchangeRates.none();
            case FIXED -> {
                Map<Currency, BigDecimal> fixed = new HashMap<>();
                for (String currency : Gens.of("USD", "EUR", "JPY").uniqueList(0, 3, code -> code).generate(source)) {
                    fixed.put(Money.currency(currency), rates.generate(source));
                }
                exchangeRates = new FixedExchangeRates(into, fixed);
            }
            default -> {
                Gen<LocalDate> days = days(metrics);
                // Mostly rates into the query's currency; some into another, which must be left alone.
                Gen<Currency> targets = Gens.frequency(Gens.weighted(6, Gens.constant(into)),
                        Gens.weighted(1, Gens.constant(Money.currency("GBP"))));
                Gen<String> currencies = Gens.of("USD", "EUR", "JPY");
                Gen<ExchangeRate> row = inner -> new ExchangeRate(Money.currency(currencies.generate(inner)),
                        targets.generate(inner), days.generate(inner), rates.generate(inner));
                rows = row.uniqueList(0, 8, rate -> rate.currency() + ">" + rate.into() + "@" + rate.validFrom())
                        .generate(source);
                exchangeRates = InMemoryExchangeRateTable.of(rows);
            }
        }
        FactsQuery query = new FactsQuery(metrics.withExchangeRates(exchangeRates), scenario.query().groups(),
                scenario.query().valueAddedCategories());
        return new Scenario(query, scenario.customers(), scenario.purchases(), scenario.interactions(),
                scenario.surveys(), rateSource, rows);
    }

    private static Gen<Scenario> scenario(FactsQuery facts, boolean foreignCurrencies) {
        MetricsQuery query = facts.metrics();
        Gen<List<Customer>> customers = customers(query);
        Gen<List<PurchaseDraft>> purchases = purchaseDrafts(query, foreignCurrencies).list(0, 16);
        Gen<List<InteractionDraft>> interactions = interactionDrafts(query).list(0, 16);
        // A customer answers at most once at a moment: the ports refuse a second answer.
        Gen<List<SurveyAnswer>> surveys = surveys(query).uniqueList(0, 10,
                answer -> answer.customerId() + "@" + answer.answeredAt().toInstant());
        return source -> {
            List<Customer> stored = customers.generate(source);
            List<PurchaseDraft> purchaseDrafts = purchases.generate(source);
            List<InteractionDraft> interactionDrafts = interactions.generate(source);
            List<SurveyAnswer> answers = surveys.generate(source);
            return new Scenario(facts, stored, purchases(purchaseDrafts), interactions(interactionDrafts), answers);
        };
    }

    /** Metrics alone, every group, or one of them; value-added categories from none to all. */
    private static Gen<FactsQuery> queries() {
        Gen<MetricsQuery> metrics = metricsQueries();
        Gen<Set<FactGroup>> groups = Gens.frequency(
                Gens.weighted(1, Gens.constant(Set.<FactGroup>of())),
                Gens.weighted(2, Gens.constant(EnumSet.allOf(FactGroup.class))),
                Gens.weighted(1, Gens.of(FactGroup.class).map(EnumSet::of)));
        Gen<List<String>> valueAdded = Gens.of("maintenance", "Training", "parts").uniqueList(0, 3, category -> category);
        return source -> new FactsQuery(metrics.generate(source), groups.generate(source),
                Set.copyOf(valueAdded.generate(source)));
    }

    private static Gen<MetricsQuery> metricsQueries() {
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
        List<LocalDate> anchors = new ArrayList<>(List.of(query.asOf(), query.window().start(), query.window().end(),
                ActivityFacts.laterHalfStart(query.window())));
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
                query.asOf().atStartOfDay(zone).toInstant(),
                query.asOf().plusDays(1).atStartOfDay(zone).toInstant());
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
    record PurchaseDraft(String customer, LocalDate day, Money amount, Optional<String> category) {
    }

    /** An interaction without its id, which the list position gives. */
    record InteractionDraft(String customer, OffsetDateTime at, InteractionKind kind, Optional<String> outcome) {
    }

    private static Gen<PurchaseDraft> purchaseDrafts(MetricsQuery query, boolean foreignCurrencies) {
        Gen<String> currencies = foreignCurrencies
                ? Gens.frequency(Gens.weighted(3, Gens.constant("CNY")), Gens.weighted(2, Gens.constant("USD")),
                        Gens.weighted(1, Gens.constant("EUR")), Gens.weighted(1, Gens.constant("JPY")))
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
        Gen<Optional<String>> categories = Gens.of(CATEGORIES).optional(0.7);
        return source -> {
            String owner = owners.generate(source);
            LocalDate day = days.generate(source);
            Money amount = amounts.generate(source);
            Optional<String> category = categories.generate(source);
            return new PurchaseDraft(owner, day, amount, category);
        };
    }

    private static Gen<InteractionDraft> interactionDrafts(MetricsQuery query) {
        Gen<InteractionKind> kinds = Gens.frequency(
                Gens.weighted(3, Gens.constant(InteractionKind.INQUIRY)),
                Gens.weighted(2, Gens.of(InteractionKind.MEETING, InteractionKind.REFERRAL, InteractionKind.EVENT,
                        InteractionKind.TRIAL)),
                Gens.weighted(1, Gens.of(InteractionKind.class)));
        Gen<Optional<String>> outcomes = Gens.of("joint_planning", "Joint_Planning", "follow-up").optional(0.7);
        Gen<String> owners = Gens.of(OWNER_IDS);
        Gen<OffsetDateTime> moments = moments(query);
        return source -> {
            String owner = owners.generate(source);
            OffsetDateTime at = moments.generate(source);
            InteractionKind kind = kinds.generate(source);
            Optional<String> outcome = outcomes.generate(source);
            return new InteractionDraft(owner, at, kind, outcome);
        };
    }

    /** Answers around the window's edges and the end of the as-of day, with a CSAT, an NPS or both. */
    private static Gen<SurveyAnswer> surveys(MetricsQuery query) {
        Gen<String> owners = Gens.of(OWNER_IDS);
        Gen<OffsetDateTime> moments = moments(query);
        Gen<Integer> csats = Gens.integers(1, 5);
        Gen<Integer> npss = Gens.integers(0, 10);
        Gen<Integer> scored = Gens.integers(0, 2);
        return source -> {
            String owner = owners.generate(source);
            OffsetDateTime at = moments.generate(source);
            int which = scored.generate(source);
            OptionalInt csat = which != 1 ? OptionalInt.of(csats.generate(source)) : OptionalInt.empty();
            OptionalInt nps = which != 0 ? OptionalInt.of(npss.generate(source)) : OptionalInt.empty();
            return new SurveyAnswer(CustomerId.of(owner), at, csat, nps);
        };
    }

    private static List<Purchase> purchases(List<PurchaseDraft> drafts) {
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            PurchaseDraft draft = drafts.get(i);
            purchases.add(new Purchase(PurchaseId.of("o-" + i), CustomerId.of(draft.customer()), draft.day(),
                    draft.amount(), draft.category(), Optional.empty()));
        }
        return purchases;
    }

    private static List<Interaction> interactions(List<InteractionDraft> drafts) {
        List<Interaction> interactions = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            InteractionDraft draft = drafts.get(i);
            interactions.add(new Interaction(InteractionId.of("i-" + i), CustomerId.of(draft.customer()), draft.at(),
                    Channel.PHONE, draft.kind(), Optional.empty(), draft.outcome()));
        }
        return interactions;
    }
}

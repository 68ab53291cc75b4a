package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.crmkit.core.facts.ActivityFacts;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsCalculator;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.FixedExchangeRates;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.proptest.Source;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.PurchaseSummaries;
import org.crmkit.rules.clv.PurchaseSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvFactsSource} gives every customer the facts {@link FactsCalculator}, the reference
 * definition, computes from the same records: random customers, orders and interactions, crowded at
 * the edges of the window, of the rolling quarters and of the as-of day, in zones with daylight
 * saving and odd offsets, in currencies with 0, 2 and 3 decimals and amounts up to a trillion with
 * as many decimals as the currency or more zeros, written as CSV files. For every group of facts, orders come with categories in
 * any case (sometimes more than 64 of them), interactions with outcomes, survey answers with CSAT
 * and NPS scores at the window's and the as-of day's first and last moments, and the window's later
 * half gets its edge too; a source of orders alone gives the summaries the purchase models read.
 */
class CsvFactsSourceProperties {
    private static final List<String> IDS = List.of("c-1", "c-2", "C-10", "é-7", "z", "c 3", "中文客户",
            "a-customer-id-longer-than-sixteen-chars", "a-customer-id-longer-than-sixteen-chart", "0");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Chatham"));
    private static final List<Currency> CURRENCIES = List.of(Money.currency("CNY"), Money.currency("JPY"),
            Money.currency("BHD"));

    @TempDir
    Path dir;

    /** A generated case: the query and the records. */
    private record Case(MetricsQuery query, List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions) {
    }

    private static Gen<MetricsQuery> queries() {
        Gen<LocalDate> asOf = Gens.oneOf(Gens.of(LocalDate.of(2026, 3, 31), LocalDate.of(2024, 2, 29),
                LocalDate.of(2025, 3, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 5, 31)),
                Gens.dates(LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31)));
        return source -> {
            LocalDate day = asOf.generate(source);
            DateWindow window = Gens.booleans().generate(source)
                    ? DateWindow.trailingMonths(Gens.of(12, 1, 6).generate(source), day)
                    : DateWindow.trailingDays(Gens.of(365, 30, 1).generate(source), day);
            return new MetricsQuery(day, window, Gens.of(ZONES).generate(source), Gens.of(CURRENCIES).generate(source));
        };
    }

    /** A day near the edges that matter, or anywhere around the window. */
    private static LocalDate day(MetricsQuery query, Source source) {
        List<LocalDate> edges = new ArrayList<>(List.of(query.window().start(), query.window().end(), query.asOf()));
        for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
            edges.add(query.quarter(i).start());
            edges.add(query.quarter(i).end());
        }
        LocalDate edge = Gens.of(edges).generate(source);
        return Gens.frequency(Gens.weighted(3, Gens.constant(edge)),
                Gens.weighted(2, Gens.of(edge.minusDays(1), edge.plusDays(1))),
                Gens.weighted(2, Gens.dates(query.window().start().minusYears(1), query.asOf().plusMonths(2))))
                .generate(source);
    }

    /** Amounts an orders file may hold in the currency: up to a trillion, no more decimals than its own. */
    private static Gen<BigDecimal> amounts(Currency currency) {
        int decimals = currency.getDefaultFractionDigits();
        return Gens.frequency(
                Gens.weighted(6, Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("200000"), decimals)),
                Gens.weighted(2, Gens.bigDecimals(BigDecimal.ZERO, BigDecimal.TEN, decimals)),
                Gens.weighted(1, Gens.of(Stream.of("0", "0.000", "100", "1000000000000", "999999999999.999", "5.10",
                        "7.0000").map(BigDecimal::new).filter(edge -> edge.stripTrailingZeros().scale() <= decimals)
                        .toList())));
    }

    private static Gen<Case> cases() {
        return source -> {
            MetricsQuery query = queries().generate(source);
            List<String> ids = Gens.of(IDS).uniqueList(1, 6, id -> id).generate(source);
            List<Customer> customers = new ArrayList<>();
            for (String id : ids) {
                LocalDate created = Gens.frequency(Gens.weighted(4, Gens.dates(LocalDate.of(2010, 1, 1),
                        query.asOf())), Gens.weighted(1, Gens.of(query.asOf(), query.asOf().plusDays(1))))
                        .generate(source);
                customers.add(new Customer(CustomerId.of(id), "Name " + id, Optional.empty(), created, Optional.empty(),
                        org.crmkit.core.model.ContactPreferences.none(), Gens.booleans().generate(source)));
            }
            int orders = Gens.integers(0, 25).generate(source);
            List<Purchase> purchases = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                Customer customer = Gens.of(customers).generate(source);
                purchases.add(Purchase.of(PurchaseId.of("o-" + i), customer.id(), day(query, source),
                        Money.of(query.currency(), amounts(query.currency()).generate(source))));
            }
            int count = Gens.integers(0, 15).generate(source);
            List<Interaction> interactions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Customer customer = Gens.of(customers).generate(source);
                LocalDate day = day(query, source);
                LocalTime time = Gens.of(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), LocalTime.of(12, 0),
                        LocalTime.of(0, 30, 15)).generate(source);
                OffsetDateTime moment = Gens.booleans().generate(source)
                        ? day.atTime(time).atZone(query.zone()).toOffsetDateTime()
                        : day.atTime(time).atOffset(Gens.of(ZoneOffset.UTC, ZoneOffset.ofHours(8),
                                ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(14)).generate(source));
                InteractionKind kind = Gens.frequency(Gens.weighted(3, Gens.constant(InteractionKind.INQUIRY)),
                        Gens.weighted(1, Gens.of(InteractionKind.class))).generate(source);
                interactions.add(Interaction.of(InteractionId.of("i-" + i), customer.id(), moment, Channel.PHONE, kind));
            }
            return new Case(query, customers, purchases, interactions);
        };
    }

    @Test
    void everyCustomersFactsAreTheReferences() {
        Property.forAll(cases()).tries(300)
                .cover("a customer with inquiries in the window", 20)
                .cover("a customer with three or more active quarters", 5)
                .check(generated -> {
            CsvFactsSource source = write(generated);
            FactsQuery query = FactsQuery.metricsOnly(generated.query());

            List<CustomerFacts> streamed = new ArrayList<>();
            source.forEach(query, streamed::add);

            List<CustomerFacts> expected = generated.customers().stream()
                    .filter(customer -> !customer.createdOn().isAfter(generated.query().asOf()))
                    .sorted(Comparator.comparing(Customer::id))
                    .map(customer -> reference(generated, customer, query))
                    .toList();
            Property.classify("a customer with inquiries in the window",
                    expected.stream().anyMatch(facts -> facts.metrics().inquiries() > 0));
            Property.classify("a customer with three or more active quarters",
                    expected.stream().anyMatch(facts -> facts.metrics().activeQuarters() >= 3));
            assertThat(streamed).isEqualTo(expected);
            for (Customer customer : generated.customers()) {
                assertThat(source.find(customer.id(), query)).contains(reference(generated, customer, query));
            }
            assertThat(source.find(CustomerId.of("unknown"), query)).isEmpty();
        });
    }

    /** A generated case for every group: the query, the records, and whether a surveys file is written. */
    private record RichCase(FactsQuery query, List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, List<SurveyAnswer> surveys, boolean surveysFile) {
    }

    private static final List<String> CATEGORIES = List.of("service", "Service", "SERVICE", "training", "hardware",
            "Straße", "STRASSE", "İstanbul", "istanbul", "parts", "Consulting");
    private static final List<String> OUTCOMES = List.of("joint_planning", "JOINT_PLANNING", "Joint_Planning",
            "joint planning", "follow_up", "joint_planning_x");

    /** A day near the edges that matter, the later half's first day too, or anywhere around the window. */
    private static LocalDate richDay(MetricsQuery query, Source source) {
        LocalDate laterHalf = ActivityFacts.laterHalfStart(query.window());
        return Gens.frequency(Gens.weighted(4, source1 -> day(query, source1)),
                Gens.weighted(1, Gens.of(laterHalf, laterHalf.minusDays(1)))).generate(source);
    }

    /** A moment on a day near the edges, at the day's first or last instant in the zone, or in another offset. */
    private static OffsetDateTime moment(MetricsQuery query, Source source) {
        LocalDate day = richDay(query, source);
        LocalTime time = Gens.of(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), LocalTime.of(23, 59, 59, 999_999_999),
                LocalTime.of(12, 0), LocalTime.of(0, 0, 0, 1), LocalTime.of(9, 30, 15, 500_000_000)).generate(source);
        return Gens.booleans().generate(source)
                ? day.atTime(time).atZone(query.zone()).toOffsetDateTime()
                : day.atTime(time).atOffset(Gens.of(ZoneOffset.UTC, ZoneOffset.ofHours(8),
                        ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(14)).generate(source));
    }

    /** Now and then fixed exchange rates into the query's currency from every other currency. */
    private static MetricsQuery maybeConverting(MetricsQuery query, Source source) {
        if (!Gens.frequency(Gens.weighted(2, Gens.constant(false)), Gens.weighted(1, Gens.constant(true)))
                .generate(source)) {
            return query;
        }
        Gen<BigDecimal> rates = Gens.oneOf(Gens.of("0.5", "0.125", "7.1", "0.0481", "1500.25").map(BigDecimal::new),
                Gens.integers(0, 6).flatMap(scale -> Gens.bigDecimals(new BigDecimal("0.000001"),
                        new BigDecimal("2000"), scale)).map(rate -> rate.signum() == 0 ? BigDecimal.ONE : rate));
        Map<Currency, BigDecimal> fixed = new HashMap<>();
        for (Currency other : List.of(Money.currency("CNY"), Money.currency("JPY"), Money.currency("BHD"),
                Money.currency("USD"))) {
            if (!other.equals(query.currency())) {
                fixed.put(other, rates.generate(source));
            }
        }
        return query.withExchangeRates(new FixedExchangeRates(query.currency(), fixed));
    }

    /** An order's currency: the query's, or with exchange rates now and then one they convert. */
    private static Currency orderCurrency(MetricsQuery query, Source source) {
        if (query.exchangeRates() instanceof FixedExchangeRates fixed && Gens.integers(0, 2).generate(source) == 0) {
            return Gens.of(List.copyOf(fixed.rates().keySet())).generate(source);
        }
        return query.currency();
    }

    private static Gen<RichCase> richCases() {
        return richCases(false);
    }

    /**
     * The rich cases; converting, now and then with exchange rates and some orders in other
     * currencies, drawn after everything else so that the cases are otherwise the same.
     */
    private static Gen<RichCase> richCases(boolean converting) {
        return source -> {
            MetricsQuery metrics = queries().generate(source);
            Set<FactGroup> groups = Gens.of(Set.<FactGroup>of(), Set.of(FactGroup.HISTORY), Set.of(FactGroup.ACTIVITY),
                    Set.of(FactGroup.HISTORY, FactGroup.ACTIVITY)).generate(source);
            Set<String> valueAdded = Gens.of(Set.<String>of(), Set.of("Service", "training"), Set.of("strasse"),
                    Set.of("k-7", "K-70", "istanbul")).generate(source);
            FactsQuery query = new FactsQuery(metrics, groups, valueAdded);
            List<String> ids = Gens.of(IDS).uniqueList(1, 6, id -> id).generate(source);
            List<Customer> customers = new ArrayList<>();
            for (String id : ids) {
                LocalDate created = Gens.frequency(Gens.weighted(4, Gens.dates(LocalDate.of(2010, 1, 1),
                        metrics.asOf())), Gens.weighted(1, Gens.of(metrics.asOf(), metrics.asOf().plusDays(1))))
                        .generate(source);
                customers.add(new Customer(CustomerId.of(id), "Name " + id, Optional.empty(), created, Optional.empty(),
                        org.crmkit.core.model.ContactPreferences.none(), Gens.booleans().generate(source)));
            }
            // Now and then a catalogue of many categories, so that a customer has more than 64.
            boolean many = Gens.frequency(Gens.weighted(6, Gens.constant(false)), Gens.weighted(1, Gens.constant(true)))
                    .generate(source);
            Gen<Optional<String>> category = many
                    ? Gens.integers(0, 199).map(n -> Optional.of((n % 2 == 0 ? "k-" : "K-") + n / 2))
                    : Gens.of(CATEGORIES).optional(0.7);
            int orders = many ? Gens.integers(80, 220).generate(source) : Gens.integers(0, 25).generate(source);
            List<Purchase> purchases = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                Customer customer = Gens.of(customers).generate(source);
                purchases.add(new Purchase(PurchaseId.of("o-" + i), customer.id(), richDay(metrics, source),
                        Money.of(metrics.currency(), amounts(metrics.currency()).generate(source)),
                        category.generate(source),
                        Optional.empty()));
            }
            int count = Gens.integers(0, 15).generate(source);
            List<Interaction> interactions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Customer customer = Gens.of(customers).generate(source);
                InteractionKind kind = Gens.frequency(Gens.weighted(1, Gens.constant(InteractionKind.INQUIRY)),
                        Gens.weighted(2, Gens.of(InteractionKind.REFERRAL, InteractionKind.EVENT, InteractionKind.TRIAL,
                                InteractionKind.MEETING)), Gens.weighted(1, Gens.of(InteractionKind.class)))
                        .generate(source);
                interactions.add(new Interaction(InteractionId.of("i-" + i), customer.id(), moment(metrics, source),
                        Channel.PHONE, kind, Optional.empty(), Gens.of(OUTCOMES).optional(0.6).generate(source)));
            }
            boolean surveysFile = Gens.frequency(Gens.weighted(1, Gens.constant(false)),
                    Gens.weighted(4, Gens.constant(true))).generate(source);
            List<SurveyAnswer> surveys = new ArrayList<>();
            if (surveysFile) {
                int answers = Gens.integers(0, 20).generate(source);
                Set<String> moments = new HashSet<>();
                for (int i = 0; i < answers; i++) {
                    Customer customer = Gens.of(customers).generate(source);
                    OffsetDateTime at = moment(metrics, source);
                    OptionalInt csat = Gens.integers(1, 5).optional(0.7).generate(source)
                            .map(OptionalInt::of).orElseGet(OptionalInt::empty);
                    OptionalInt nps = Gens.integers(0, 10).optional(csat.isPresent() ? 0.5 : 1.0).generate(source)
                            .map(OptionalInt::of).orElseGet(OptionalInt::empty);
                    // A customer answers once at a moment: the files reject a second answer.
                    if (moments.add(customer.id() + "@" + at.toInstant())) {
                        surveys.add(new SurveyAnswer(customer.id(), at, csat, nps));
                    }
                }
            }
            if (converting) {
                MetricsQuery rated = maybeConverting(metrics, source);
                query = new FactsQuery(rated, groups, valueAdded);
                for (int i = 0; i < purchases.size(); i++) {
                    Purchase purchase = purchases.get(i);
                    Currency currency = orderCurrency(rated, source);
                    if (!currency.equals(metrics.currency())) {
                        purchases.set(i, new Purchase(purchase.id(), purchase.customerId(), purchase.orderDate(),
                                Money.of(currency, amounts(currency).generate(source)), purchase.category(),
                                purchase.quantity()));
                    }
                }
            }
            return new RichCase(query, customers, purchases, interactions, surveys, surveysFile);
        };
    }

    @Test
    void everyGroupOfEveryCustomersFactsIsTheReferences() {
        Property.forAll(richCases(true)).tries(400)
                .cover("the purchase history", 40)
                .cover("the window's activity", 40)
                .cover("a customer with several purchase days", 20)
                .cover("a customer with repeat spend", 15)
                .cover("a customer with two rated answers", 10)
                .cover("a promoter answer", 10)
                .cover("joint planning", 3)
                .cover("a customer with more than 64 categories' worth of numbers", 1)
                .cover("spend in both halves of the window", 5)
                .cover("an order converted", 10)
                .check(generated -> {
            CsvFactsSource source = write(generated);
            FactsQuery query = generated.query();

            List<CustomerFacts> streamed = new ArrayList<>();
            source.forEach(query, streamed::add);

            List<CustomerFacts> expected = generated.customers().stream()
                    .filter(customer -> !customer.createdOn().isAfter(query.metrics().asOf()))
                    .sorted(Comparator.comparing(Customer::id))
                    .map(customer -> reference(generated, customer, query))
                    .toList();
            Property.classify("the purchase history", query.wants(FactGroup.HISTORY));
            Property.classify("the window's activity", query.wants(FactGroup.ACTIVITY));
            Property.classify("a customer with several purchase days", expected.stream().anyMatch(facts ->
                    facts.history().filter(history -> history.purchaseDays() > 1).isPresent()));
            Property.classify("a customer with repeat spend", expected.stream().anyMatch(facts ->
                    facts.history().filter(history -> !history.repeatSpend().isZero()).isPresent()));
            Property.classify("a customer with two rated answers", expected.stream().anyMatch(facts ->
                    facts.activity().filter(activity -> activity.previousCsat().isPresent()).isPresent()));
            Property.classify("a promoter answer", expected.stream().anyMatch(facts ->
                    facts.activity().filter(activity -> activity.promoterAnswers() > 0).isPresent()));
            Property.classify("joint planning", expected.stream().anyMatch(facts ->
                    facts.activity().filter(activity -> activity.jointPlanning() > 0).isPresent()));
            Property.classify("a customer with more than 64 categories' worth of numbers", expected.stream()
                    .anyMatch(facts -> facts.activity().filter(activity -> activity.categories() > 64).isPresent()));
            Property.classify("an order converted", generated.purchases().stream().anyMatch(purchase ->
                    !purchase.amount().currency().equals(query.metrics().currency())));
            Property.classify("spend in both halves of the window", expected.stream().anyMatch(facts ->
                    facts.activity().filter(activity -> !activity.earlierHalfSpend().isZero()
                            && !activity.laterHalfSpend().isZero()).isPresent()));
            assertThat(streamed).isEqualTo(expected);
            for (Customer customer : generated.customers()) {
                assertThat(source.find(customer.id(), query)).contains(reference(generated, customer, query));
            }
            // A narrower query is answered from the same read.
            FactsQuery metricsOnly = FactsQuery.metricsOnly(query.metrics());
            for (Customer customer : generated.customers()) {
                assertThat(source.find(customer.id(), metricsOnly)).contains(reference(generated, customer,
                        metricsOnly));
            }
        });
    }

    @Test
    void aSourceOfOrdersAloneGivesTheSummariesOfThePurchases() {
        Property.forAll(richCases(), Gens.of(ClvTimeUnit.class), Gens.booleans()).tries(300)
                .cover("a repeat buyer", 30)
                .cover("a customer whose only orders come after the as-of day", 2)
                .check((generated, unit, withCustomers) -> {
            Path orders = writeOrders(generated.purchases());
            Optional<Path> customers = withCustomers ? Optional.of(writeCustomers(generated.customers()))
                    : Optional.empty();
            CsvFactsSource source = CsvFactsSource.ofOrders(orders, customers);
            // Another currency than the orders': the orders' own counts.
            MetricsQuery asked = new MetricsQuery(generated.query().metrics().asOf(),
                    generated.query().metrics().window(), generated.query().metrics().zone(), Money.currency("USD"));
            FactsQuery query = new FactsQuery(asked, Set.of(FactGroup.HISTORY), Set.of());

            List<PurchaseSummary> summaries = new ArrayList<>();
            source.forEach(query, facts -> PurchaseSummaries.fromFacts(facts, unit).ifPresent(summaries::add));
            CsvFactsSource.FilesRead read = source.read(query);

            LocalDate end = asked.asOf();
            Property.classify("a repeat buyer", summaries.stream().anyMatch(summary -> summary.frequency() > 0));
            Property.classify("a customer whose only orders come after the as-of day", generated.purchases().stream()
                    .anyMatch(purchase -> purchase.orderDate().isAfter(end) && generated.purchases().stream()
                            .filter(other -> other.customerId().equals(purchase.customerId()))
                            .allMatch(other -> other.orderDate().isAfter(end))));
            // Equal values: the mean's scale may differ (Money drops trailing zeros), never what it is worth.
            assertThat(summaries).map(CsvFactsSourceProperties::plain).isEqualTo(PurchaseSummaries.fromPurchases(
                    generated.purchases(), end, unit).stream().map(CsvFactsSourceProperties::plain).toList());
            assertThat(read.orders()).isEqualTo(generated.purchases().size());
            assertThat(read.ordersAfterAsOf()).isEqualTo(generated.purchases().stream()
                    .filter(purchase -> purchase.orderDate().isAfter(end)).count());
            assertThat(read.currency()).isEqualTo(generated.purchases().isEmpty() ? Optional.empty()
                    : Optional.of(generated.query().metrics().currency()));
        });
    }

    private static CustomerFacts reference(RichCase generated, Customer customer, FactsQuery query) {
        return FactsCalculator.compute(customer,
                generated.purchases().stream().filter(p -> p.customerId().equals(customer.id())).toList(),
                generated.interactions().stream().filter(i -> i.customerId().equals(customer.id())).toList(),
                generated.surveys().stream().filter(a -> a.customerId().equals(customer.id())).toList(), query);
    }

    private CsvFactsSource write(RichCase generated) throws IOException {
        StringBuilder interactions = new StringBuilder("interaction_id,customer_id,occurred_at,channel,kind,outcome\n");
        for (Interaction interaction : generated.interactions()) {
            interactions.append(interaction.id()).append(',').append(interaction.customerId()).append(',')
                    .append(interaction.occurredAt()).append(",phone,").append(interaction.kind().key()).append(',')
                    .append(interaction.outcome().map(CsvFactsSourceProperties::quoted).orElse("")).append('\n');
        }
        Optional<Path> surveys = Optional.empty();
        if (generated.surveysFile()) {
            StringBuilder answers = new StringBuilder("customer_id,answered_at,csat,nps\n");
            for (SurveyAnswer answer : generated.surveys()) {
                answers.append(answer.customerId()).append(',').append(answer.answeredAt()).append(',')
                        .append(answer.csat().isPresent() ? String.valueOf(answer.csat().getAsInt()) : "").append(',')
                        .append(answer.nps().isPresent() ? String.valueOf(answer.nps().getAsInt()) : "").append('\n');
            }
            surveys = Optional.of(Files.writeString(dir.resolve("surveys.csv"), answers, StandardCharsets.UTF_8));
        }
        return CsvFactsSource.of(new CsvImport.CustomerFiles(writeCustomers(generated.customers()),
                writeOrders(generated.purchases()),
                Optional.of(Files.writeString(dir.resolve("interactions.csv"), interactions, StandardCharsets.UTF_8)),
                surveys));
    }

    private Path writeCustomers(List<Customer> list) throws IOException {
        StringBuilder customers = new StringBuilder("customer_id,name,created_on,strategic_agreement\n");
        for (Customer customer : list) {
            customers.append(customer.id()).append(',').append(customer.name()).append(',')
                    .append(customer.createdOn()).append(',').append(customer.strategicAgreement()).append('\n');
        }
        return Files.writeString(dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
    }

    private Path writeOrders(List<Purchase> purchases) throws IOException {
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,currency,category\n");
        for (Purchase purchase : purchases) {
            orders.append(purchase.id()).append(',').append(purchase.customerId()).append(',')
                    .append(purchase.orderDate()).append(',').append(purchase.amount().amount().toPlainString())
                    .append(',').append(purchase.amount().currency().getCurrencyCode()).append(',')
                    .append(purchase.category().map(CsvFactsSourceProperties::quoted).orElse("")).append('\n');
        }
        return Files.writeString(dir.resolve("orders.csv"), orders, StandardCharsets.UTF_8);
    }

    private static PurchaseSummary plain(PurchaseSummary summary) {
        return new PurchaseSummary(summary.customerKey(), summary.frequency(), summary.recency(), summary.age(),
                summary.averageRepeatValue().stripTrailingZeros());
    }

    /** A value as a quoted CSV field, so that a space in it stays where it is. */
    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static CustomerFacts reference(Case generated, Customer customer, FactsQuery query) {
        return FactsCalculator.compute(customer,
                generated.purchases().stream().filter(p -> p.customerId().equals(customer.id())).toList(),
                generated.interactions().stream().filter(i -> i.customerId().equals(customer.id())).toList(),
                List.of(), query);
    }

    private CsvFactsSource write(Case generated) throws IOException {
        StringBuilder customers = new StringBuilder("customer_id,name,created_on,strategic_agreement\n");
        for (Customer customer : generated.customers()) {
            customers.append(customer.id()).append(',').append(customer.name()).append(',')
                    .append(customer.createdOn()).append(',').append(customer.strategicAgreement()).append('\n');
        }
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,currency\n");
        for (Purchase purchase : generated.purchases()) {
            orders.append(purchase.id()).append(',').append(purchase.customerId()).append(',')
                    .append(purchase.orderDate()).append(',').append(purchase.amount().amount().toPlainString())
                    .append(',').append(purchase.amount().currency().getCurrencyCode()).append('\n');
        }
        StringBuilder interactions = new StringBuilder("interaction_id,customer_id,occurred_at,channel,kind\n");
        for (Interaction interaction : generated.interactions()) {
            interactions.append(interaction.id()).append(',').append(interaction.customerId()).append(',')
                    .append(interaction.occurredAt()).append(",phone,").append(interaction.kind().key()).append('\n');
        }
        return CsvFactsSource.of(Files.writeString(dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("orders.csv"), orders, StandardCharsets.UTF_8),
                Optional.of(Files.writeString(dir.resolve("interactions.csv"), interactions, StandardCharsets.UTF_8)));
    }
}

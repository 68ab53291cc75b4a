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
import java.util.List;
import java.util.Optional;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsCalculator;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
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
import org.crmkit.proptest.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvFactsSource} gives every customer the facts {@link FactsCalculator}, the reference
 * definition, computes from the same records: random customers, orders and interactions, crowded at
 * the edges of the window, of the rolling quarters and of the as-of day, in zones with daylight
 * saving and odd offsets, in currencies with 0, 2 and 3 decimals and amounts with more decimals or
 * beyond a long, written as CSV files.
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

    private static Gen<BigDecimal> amounts() {
        return Gens.frequency(
                Gens.weighted(6, Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("200000"), 2)),
                Gens.weighted(2, Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("10"), 4)),
                Gens.weighted(1, Gens.of(BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("100"),
                        new BigDecimal("9223372036854775807"), new BigDecimal("99999999999999999.99"),
                        new BigDecimal("5.10"))));
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
                        Money.of(query.currency(), amounts().generate(source))));
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
                .cover("a customer with spend beyond a long", 2)
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
            Property.classify("a customer with spend beyond a long", expected.stream().anyMatch(facts ->
                    facts.metrics().spend().amount().unscaledValue().bitLength() > 63));
            Property.classify("a customer with three or more active quarters",
                    expected.stream().anyMatch(facts -> facts.metrics().activeQuarters() >= 3));
            assertThat(streamed).isEqualTo(expected);
            for (Customer customer : generated.customers()) {
                assertThat(source.find(customer.id(), query)).contains(reference(generated, customer, query));
            }
            assertThat(source.find(CustomerId.of("unknown"), query)).isEmpty();
        });
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

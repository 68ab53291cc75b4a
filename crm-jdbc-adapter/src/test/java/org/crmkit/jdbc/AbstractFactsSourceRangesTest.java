package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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
import org.crmkit.core.model.SurveyAnswer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * forEach in ranges of a few customers visits every customer created by the as-of day exactly
 * once, with the facts of {@link FactsCalculator}, wherever the boundaries fall: between ids that
 * sort differently by UTF-16, by code point and by a locale's collation, on a customer without
 * records, on one created after the as-of day, and around records of a customer who is not stored.
 */
abstract class AbstractFactsSourceRangesTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final FactsQuery QUERY = FactsQuery.all(new MetricsQuery(AS_OF,
            DateWindow.trailingMonths(12, AS_OF), ZoneId.of("UTC"), Money.currency("CNY")), Set.of("parts"));
    /**
     * "B" sorts before "a" by code but after it in most locales; U+FF01 sorts before the emoji by
     * code point but after its surrogates in UTF-16.
     */
    private static final List<String> IDS = List.of("B", "a", "b", "\u00e4", "quiet", "\uFF01", "\uD83D\uDE00x",
            "late");

    /** @return the extension giving the current test its database */
    abstract DatabaseExtension database();

    /**
     * Readies the current test's empty tables.
     *
     * @throws SQLException on failure
     */
    void prepare() throws SQLException {
        // Nothing by default.
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 100})
    void visitsEveryCustomerOnceWithTheCalculatorsFacts(int customersPerRange) throws SQLException {
        prepare();
        List<Customer> customers = new ArrayList<>();
        List<Purchase> purchases = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        List<SurveyAnswer> surveys = new ArrayList<>();
        for (String id : IDS) {
            LocalDate created = id.equals("late") ? AS_OF.plusDays(1) : LocalDate.of(2020, 1, 1);
            customers.add(Customer.of(CustomerId.of(id), "Customer " + id, created));
        }
        // "quiet" has no records; "aa" and "zz" have records but are not stored.
        for (String id : List.of("B", "a", "aa", "b", "\u00e4", "\uFF01", "\uD83D\uDE00x", "late", "zz")) {
            for (int i = 0; i < 3; i++) {
                LocalDate day = AS_OF.minusDays(40L * i + id.length());
                purchases.add(new Purchase(PurchaseId.of(id + "-o" + i), CustomerId.of(id), day,
                        Money.of("CNY", new BigDecimal(10 + i)), Optional.of(i == 0 ? "Parts" : "service"),
                        Optional.empty()));
            }
            OffsetDateTime at = AS_OF.minusDays(id.length()).atTime(9, 0).atOffset(ZoneOffset.ofHours(2));
            interactions.add(new Interaction(InteractionId.of(id + "-i"), CustomerId.of(id), at, Channel.PHONE,
                    InteractionKind.INQUIRY, Optional.empty(), Optional.empty()));
            surveys.add(new SurveyAnswer(CustomerId.of(id), at, OptionalInt.of(4), OptionalInt.of(9)));
            surveys.add(new SurveyAnswer(CustomerId.of(id), at.plusDays(1), OptionalInt.of(2), OptionalInt.empty()));
        }
        JdbcStore store = database().storeHolding(customers, purchases, interactions, surveys);

        List<CustomerFacts> visited = new ArrayList<>();
        store.factsInRangesOf(customersPerRange).forEach(QUERY, visited::add);

        List<CustomerFacts> expected = customers.stream()
                .filter(customer -> !customer.createdOn().isAfter(AS_OF))
                .map(customer -> FactsCalculator.compute(customer,
                        purchases.stream().filter(p -> p.customerId().equals(customer.id()))
                                .sorted(Comparator.comparing(Purchase::orderDate).thenComparing(Purchase::id))
                                .toList(),
                        interactions.stream().filter(i -> i.customerId().equals(customer.id())).toList(),
                        surveys.stream().filter(s -> s.customerId().equals(customer.id())).toList(), QUERY))
                .toList();
        assertThat(visited).containsExactlyInAnyOrderElementsOf(expected);
    }
}

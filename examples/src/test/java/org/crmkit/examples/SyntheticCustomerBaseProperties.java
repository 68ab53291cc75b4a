package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.examples.SyntheticCustomerBase.Settings;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;

class SyntheticCustomerBaseProperties {

    @Test
    void everyPurchaseLiesInTheSpanAndBelongsToAGeneratedCustomerThatExistedThen() {
        Property.forAll(Gens.longs(), Gens.integers(1, 150), Gens.integers(0, 6), Gens.integers(0, 800))
                .tries(40)
                .check((seed, customers, followUp, daysBefore) -> {
                    LocalDate asOf = LocalDate.of(2026, 3, 31).minusDays(daysBefore);
                    SyntheticCustomerBase base = SyntheticCustomerBase.generate(Settings.defaults().withSeed(seed)
                            .withCustomers(customers).withAsOf(asOf).withFollowUpMonths(followUp));
                    Map<CustomerId, Customer> byId = base.customers().stream()
                            .collect(Collectors.toMap(Customer::id, Function.identity()));
                    DateWindow span = base.span();

                    assertThat(base.customers()).hasSize(customers);
                    assertThat(base.purchases()).allSatisfy(purchase -> {
                        assertThat(span.contains(purchase.orderDate()))
                                .as("%s in %s", purchase.orderDate(), span).isTrue();
                        assertThat(byId).containsKey(purchase.customerId());
                        assertThat(purchase.orderDate()).isAfterOrEqualTo(byId.get(purchase.customerId()).createdOn());
                        assertThat(purchase.amount().amount().scale()).isEqualTo(2);
                    });
                    assertThat(base.interactions()).allSatisfy(interaction -> {
                        LocalDate day = SyntheticCustomerBase.day(interaction);
                        assertThat(span.contains(day)).as("%s in %s", day, span).isTrue();
                        assertThat(byId).containsKey(interaction.customerId());
                        assertThat(day).isAfterOrEqualTo(byId.get(interaction.customerId()).createdOn());
                    });
                    assertThat(base.cases()).allSatisfy(serviceCase -> {
                        LocalDate day = serviceCase.openedAt().toLocalDate();
                        assertThat(span.contains(day)).as("%s in %s", day, span).isTrue();
                        assertThat(day).isAfterOrEqualTo(byId.get(serviceCase.customerId()).createdOn());
                        OffsetDateTime previous = serviceCase.openedAt();
                        for (CaseEvent event : base.caseEvents(serviceCase.id())) {
                            assertThat(event.caseId()).isEqualTo(serviceCase.id());
                            assertThat(event.occurredAt()).isAfterOrEqualTo(previous);
                            assertThat(span.contains(event.occurredAt().toLocalDate())).isTrue();
                            previous = event.occurredAt();
                        }
                    });
                });
    }

    @Test
    void prospectsNeverBuy() {
        Property.forAll(Gens.longs(), Gens.integers(1, 100)).tries(30).check((seed, customers) -> {
            SyntheticCustomerBase base = SyntheticCustomerBase.generate(Settings.defaults().withSeed(seed)
                    .withCustomers(customers).withFollowUpMonths(3));

            assertThat(base.purchases()).noneMatch(purchase -> base.segment(purchase.customerId())
                    .orElseThrow() == SyntheticCustomerBase.Segment.PROSPECT);
        });
    }

    @Test
    void theSameSeedGivesTheSameBase() {
        Property.forAll(Gens.longs(), Gens.integers(1, 100)).tries(20).check((seed, customers) -> {
            Settings settings = Settings.defaults().withSeed(seed).withCustomers(customers);
            SyntheticCustomerBase once = SyntheticCustomerBase.generate(settings);
            SyntheticCustomerBase again = SyntheticCustomerBase.generate(settings);

            assertThat(again.customers()).isEqualTo(once.customers());
            assertThat(again.purchases()).isEqualTo(once.purchases());
            assertThat(again.interactions()).isEqualTo(once.interactions());
        });
    }
}

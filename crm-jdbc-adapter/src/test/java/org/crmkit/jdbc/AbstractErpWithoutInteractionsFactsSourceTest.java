package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CustomerFactsSource;
import org.crmkit.core.port.contract.FactsSourceWithoutInteractionsContract;
import org.crmkit.jdbc.mapping.ReadOnlyEntityException;
import org.junit.jupiter.api.Test;

/**
 * The contract of a source without interactions data, computed in SQL over the ERP of ErpSchema
 * whose mapping says {@code interactions: none}: an inquiry of every customer sits in the ERP's
 * unmapped contact log and in crmkit's own interactions table, and neither is read. Run on H2 and
 * PostgreSQL.
 */
abstract class AbstractErpWithoutInteractionsFactsSourceTest extends FactsSourceWithoutInteractionsContract {
    /** @return the test's database */
    abstract DatabaseExtension database();

    @Override
    protected CustomerFactsSource newFactsSourceWithoutInteractions(List<Customer> customers,
            List<Purchase> purchases, List<SurveyAnswer> surveys) {
        List<Interaction> inquiries = new ArrayList<>();
        for (Customer customer : customers) {
            inquiries.add(Interaction.of(InteractionId.of("i-" + customer.id()), customer.id(),
                    OffsetDateTime.parse("2026-01-10T10:00:00+08:00"), Channel.PHONE, InteractionKind.INQUIRY));
        }
        // crmkit's own table holds them too: a store over the mapping must not read it instead.
        inquiries.forEach(database().store().interactions()::record);
        return ErpSchema.storeHolding(database(), ErpSchema.WITHOUT_INTERACTIONS, customers, purchases, inquiries,
                surveys, List.of(), List.of()).facts();
    }

    @Test
    void theInteractionLogOfAnErpWithoutInteractionsIsEmptyAndReadOnly() {
        JdbcStore store = ErpSchema.storeHolding(database(), ErpSchema.WITHOUT_INTERACTIONS, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
        Interaction inquiry = Interaction.of(InteractionId.of("i-9"), CustomerId.of("c-1"),
                OffsetDateTime.parse("2026-01-10T10:00:00+08:00"), Channel.PHONE, InteractionKind.INQUIRY);
        List<Interaction> visited = new ArrayList<>();

        store.interactions().forEach(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), visited::add);

        assertThat(visited).isEmpty();
        assertThat(store.interactions().findByCustomer(CustomerId.of("c-1"), Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z"))).isEmpty();
        assertThatThrownBy(() -> store.interactions().record(inquiry)).isInstanceOf(ReadOnlyEntityException.class)
                .hasMessage("Could not record interaction 'i-9': the mapping says the ERP keeps no interactions"
                        + " (interactions: none)");
    }
}

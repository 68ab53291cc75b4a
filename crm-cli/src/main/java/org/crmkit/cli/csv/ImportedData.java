package org.crmkit.cli.csv;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;

/**
 * Everything read from the input files, completely validated: ids are unique, every purchase and
 * interaction belongs to one of the customers, every amount is in the policy's currency.
 * Immutable and thread-safe.
 *
 * @param customers the customers, in file order; not null
 * @param purchases the purchases, in file order; not null
 * @param interactions the interactions, in file order; empty when no file was given; not null
 */
public record ImportedData(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions) {
    /** Copies the lists. */
    public ImportedData {
        customers = List.copyOf(Objects.requireNonNull(customers, "customers"));
        purchases = List.copyOf(Objects.requireNonNull(purchases, "purchases"));
        interactions = List.copyOf(Objects.requireNonNull(interactions, "interactions"));
    }

    /** @return a new in-memory store holding this data, ready to compute metrics */
    public InMemoryStore toStore() {
        InMemoryStore store = InMemoryStore.create();
        customers.forEach(store.customers()::save);
        purchases.forEach(store.purchases()::record);
        interactions.forEach(store.interactions()::record);
        return store;
    }
}

package org.crmkit.cli.csv;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.rules.io.InputProblem;

/**
 * Everything read from the input files, completely validated: ids are unique, every purchase,
 * interaction and survey answer belongs to one of the customers, every amount is in the policy's
 * currency, no customer answered twice at one moment. Immutable and thread-safe.
 *
 * @param customers the customers, in file order; not null
 * @param purchases the purchases, in file order; not null
 * @param interactions the interactions, in file order; empty when no file was given; not null
 * @param surveys the survey answers, in file order; empty when no file was given; not null
 * @param warnings what is worth a warning but valid, such as an order dated before its customer
 *     was created, in file order; not null
 */
public record ImportedData(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions,
        List<SurveyAnswer> surveys, List<InputProblem> warnings) {
    /** Copies the lists. */
    public ImportedData {
        customers = List.copyOf(Objects.requireNonNull(customers, "customers"));
        purchases = List.copyOf(Objects.requireNonNull(purchases, "purchases"));
        interactions = List.copyOf(Objects.requireNonNull(interactions, "interactions"));
        surveys = List.copyOf(Objects.requireNonNull(surveys, "surveys"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * Data without warnings.
     *
     * @param customers the customers, in file order; not null
     * @param purchases the purchases, in file order; not null
     * @param interactions the interactions, in file order; not null
     * @param surveys the survey answers, in file order; not null
     */
    public ImportedData(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions,
            List<SurveyAnswer> surveys) {
        this(customers, purchases, interactions, surveys, List.of());
    }

    /**
     * Data without survey answers.
     *
     * @param customers the customers, in file order; not null
     * @param purchases the purchases, in file order; not null
     * @param interactions the interactions, in file order; not null
     */
    public ImportedData(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions) {
        this(customers, purchases, interactions, List.of());
    }

    /** @return a new in-memory store holding this data, ready to compute metrics */
    public InMemoryStore toStore() {
        InMemoryStore store = InMemoryStore.create();
        customers.forEach(store.customers()::save);
        purchases.forEach(store.purchases()::record);
        interactions.forEach(store.interactions()::record);
        surveys.forEach(store.surveys()::record);
        return store;
    }
}

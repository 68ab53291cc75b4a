package org.crmkit.rules.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.SurveyAnswer;

/**
 * A whole customer base in memory: what {@link CustomerBaseAnalysis} reads. Records may arrive in
 * any order; each must belong to one of the customers. Immutable and thread-safe.
 *
 * @param customers the customers; not null
 * @param purchases every purchase; not null
 * @param interactions every interaction; not null
 * @param surveys every survey answer; not null
 * @param cases every complaint and inquiry; not null
 * @param caseEvents each case's events, in the order they happened; not null
 */
public record CustomerBase(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions,
        List<SurveyAnswer> surveys, List<ServiceCase> cases, Map<CaseId, List<CaseEvent>> caseEvents) {

    /** Copies the collections. */
    public CustomerBase {
        customers = List.copyOf(Objects.requireNonNull(customers, "customers"));
        purchases = List.copyOf(Objects.requireNonNull(purchases, "purchases"));
        interactions = List.copyOf(Objects.requireNonNull(interactions, "interactions"));
        surveys = List.copyOf(Objects.requireNonNull(surveys, "surveys"));
        cases = List.copyOf(Objects.requireNonNull(cases, "cases"));
        caseEvents = Map.copyOf(Objects.requireNonNull(caseEvents, "caseEvents"));
    }

    /**
     * A base of customers and their purchases only.
     *
     * @param customers the customers; not null
     * @param purchases their purchases; not null
     * @return the base
     */
    public static CustomerBase of(List<Customer> customers, List<Purchase> purchases) {
        return new CustomerBase(customers, purchases, List.of(), List.of(), List.of(), Map.of());
    }
}

package org.crmkit.rules.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.Purchase;

/** Small customer bases in memory for the lifecycle tests, analysed with every assessment kept. */
final class Bases {
    private Bases() {
    }

    /** A summary and every customer's assessment, in customer id order. */
    record Analysed(CustomerBaseSummary summary, List<CustomerAssessment> customers) {
        List<CustomerAssessment> highRisk() {
            return summary.highRisk();
        }

        Map<LifecycleStage, Integer> stageCounts() {
            return summary.stageCounts();
        }

        List<CustomerAssessment> winBack() {
            return customers.stream().filter(customer -> customer.lifecycle().winBack()).toList();
        }

        List<String> model() {
            return summary.model();
        }
    }

    static InMemoryStore store(List<Customer> customers, List<Purchase> purchases) {
        InMemoryStore store = InMemoryStore.create();
        customers.forEach(store.customers()::save);
        purchases.forEach(store.purchases()::record);
        return store;
    }

    static Analysed analyse(CustomerBaseAnalysis analysis, List<Customer> customers, List<Purchase> purchases,
            LocalDate asOf) {
        List<CustomerAssessment> assessed = new ArrayList<>();
        CustomerBaseSummary summary = analysis.analyse(store(customers, purchases).facts(), asOf, assessed::add);
        return new Analysed(summary, assessed);
    }

    /** An estimator whose model gives the estimates listed, whoever they are for, and notes. */
    static ValueEstimator stub(Map<CustomerId, ValueEstimate> estimates, List<String> notes) {
        ValueEstimator.ValueModel model = new ValueEstimator.ValueModel() {
            @Override
            public Optional<ValueEstimate> estimate(CustomerFacts facts) {
                return Optional.ofNullable(estimates.get(facts.customerId()));
            }

            @Override
            public List<String> notes() {
                return notes;
            }
        };
        return asOf -> new ValueEstimator.Fitting() {
            @Override
            public void add(CustomerFacts facts) {
                // the stub fits nothing
            }

            @Override
            public ValueEstimator.ValueModel fit() {
                return model;
            }
        };
    }
}

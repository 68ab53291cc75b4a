package org.crmkit.rules.lifecycle;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.rules.sla.CaseSla;

/**
 * What one customer did, as far as the signals need: purchases, interactions, survey answers and
 * the service-level state of their complaints and inquiries. Records after the as-of day are
 * ignored by the calculator. Immutable and thread-safe.
 *
 * @param purchases the customer's purchases, the whole history; not null
 * @param interactions the customer's interactions, at least those in the window; not null
 * @param surveys the customer's survey answers; not null
 * @param cases the service level of the customer's cases as of the as-of moment; not null
 */
public record CustomerActivity(List<Purchase> purchases, List<Interaction> interactions,
        List<SurveyAnswer> surveys, List<CaseSla> cases) {

    /** Copies the lists. */
    public CustomerActivity {
        purchases = List.copyOf(Objects.requireNonNull(purchases, "purchases"));
        interactions = List.copyOf(Objects.requireNonNull(interactions, "interactions"));
        surveys = List.copyOf(Objects.requireNonNull(surveys, "surveys"));
        cases = List.copyOf(Objects.requireNonNull(cases, "cases"));
    }

    /**
     * Activity with purchases only.
     *
     * @param purchases the purchases; not null
     * @return the activity
     */
    public static CustomerActivity ofPurchases(List<Purchase> purchases) {
        return new CustomerActivity(purchases, List.of(), List.of(), List.of());
    }
}

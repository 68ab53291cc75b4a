package org.crmkit.rules.cadence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Tier;

/**
 * What the planner knows of a customer. Immutable and thread-safe.
 *
 * @param customer the customer with contact preferences and account manager; not null
 * @param tier the current tier, if any; not null
 * @param rhythmStart the day the current rhythm began: the day the customer entered the tier, or was created; not null
 * @param interactions the customer's actual interactions; those of the cadence's kinds and channels reset its clock; not null
 * @param complaintOpen whether a complaint of the customer is open
 * @param metrics the metrics snapshot, for the win-back condition; not null
 * @param churnRisk the churn risk 0..1 when known, to order contacts when capacity is short; not null
 */
public record CadenceCustomer(
        Customer customer,
        Optional<Tier> tier,
        LocalDate rhythmStart,
        List<Interaction> interactions,
        boolean complaintOpen,
        CustomerMetrics metrics,
        Optional<BigDecimal> churnRisk) {

    /** Copies and checks. */
    public CadenceCustomer {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(rhythmStart, "rhythmStart");
        interactions = List.copyOf(Objects.requireNonNull(interactions, "interactions"));
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(churnRisk, "churnRisk");
        if (!metrics.customerId().equals(customer.id())) {
            throw new org.crmkit.core.InvalidValueException("metrics of customer '" + metrics.customerId()
                    + "' given for customer '" + customer.id() + "'");
        }
    }
}

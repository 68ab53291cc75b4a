package org.crmkit.rules.cadence;

import org.crmkit.rules.tiering.TieringPolicy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;

/** Customers for agenda tests; the plan runs from Wednesday 2026-04-01 to Thursday 2026-04-30. */
final class AgendaFixtures {
    static final LocalDate FROM = LocalDate.of(2026, 4, 1);
    static final LocalDate TO = LocalDate.of(2026, 4, 30);
    static final Policy STANDARD = PolicyLoader.standard();

    private AgendaFixtures() {
    }

    static AgendaPlanner planner(Policy policy) {
        return AgendaPlanner.of(policy.find(CadencePolicy.class).orElseThrow(), policy.section(TieringPolicy.class).ladder());
    }

    /** A customer builder with sensible defaults: created long ago, no preferences, nothing happened. */
    static final class Builder {
        private final String id;
        private String tier;
        private Customer customer;
        private final List<Interaction> interactions = new ArrayList<>();
        private boolean complaintOpen;
        private LocalDate rhythmStart = LocalDate.of(2025, 1, 1);

        Builder(String id) {
            this.id = id;
            this.customer = Customer.of(CustomerId.of(id), "Customer " + id, LocalDate.of(2025, 1, 1));
        }

        Builder tier(String name) {
            this.tier = name;
            return this;
        }

        Builder manager(String staff) {
            customer = customer.withAccountManager(StaffId.of(staff));
            return this;
        }

        Builder preferences(ContactPreferences preferences) {
            customer = customer.withContactPreferences(preferences);
            return this;
        }

        Builder contact(String day, Channel channel, InteractionKind kind) {
            interactions.add(Interaction.of(InteractionId.of(id + "-i" + interactions.size()), CustomerId.of(id),
                    OffsetDateTime.parse(day + "T10:00+08:00"), channel, kind));
            return this;
        }

        Builder complaintOpen() {
            complaintOpen = true;
            return this;
        }

        Builder rhythmStart(LocalDate day) {
            rhythmStart = day;
            return this;
        }

        CadenceCustomer build() {
            CustomerMetrics metrics = new CustomerMetrics(customer.id(), FROM, DateWindow.trailingMonths(12, FROM),
                    Money.of("CNY", "1000"), 1, 1, 0, true, 15, false, Optional.empty());
            return new CadenceCustomer(customer, Optional.ofNullable(tier).map(Tier::of), rhythmStart, interactions,
                    complaintOpen, metrics, Optional.empty());
        }
    }

    static Builder customer(String id) {
        return new Builder(id);
    }
}

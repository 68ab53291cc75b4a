package org.crmkit.moduletest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TieringService;

/**
 * Loads the standard policy (a resource of crm-rules), reads the policy schema from the crm-rules
 * jar, takes public holidays from Jollyday, and tiers a customer stored in H2 by JdbcStore (whose
 * schema Flyway migrates from the adapter's scripts). Prints one line per result.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("module: " + Main.class.getModule().getName() + ", crmkit: "
                + Policy.class.getModule().getName() + ", " + JdbcStore.class.getModule().getName());

        Policy policy = PolicyLoader.standard();
        System.out.println("standard policy: " + policy.ref());

        try (InputStream schema = ClassLoader.getSystemResourceAsStream("org/crmkit/rules/schema/policy-schema.json")) {
            System.out.println("policy schema: " + (schema == null ? "missing" : schema.readAllBytes().length > 0 ? "read" : "empty"));
        }

        String bavarian = PolicyLoader.standardText().replace("calendars:\n",
                "calendars:\n  munich:\n    time_zone: Europe/Berlin\n    hours: {mon-fri: [\"08:00-17:00\"]}\n"
                        + "    jollyday: {country: de, subdivisions: [by]}\n");
        BusinessCalendar munich = PolicyLoader.parse(bavarian, "bavarian.yaml").calendar("munich").orElseThrow();
        System.out.println("jollyday: 2026-10-03 is a holiday: " + munich.holidays().contains(LocalDate.of(2026, 10, 3)));

        List<DomainEvent> events = new ArrayList<>();
        Clock clock = Clock.fixed(LocalDate.of(2026, 4, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (JdbcStore store = JdbcStore.h2InMemory("modules")) {
            CustomerId acme = CustomerId.of("c-42");
            store.customers().save(Customer.of(acme, "ACME Trading", LocalDate.of(2024, 5, 6)));
            store.purchases().record(Purchase.of(PurchaseId.of("o-1"), acme, LocalDate.of(2026, 2, 3),
                    Money.of("CNY", "120000.00")));
            TieringService tiering = TieringService.of(policy, store, events::add, clock);
            TierDecision decision = tiering.evaluate(acme, LocalDate.of(2026, 3, 31));
            System.out.println("tier: " + decision.tier().map(Object::toString).orElse("none")
                    + ", stored: " + store.tierAssignments().current(acme).isPresent()
                    + ", events: " + events.size());
        }
    }
}

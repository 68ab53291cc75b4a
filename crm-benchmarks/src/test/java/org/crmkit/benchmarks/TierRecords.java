package org.crmkit.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;

/** The records of {@link TierData}'s files, read by hand (no quoting, no commas in values), for the reference. */
record TierRecords(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions) {

    static TierRecords read(Path dir) throws IOException {
        List<Customer> customers = rows(dir, "customers.csv").stream()
                .map(row -> new Customer(CustomerId.of(row[0]), row[1], Optional.of(row[3]), LocalDate.parse(row[2]),
                        Optional.empty(), ContactPreferences.none(), Boolean.parseBoolean(row[4])))
                .toList();
        List<Purchase> purchases = rows(dir, "orders.csv").stream()
                .map(row -> new Purchase(PurchaseId.of(row[0]), CustomerId.of(row[1]), LocalDate.parse(row[2]),
                        Money.of(Money.currency(row[4]), new BigDecimal(row[3])), Optional.of(row[5]), Optional.empty()))
                .toList();
        List<Interaction> interactions = rows(dir, "interactions.csv").stream()
                .map(row -> Interaction.of(InteractionId.of(row[0]), CustomerId.of(row[1]), OffsetDateTime.parse(row[2]),
                        Channel.parse(row[3]), InteractionKind.parse(row[4])))
                .toList();
        return new TierRecords(customers, purchases, interactions);
    }

    /** @return the records in memory, where the facts are those of the reference calculator */
    InMemoryStore inMemory() {
        InMemoryStore store = InMemoryStore.create();
        customers.forEach(store.customers()::save);
        purchases.forEach(store.purchases()::record);
        interactions.forEach(store.interactions()::record);
        return store;
    }

    private static List<String[]> rows(Path dir, String file) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }
}

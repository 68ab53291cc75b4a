package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.port.PurchaseHistory;

final class InMemoryPurchaseHistory implements PurchaseHistory {
    private static final Comparator<Purchase> BY_DAY_THEN_ID =
            Comparator.comparing(Purchase::orderDate).thenComparing(Purchase::id);

    private final Map<PurchaseId, Purchase> byId = new HashMap<>();
    private final Map<CustomerId, List<Purchase>> byCustomer = new HashMap<>();

    @Override
    public synchronized List<Purchase> findByCustomer(CustomerId customerId, DateWindow days) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(days, "days");
        List<Purchase> found = new ArrayList<>();
        for (Purchase purchase : byCustomer.getOrDefault(customerId, List.of())) {
            if (days.contains(purchase.orderDate())) {
                found.add(purchase);
            }
        }
        found.sort(BY_DAY_THEN_ID);
        return List.copyOf(found);
    }

    @Override
    public synchronized void record(Purchase purchase) {
        Objects.requireNonNull(purchase, "purchase");
        Purchase existing = byId.putIfAbsent(purchase.id(), purchase);
        if (existing == null) {
            byCustomer.computeIfAbsent(purchase.customerId(), id -> new ArrayList<>()).add(purchase);
        } else if (!existing.equals(purchase)) {
            throw new InvalidValueException("Purchase '" + purchase.id() + "' is already recorded with other values");
        }
    }
}

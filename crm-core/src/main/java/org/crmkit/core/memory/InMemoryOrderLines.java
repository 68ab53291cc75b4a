package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.OrderLine;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.port.OrderLines;

final class InMemoryOrderLines implements OrderLines {
    /** The order's lines by line number, the orders in id order. */
    private final Map<PurchaseId, Map<Integer, OrderLine>> byOrder = new TreeMap<>();

    @Override
    public synchronized List<OrderLine> findByOrder(PurchaseId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return List.copyOf(byOrder.getOrDefault(orderId, Map.of()).values());
    }

    @Override
    public void forEach(Consumer<? super OrderLine> action) {
        Objects.requireNonNull(action, "action");
        List<OrderLine> all = new ArrayList<>();
        synchronized (this) {
            byOrder.values().forEach(lines -> all.addAll(lines.values()));
        }
        // Outside the lock, so that a slow action does not hold up writers.
        all.forEach(action);
    }

    @Override
    public synchronized void record(OrderLine line) {
        Objects.requireNonNull(line, "line");
        OrderLine existing = byOrder.computeIfAbsent(line.orderId(), id -> new TreeMap<>())
                .putIfAbsent(line.lineNumber(), line);
        if (existing != null && !existing.equals(line)) {
            throw new InvalidValueException("Line " + line.lineNumber() + " of order '" + line.orderId()
                    + "' is already recorded with other values");
        }
    }
}

package org.crmkit.core.memory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TierAssignment;
import org.crmkit.core.port.TierAssignments;

final class InMemoryTierAssignments implements TierAssignments {
    private final Map<CustomerId, List<TierAssignment>> histories = new HashMap<>();

    @Override
    public synchronized Optional<TierAssignment> current(CustomerId customerId) {
        List<TierAssignment> history = histories.getOrDefault(Objects.requireNonNull(customerId, "customerId"),
                List.of());
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    @Override
    public synchronized Optional<TierAssignment> latestBefore(CustomerId customerId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<TierAssignment> history = histories.getOrDefault(Objects.requireNonNull(customerId, "customerId"),
                List.of());
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).asOf().isBefore(asOf)) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<TierAssignment> history(CustomerId customerId) {
        return List.copyOf(histories.getOrDefault(Objects.requireNonNull(customerId, "customerId"), List.of()));
    }

    @Override
    public void forEachHistory(LocalDate asOf, Consumer<? super List<TierAssignment>> action) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(action, "action");
        List<CustomerId> customers;
        synchronized (this) {
            customers = new ArrayList<>(histories.keySet());
        }
        customers.sort(Comparator.naturalOrder());
        for (CustomerId customer : customers) {
            List<TierAssignment> upToTheDay = history(customer).stream()
                    .filter(assignment -> !assignment.asOf().isAfter(asOf)).toList();
            if (!upToTheDay.isEmpty()) {
                action.accept(upToTheDay);
            }
        }
    }

    /** Checks and records under the store's lock, so that no other write comes in between. */
    @Override
    public synchronized void record(TierAssignment assignment, Optional<TierAssignment> readCurrent) {
        TierAssignments.super.record(assignment, readCurrent);
    }

    @Override
    public synchronized void record(TierAssignment assignment) {
        Objects.requireNonNull(assignment, "assignment");
        List<TierAssignment> history = histories.computeIfAbsent(assignment.customerId(), id -> new ArrayList<>());
        if (!history.isEmpty()) {
            TierAssignment latest = history.get(history.size() - 1);
            if (latest.asOf().isAfter(assignment.asOf())) {
                throw new ConcurrentUpdateException("Tier assignment of customer '" + assignment.customerId()
                        + "' as of " + assignment.asOf() + " is older than the stored one as of " + latest.asOf());
            }
            if (latest.asOf().equals(assignment.asOf())) {
                history.set(history.size() - 1, assignment);
                return;
            }
        }
        history.add(assignment);
    }
}

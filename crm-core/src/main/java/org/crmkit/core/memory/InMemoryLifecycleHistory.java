package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.ConcurrentUpdateException;
import org.crmkit.core.event.LifecycleStageChanged;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.port.LifecycleHistory;

final class InMemoryLifecycleHistory implements LifecycleHistory {
    private final Map<CustomerId, List<LifecycleStageChanged>> histories = new HashMap<>();

    @Override
    public synchronized Optional<LifecycleStageChanged> current(CustomerId customerId) {
        List<LifecycleStageChanged> history = histories.getOrDefault(
                Objects.requireNonNull(customerId, "customerId"), List.of());
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    @Override
    public synchronized List<LifecycleStageChanged> history(CustomerId customerId) {
        return List.copyOf(histories.getOrDefault(Objects.requireNonNull(customerId, "customerId"), List.of()));
    }

    @Override
    public synchronized void record(LifecycleStageChanged transition) {
        Objects.requireNonNull(transition, "transition");
        List<LifecycleStageChanged> history = histories.computeIfAbsent(transition.customerId(),
                id -> new ArrayList<>());
        if (!history.isEmpty()) {
            LifecycleStageChanged latest = history.get(history.size() - 1);
            if (latest.asOf().isAfter(transition.asOf())) {
                throw new ConcurrentUpdateException("Lifecycle transition of customer '" + transition.customerId()
                        + "' as of " + transition.asOf() + " is older than the stored one as of " + latest.asOf());
            }
            if (latest.asOf().equals(transition.asOf())) {
                history.set(history.size() - 1, transition);
                return;
            }
        }
        history.add(transition);
    }
}

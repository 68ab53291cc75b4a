package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.port.CaseEventLog;

final class InMemoryCaseEventLog implements CaseEventLog {
    private final Map<CaseId, List<CaseEvent>> byCase = new HashMap<>();

    @Override
    public synchronized List<CaseEvent> findByCase(CaseId caseId) {
        return List.copyOf(byCase.getOrDefault(Objects.requireNonNull(caseId, "caseId"), List.of()));
    }

    @Override
    public void forEach(Consumer<? super CaseEvent> action) {
        Objects.requireNonNull(action, "action");
        List<CaseId> cases;
        synchronized (this) {
            cases = new ArrayList<>(byCase.keySet());
        }
        cases.sort(Comparator.naturalOrder());
        for (CaseId caseId : cases) {
            findByCase(caseId).forEach(action);
        }
    }

    @Override
    public synchronized void append(CaseEvent event) {
        Objects.requireNonNull(event, "event");
        List<CaseEvent> events = byCase.computeIfAbsent(event.caseId(), id -> new ArrayList<>());
        if (!events.isEmpty()) {
            CaseEvent last = events.get(events.size() - 1);
            if (event.occurredAt().toInstant().isBefore(last.occurredAt().toInstant())) {
                throw new InvalidValueException("Event '" + event.type().key() + "' of case '" + event.caseId()
                        + "' at " + event.occurredAt() + " is before the case's last event at " + last.occurredAt());
            }
        }
        events.add(event);
    }
}

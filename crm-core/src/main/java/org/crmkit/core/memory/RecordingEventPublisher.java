package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.port.DomainEventPublisher;

/**
 * A publisher that keeps every event in memory, in publishing order: for tests, examples and
 * applications that read events after a batch run. Thread-safe.
 */
public final class RecordingEventPublisher implements DomainEventPublisher {
    private final List<DomainEvent> events = new ArrayList<>();

    /** Creates an empty publisher. */
    public RecordingEventPublisher() {
    }

    @Override
    public synchronized void publish(DomainEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    /** @return the events published so far, oldest first */
    public synchronized List<DomainEvent> events() {
        return List.copyOf(events);
    }

    /**
     * The events of one type published so far.
     *
     * @param type the event type; not null
     * @param <E> the event type
     * @return those events, oldest first
     */
    public synchronized <E extends DomainEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets all events. */
    public synchronized void clear() {
        events.clear();
    }
}

package org.crmkit.core.port;

import org.crmkit.core.event.DomainEvent;

/** Hands domain events to the application: a message bus, an outbox table, a listener. */
@FunctionalInterface
public interface DomainEventPublisher {
    /**
     * Publishes an event.
     *
     * @param event the event; not null
     */
    void publish(DomainEvent event);
}

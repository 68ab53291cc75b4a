package org.crmkit.jdbc.job;

import java.util.Objects;
import org.crmkit.core.event.DomainEvent;
import org.crmkit.core.port.DomainEventPublisher;

/**
 * Where {@link EventOutbox#drainTo} hands events: a message bus, a listener. Delivery is at least
 * once, so a consumer de-duplicates by the idempotency key.
 */
@FunctionalInterface
public interface OutboxSink {
    /**
     * Publishes one event. Returning means published; throwing leaves the event (and the later ones)
     * to the next drain.
     *
     * @param idempotencyKey the same for every delivery of the event, and for the event however
     *     many runs decide it, e.g. {@code tier-changed/c-1/2026-03-31}; not null
     * @param event the event; not null
     */
    void publish(String idempotencyKey, DomainEvent event);

    /**
     * A sink that hands the events to a {@link DomainEventPublisher}, dropping the key (which a
     * consumer can rebuild from the event: its type, customer and as-of day).
     *
     * @param publisher the publisher; not null
     * @return the sink
     */
    static OutboxSink of(DomainEventPublisher publisher) {
        Objects.requireNonNull(publisher, "publisher");
        return (idempotencyKey, event) -> publisher.publish(event);
    }
}

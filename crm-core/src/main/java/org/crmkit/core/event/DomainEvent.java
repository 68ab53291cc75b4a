package org.crmkit.core.event;

import java.time.Instant;

/**
 * Something that happened in the domain and that other parts of an application may react to.
 * Events are immutable values; publishing them is the job of a
 * {@link org.crmkit.core.port.DomainEventPublisher}.
 */
public interface DomainEvent {
    /** @return when the event happened, from the injected clock */
    Instant occurredAt();
}

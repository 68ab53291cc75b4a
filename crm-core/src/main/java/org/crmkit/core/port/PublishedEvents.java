package org.crmkit.core.port;

/**
 * Remembers which events were published, so that evaluations that run again (every few minutes,
 * after a restart) publish each event once. Keys come from the events, e.g.
 * {@link org.crmkit.core.event.SlaEvent#key()}; implementations may limit their length (the JDBC
 * adapter keeps up to 512 characters). Callers mark a key before publishing, so a failed publish
 * is not repeated: at-most-once delivery.
 */
public interface PublishedEvents {
    /**
     * Marks an event as published.
     *
     * @param key the event's key; not blank
     * @return true if the key was new (publish the event), false if it was published before
     */
    boolean markPublished(String key);
}

package org.crmkit.jdbc;

import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.port.PublishedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PublishedEvents} on {@code crm_published_event}. Marking is one statement that inserts
 * the key unless it is there, so that of several evaluations marking one key at once exactly one
 * is told to publish.
 */
final class JdbcPublishedEvents implements PublishedEvents {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPublishedEvents.class);

    /** Longest key the store keeps: the length of {@code crm_published_event.event_key}. */
    static final int MAX_KEY_LENGTH = 512;

    private final Database database;
    private final String insertUnlessPublished;

    JdbcPublishedEvents(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.insertUnlessPublished = database.dialect().insertKeyUnlessPresent("crm_published_event", "event_key",
                "VARCHAR(" + MAX_KEY_LENGTH + ")");
    }

    @Override
    public boolean markPublished(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new InvalidValueException("key must not be blank");
        }
        // Java counts UTF-16 units, never fewer than the characters either database counts.
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidValueException("Published event key must have at most " + MAX_KEY_LENGTH
                    + " characters, was " + key.length() + " long");
        }
        // A unique violation (H2, when a concurrent transaction committed the key first) runs the
        // statement once more, which then finds the key: already published.
        boolean inserted = database.transaction("mark event '" + key + "' published",
                connection -> Database.update(connection, insertUnlessPublished, key) == 1);
        LOG.debug("Marked event {} published: {}", key, inserted ? "new" : "published before");
        return inserted;
    }
}

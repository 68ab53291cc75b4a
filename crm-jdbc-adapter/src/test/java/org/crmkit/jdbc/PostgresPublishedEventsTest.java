package org.crmkit.jdbc;

import org.crmkit.core.port.PublishedEvents;
import org.crmkit.core.port.contract.PublishedEventsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PublishedEvents contract on an embedded PostgreSQL. */
class PostgresPublishedEventsTest extends PublishedEventsContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected PublishedEvents newPublishedEvents() {
        return DATABASE.store().publishedEvents();
    }
}

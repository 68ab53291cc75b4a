package org.crmkit.jdbc;

import org.crmkit.core.port.PublishedEvents;
import org.crmkit.core.port.contract.PublishedEventsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PublishedEvents contract on an H2 in-memory database. */
class H2PublishedEventsTest extends PublishedEventsContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected PublishedEvents newPublishedEvents() {
        return DATABASE.store().publishedEvents();
    }
}

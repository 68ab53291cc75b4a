package org.crmkit.core.memory;

import org.crmkit.core.port.PublishedEvents;
import org.crmkit.core.port.contract.PublishedEventsContract;

class InMemoryPublishedEventsTest extends PublishedEventsContract {
    @Override
    protected PublishedEvents newPublishedEvents() {
        return InMemoryStore.create().publishedEvents();
    }
}

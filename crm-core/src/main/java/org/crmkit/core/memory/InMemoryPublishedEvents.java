package org.crmkit.core.memory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.port.PublishedEvents;

final class InMemoryPublishedEvents implements PublishedEvents {
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    @Override
    public boolean markPublished(String key) {
        return keys.add(Checks.nonBlank(key, "key"));
    }
}

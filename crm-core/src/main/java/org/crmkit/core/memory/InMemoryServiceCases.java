package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.port.ServiceCases;

final class InMemoryServiceCases implements ServiceCases {
    private final ConcurrentSkipListMap<CaseId, ServiceCase> byId = new ConcurrentSkipListMap<>();

    @Override
    public Optional<ServiceCase> findById(CaseId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public void forEach(Consumer<? super ServiceCase> action) {
        Objects.requireNonNull(action, "action");
        List<ServiceCase> snapshot = new ArrayList<>(byId.values());
        snapshot.forEach(action);
    }

    @Override
    public void save(ServiceCase serviceCase) {
        byId.put(Objects.requireNonNull(serviceCase, "serviceCase").id(), serviceCase);
    }
}

package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.port.Customers;

final class InMemoryCustomers implements Customers {
    private final ConcurrentSkipListMap<CustomerId, Customer> byId = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public void forEach(Consumer<? super Customer> action) {
        Objects.requireNonNull(action, "action");
        // A snapshot, so that an action that saves does not see its own writes.
        List<Customer> snapshot = new ArrayList<>(byId.values());
        snapshot.forEach(action);
    }

    @Override
    public void save(Customer customer) {
        byId.put(Objects.requireNonNull(customer, "customer").id(), customer);
    }

    @Override
    public long count() {
        return byId.size();
    }
}

package org.crmkit.core.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.port.InteractionLog;

final class InMemoryInteractionLog implements InteractionLog {
    private static final Comparator<Interaction> BY_MOMENT_THEN_ID =
            Comparator.comparing((Interaction interaction) -> interaction.occurredAt().toInstant())
                    .thenComparing(Interaction::id);

    private final Map<InteractionId, Interaction> byId = new HashMap<>();
    private final Map<CustomerId, List<Interaction>> byCustomer = new HashMap<>();

    @Override
    public synchronized List<Interaction> findByCustomer(CustomerId customerId, Instant from, Instant until) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        List<Interaction> found = new ArrayList<>();
        for (Interaction interaction : byCustomer.getOrDefault(customerId, List.of())) {
            Instant moment = interaction.occurredAt().toInstant();
            if (!moment.isBefore(from) && moment.isBefore(until)) {
                found.add(interaction);
            }
        }
        found.sort(BY_MOMENT_THEN_ID);
        return List.copyOf(found);
    }

    @Override
    public void forEach(Instant from, Instant until, Consumer<? super Interaction> action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(action, "action");
        List<CustomerId> customers;
        synchronized (this) {
            customers = new ArrayList<>(byCustomer.keySet());
        }
        customers.sort(Comparator.naturalOrder());
        // One customer's interactions at a time, copied under the lock, so that the action may run
        // long without holding up writers and without a copy of the whole log.
        for (CustomerId customer : customers) {
            findByCustomer(customer, from, until).forEach(action);
        }
    }

    @Override
    public synchronized void record(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        Interaction existing = byId.putIfAbsent(interaction.id(), interaction);
        if (existing == null) {
            byCustomer.computeIfAbsent(interaction.customerId(), id -> new ArrayList<>()).add(interaction);
        } else if (!existing.equals(interaction)) {
            throw new InvalidValueException(
                    "Interaction '" + interaction.id() + "' is already recorded with other values");
        }
    }
}

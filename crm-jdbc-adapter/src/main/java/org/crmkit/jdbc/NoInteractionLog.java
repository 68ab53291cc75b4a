package org.crmkit.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.jdbc.mapping.ReadOnlyEntityException;

/**
 * The interaction log of an ERP whose mapping says {@code interactions: none}: it holds nothing,
 * and refuses writes, since crmkit's own table is not where that ERP's contacts are. Stateless.
 */
final class NoInteractionLog implements InteractionLog {
    @Override
    public List<Interaction> findByCustomer(CustomerId customerId, Instant from, Instant until) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        return List.of();
    }

    @Override
    public void forEach(Instant from, Instant until, Consumer<? super Interaction> action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(action, "action");
    }

    @Override
    public void record(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        throw new ReadOnlyEntityException("Could not record interaction '" + interaction.id()
                + "': the mapping says the ERP keeps no interactions (interactions: none)");
    }
}

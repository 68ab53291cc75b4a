package org.crmkit.cli.csv;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.StaffId;

/** Maps the rows of {@code interactions.csv} to {@link Interaction}s. */
final class InteractionRows {
    static final String ID = "interaction_id";
    static final List<String> REQUIRED = List.of(ID, "customer_id", "occurred_at", "channel", "kind");
    static final List<String> OPTIONAL = List.of("staff_id", "outcome");

    private final CustomerCheck customers;
    private final IdRegistry<InteractionId> ids = new IdRegistry<>();
    private final List<Interaction> interactions = new ArrayList<>();

    /** @param customers tells whether an interaction's customer exists */
    InteractionRows(CustomerCheck customers) {
        this.customers = customers;
    }

    /** Reads every row of the table, reporting bad values. */
    void read(CsvTable table, Problems problems) {
        for (CsvRow row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            Optional<InteractionId> id = cells.required(ID, InteractionId::of);
            id.flatMap(value -> ids.register(value, row.line())).ifPresent(first ->
                    cells.problem(ID, "duplicate id '" + id.get() + "', first on line " + first));
            Optional<CustomerId> customer = cells.required("customer_id", CustomerId::of);
            customer.ifPresent(value -> customers.check(cells, "customer_id", value));
            interaction(cells, id, customer).ifPresent(interactions::add);
        }
    }

    /**
     * The interaction of a row, its values checked (each bad one reported).
     *
     * @param cells the row's values
     * @param id the row's id, if it was good
     * @param customer the row's customer, if it was good
     * @return the interaction, or empty when a value of the row was bad
     */
    static Optional<Interaction> interaction(RowValues cells, Optional<InteractionId> id,
            Optional<CustomerId> customer) {
        Optional<OffsetDateTime> occurredAt = cells.required("occurred_at", Values::timestamp);
        Optional<Channel> channel = cells.required("channel", Channel::parse);
        Optional<InteractionKind> kind = cells.required("kind", InteractionKind::parse);
        Optional<StaffId> staff = cells.optional("staff_id", StaffId::of);
        Optional<String> outcome = cells.optionalText("outcome");
        if (!cells.ok()) {
            return Optional.empty();
        }
        return Optional.of(new Interaction(id.orElseThrow(), customer.orElseThrow(), occurredAt.orElseThrow(),
                channel.orElseThrow(), kind.orElseThrow(), staff, outcome));
    }

    /** @return the interactions of the rows without problems */
    List<Interaction> interactions() {
        return List.copyOf(interactions);
    }
}

package org.crmkit.cli.csv;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.StaffId;

/** Maps the rows of {@code customers.csv} to {@link Customer}s. */
final class CustomerRows {
    static final String ID = "customer_id";
    static final List<String> REQUIRED = List.of(ID, "name", "created_on");
    static final List<String> OPTIONAL = List.of("industry", "account_manager", "time_zone", "preferred_channel",
            "preferred_days", "preferred_hours", "do_not_contact", "strategic_agreement");

    private final IdRegistry<CustomerId> ids = new IdRegistry<>();
    /** The customers of the rows without problems, in file order, by id. */
    private final Map<CustomerId, Customer> customers = new LinkedHashMap<>();

    /** Reads every row of the table, reporting bad values. */
    void read(CsvTable table, Problems problems) {
        for (CsvRow row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            Optional<CustomerId> id = cells.required(ID, CustomerId::of);
            id.flatMap(value -> ids.register(value, row.line())).ifPresent(first ->
                    cells.problem(ID, "duplicate id '" + id.get() + "', first on line " + first));
            customer(cells, id).ifPresent(customer -> customers.put(customer.id(), customer));
        }
    }

    /**
     * The customer of a row, its values checked (each bad one reported).
     *
     * @param cells the row's values
     * @param id the row's id, if it was good
     * @return the customer, or empty when a value of the row was bad
     */
    static Optional<Customer> customer(RowValues cells, Optional<CustomerId> id) {
        Optional<String> name = cells.required("name", text -> text);
        Optional<LocalDate> createdOn = cells.required("created_on", Values::date);
        Optional<String> industry = cells.optionalText("industry");
        Optional<StaffId> manager = cells.optional("account_manager", StaffId::of);
        Optional<ZoneId> zone = cells.optional("time_zone", Values::zone);
        Optional<Channel> channel = cells.optional("preferred_channel", Channel::parse);
        Optional<Set<DayOfWeek>> days = cells.optional("preferred_days", ContactPreferences::parseDays);
        Optional<LocalTimeRange> hours = cells.optional("preferred_hours", LocalTimeRange::parse);
        Optional<Set<Channel>> blocked = cells.optional("do_not_contact", ContactPreferences::parseChannels);
        Optional<Boolean> strategic = cells.optional("strategic_agreement", Values::flag);
        if (!cells.ok()) {
            return Optional.empty();
        }
        ContactPreferences preferences = new ContactPreferences(zone, channel, days.orElse(Set.of()), hours,
                blocked.orElse(Set.of()));
        return Optional.of(new Customer(id.orElseThrow(), name.orElseThrow(), industry, createdOn.orElseThrow(),
                manager, preferences, strategic.orElse(false)));
    }

    /** @return whether a row with this id was read, even one with other bad values */
    boolean known(CustomerId id) {
        return ids.contains(id);
    }

    /** @return the day a customer was created, for one whose row had no problems */
    Optional<LocalDate> createdOn(CustomerId id) {
        return Optional.ofNullable(customers.get(id)).map(Customer::createdOn);
    }

    /** @return the customers of the rows without problems */
    List<Customer> customers() {
        return List.copyOf(customers.values());
    }
}

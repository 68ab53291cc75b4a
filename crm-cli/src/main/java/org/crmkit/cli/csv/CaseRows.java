package org.crmkit.cli.csv;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.ServiceCase;

/** Maps the rows of {@code complaints.csv} to {@link ServiceCase}s: complaints by default, or inquiries. */
final class CaseRows {
    static final String ID = "complaint_id";
    static final List<String> REQUIRED = List.of(ID, "customer_id", "opened_at");
    static final List<String> OPTIONAL = List.of("kind", "priority", "cause", "channel");

    private final Optional<CustomerCheck> customers;
    private final IdRegistry<CaseId> ids = new IdRegistry<>();
    private final List<ServiceCase> cases = new ArrayList<>();

    /** @param customers tells whether a case's customer exists, when a customers file was given */
    CaseRows(Optional<CustomerCheck> customers) {
        this.customers = customers;
    }

    /** Reads every row of the table, reporting bad values. */
    void read(CsvTable table, Problems problems) {
        for (CsvRow row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            Optional<CaseId> id = cells.required(ID, CaseId::of);
            id.flatMap(value -> ids.register(value, row.line())).ifPresent(first ->
                    cells.problem(ID, "duplicate id '" + id.get() + "', first on line " + first));
            Optional<CustomerId> customer = cells.required("customer_id", CustomerId::of);
            customer.ifPresent(value -> customers.ifPresent(check -> check.check(cells, "customer_id", value)));
            Optional<OffsetDateTime> openedAt = cells.required("opened_at", Values::timestamp);
            Optional<CaseKind> kind = cells.optional("kind", CaseKind::parse);
            Optional<Priority> priority = cells.optional("priority", Priority::parse);
            Optional<String> cause = cells.optionalText("cause");
            Optional<Channel> channel = cells.optional("channel", Channel::parse);
            if (cells.ok()) {
                cases.add(new ServiceCase(id.orElseThrow(), customer.orElseThrow(), openedAt.orElseThrow(),
                        kind.orElse(CaseKind.COMPLAINT), priority, cause, channel));
            }
        }
    }

    /** @return whether a row with this id was read, even one with other bad values */
    boolean known(CaseId id) {
        return ids.contains(id);
    }

    /** @return the cases of the rows without problems, in file order */
    List<ServiceCase> cases() {
        return List.copyOf(cases);
    }
}

package org.crmkit.jdbc;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.model.CustomerId;

/**
 * The reasons of a decision in a reason table ({@code crm_tier_reason}, {@code crm_lifecycle_reason}):
 * one row each, numbered 1, 2, 3... in their order, so that any text survives whole.
 */
final class ReasonRows {
    /** A reason table's columns, in the order {@link #write} writes them. */
    static final String COLUMNS = "customer_id, as_of, reason_number, reason";

    private ReasonRows() {
    }

    /**
     * An INSERT of one reason row.
     *
     * @param table the reason table
     * @return the statement, binding the columns in order
     */
    static String insert(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
    }

    /**
     * Writes a decision's reasons.
     *
     * @param sink where the reason table's rows go
     * @param customerId the customer decided
     * @param asOf the decision's day
     * @param reasons the reasons, in order
     * @throws SQLException if a statement refuses a row
     */
    static void write(RowSink sink, CustomerId customerId, LocalDate asOf, List<String> reasons) throws SQLException {
        int number = 0;
        for (String reason : reasons) {
            sink.text(customerId.value()).day(asOf).number(++number).text(reason).endRow();
        }
    }
}

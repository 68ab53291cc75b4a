package org.crmkit.core.port;

import java.util.List;
import java.util.function.Consumer;
import org.crmkit.core.model.OrderLine;
import org.crmkit.core.model.PurchaseId;

/** The lines of customers' orders: products, quantities and prices. */
public interface OrderLines {
    /**
     * An order's lines.
     *
     * @param orderId the order; not null
     * @return its lines by line number; empty if none
     */
    List<OrderLine> findByOrder(PurchaseId orderId);

    /**
     * Visits every line, order by order in ascending order id order, each order's by line number:
     * for engines that read every order in one pass. Implementations may stream from storage, so
     * the action must not call back into this port.
     *
     * @param action called once per line; not null
     */
    void forEach(Consumer<? super OrderLine> action);

    /**
     * Records a line. Recording the same line again changes nothing, so imports can be re-run.
     *
     * @param line the line; not null
     * @throws org.crmkit.core.InvalidValueException if another line with the same order and line
     *     number is recorded
     */
    void record(OrderLine line);
}

package org.crmkit.rules.cadence;

import java.util.function.Consumer;

/**
 * The customers a plan is made for, handed over one at a time: a list's {@code forEach}, or a
 * loop over a database cursor or a file. The planner keeps a few dozen bytes of each customer and
 * lets the rest go, so a source need never hold the base in memory.
 *
 * <pre>{@code
 * planner.plan(from, to, customers::forEach, sink);
 * planner.plan(from, to, each -> { while (rows.next()) each.accept(toCadenceCustomer(rows)); }, sink);
 * }</pre>
 */
@FunctionalInterface
public interface CadenceCustomerSource {
    /**
     * Hands every customer to the action, once each, in any order.
     *
     * @param action receives each customer; not null
     */
    void forEach(Consumer<? super CadenceCustomer> action);
}

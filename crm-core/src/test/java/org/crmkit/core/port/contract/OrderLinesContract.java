package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.OrderLine;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.port.OrderLines;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OrderLines} implementation must show. An adapter's test extends
 * this class and implements {@link #newOrderLines()}; test methods are public so that subclasses
 * in other packages inherit them.
 */
public abstract class OrderLinesContract {
    private static final PurchaseId ORDER = PurchaseId.of("o-1");

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract OrderLines newOrderLines();

    private static OrderLine line(String order, int number, String quantity, String price, String amount) {
        return OrderLine.of(PurchaseId.of(order), number, "p-" + number, new BigDecimal(quantity),
                Money.of("CNY", price), Money.of("CNY", amount));
    }

    @Test
    public void findsNothingForAnOrderWithoutLines() {
        OrderLines lines = newOrderLines();
        lines.record(line("o-1", 1, "1", "10.00", "10.00"));

        assertThat(lines.findByOrder(PurchaseId.of("o-2"))).isEmpty();
    }

    @Test
    public void roundTripsEveryField() {
        OrderLines lines = newOrderLines();
        OrderLine full = new OrderLine(PurchaseId.of("SO/2026-03/0042"), 3, "洗衣机-WM'8\"kg", Optional.of("家电; O'Brien's"),
                new BigDecimal("2.500"), Money.of("CNY", "0.000000000000000001"),
                Money.of("CNY", "12345678901234567890.123456789012345678"));

        lines.record(full);

        OrderLine found = lines.findByOrder(PurchaseId.of("SO/2026-03/0042")).get(0);
        assertThat(found).isEqualTo(full);
        assertThat(found.quantity()).isEqualTo(new BigDecimal("2.5"));
        assertThat(found.category()).contains("家电; O'Brien's");
        assertThat(found.productId()).isEqualTo("洗衣机-WM'8\"kg");
        assertThat(found.amount().amount()).isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
    }

    @Test
    public void keepsReturnLinesWithNegativeQuantitiesAndAmounts() {
        OrderLines lines = newOrderLines();
        OrderLine returned = line("o-1", 1, "-2", "15.00", "-30.00");

        lines.record(returned);

        assertThat(lines.findByOrder(ORDER)).containsExactly(returned);
    }

    @Test
    public void listsAnOrdersLinesByLineNumber() {
        OrderLines lines = newOrderLines();
        List<OrderLine> recorded = List.of(line("o-1", 10, "1", "1", "1"), line("o-1", 2, "1", "2", "2"),
                line("o-2", 1, "1", "9", "9"), line("o-1", 1, "3", "1", "3"));

        recorded.forEach(lines::record);

        assertThat(lines.findByOrder(ORDER)).extracting(OrderLine::lineNumber).containsExactly(1, 2, 10);
    }

    @Test
    public void recordingTheSameLineAgainChangesNothing() {
        OrderLines lines = newOrderLines();
        OrderLine once = line("o-1", 1, "2.0", "5.00", "10.00");

        lines.record(once);
        lines.record(line("o-1", 1, "2", "5", "10"));

        assertThat(lines.findByOrder(ORDER)).containsExactly(once);
    }

    @Test
    public void refusesAnotherLineUnderTheSameOrderAndNumber() {
        OrderLines lines = newOrderLines();
        OrderLine first = line("o-1", 1, "2", "5.00", "10.00");
        lines.record(first);

        assertThatThrownBy(() -> lines.record(line("o-1", 1, "3", "5.00", "15.00")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Line 1 of order 'o-1' is already recorded with other values");
        assertThat(lines.findByOrder(ORDER)).containsExactly(first);
    }

    @Test
    public void visitsEveryLineOrderByOrderInIdOrderEachByLineNumber() {
        OrderLines lines = newOrderLines();
        // Ascending id order is String order: upper case before lower case, "o-10" before "o-2".
        for (String order : List.of("o-2", "o-10", "O-3", "o-1")) {
            lines.record(line(order, 2, "1", "1", "1"));
            lines.record(line(order, 1, "1", "1", "1"));
        }
        List<String> visited = new ArrayList<>();

        lines.forEach(found -> visited.add(found.orderId() + "#" + found.lineNumber()));

        assertThat(visited).containsExactly("O-3#1", "O-3#2", "o-1#1", "o-1#2", "o-10#1", "o-10#2", "o-2#1", "o-2#2");
    }

    @Test
    public void visitsNothingWhenEmpty() {
        List<OrderLine> visited = new ArrayList<>();

        newOrderLines().forEach(visited::add);

        assertThat(visited).isEmpty();
    }
}

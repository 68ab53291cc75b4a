package org.crmkit.cli.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;

/**
 * Maps the rows of {@code orders.csv} to {@link Purchase}s: in the policy's currency, or, for the
 * purchase models, all in one currency, whichever the first order names.
 */
final class OrderRows {
    static final String ID = "order_id";
    static final List<String> REQUIRED = List.of(ID, "customer_id", "order_date", "amount", "currency");
    static final List<String> OPTIONAL = List.of("category", "quantity");

    private final Optional<Currency> policyCurrency;
    private final CustomerCheck customers;
    private final IdRegistry<PurchaseId> ids = new IdRegistry<>();
    private final List<Purchase> purchases = new ArrayList<>();
    /** Without a policy's currency: the first currency read, and its line. */
    private Optional<Currency> first = Optional.empty();
    private int firstLine;

    /**
     * @param currency the policy's currency; crmkit does not convert, so every order must use it
     * @param customers tells whether an order's customer exists
     */
    OrderRows(Currency currency, CustomerCheck customers) {
        this(Optional.of(currency), customers);
    }

    /**
     * @param policyCurrency the currency every order must use, or empty when any one currency will
     *     do as long as every order uses it
     * @param customers tells whether an order's customer exists
     */
    OrderRows(Optional<Currency> policyCurrency, CustomerCheck customers) {
        this.policyCurrency = policyCurrency;
        this.customers = customers;
    }

    /** Reads every row of the table, reporting bad values. */
    void read(CsvTable table, Problems problems) {
        for (CsvRow row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            Optional<PurchaseId> id = cells.required(ID, PurchaseId::of);
            id.flatMap(value -> ids.register(value, row.line())).ifPresent(first ->
                    cells.problem(ID, "duplicate id '" + id.get() + "', first on line " + first));
            Optional<CustomerId> customer = cells.required("customer_id", CustomerId::of);
            customer.ifPresent(value -> customers.check(cells, "customer_id", value));
            Optional<LocalDate> date = cells.required("order_date", Values::date);
            Optional<BigDecimal> amount = cells.required("amount", Values::amount);
            Optional<Currency> rowCurrency = cells.required("currency", Values::currency);
            rowCurrency.ifPresent(value -> checkCurrency(cells, value));
            Optional<String> category = cells.optionalText("category");
            Optional<BigDecimal> quantity = cells.optional("quantity", Values::quantity);
            if (cells.ok()) {
                purchases.add(new Purchase(id.orElseThrow(), customer.orElseThrow(), date.orElseThrow(),
                        Money.of(rowCurrency.orElseThrow(), amount.orElseThrow()), category, quantity));
            }
        }
    }

    private void checkCurrency(Cells cells, Currency currency) {
        if (policyCurrency.isPresent()) {
            if (!currency.equals(policyCurrency.get())) {
                cells.problem("currency", "currency " + currency.getCurrencyCode()
                        + " does not match the policy's currency " + policyCurrency.get().getCurrencyCode()
                        + " (crmkit does not convert currencies)");
            }
        } else if (first.isEmpty()) {
            first = Optional.of(currency);
            firstLine = cells.line();
        } else if (!currency.equals(first.get())) {
            cells.problem("currency", "currency " + currency.getCurrencyCode() + " differs from "
                    + first.get().getCurrencyCode() + " on line " + firstLine
                    + ": the orders must all be in one currency (crmkit does not convert currencies)");
        }
    }

    /** @return the purchases of the rows without problems */
    List<Purchase> purchases() {
        return List.copyOf(purchases);
    }
}

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
import org.crmkit.rules.io.InputProblem;

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
    /** Whether the customers' creation days count: not for orders alone, whose customers are theirs. */
    private final boolean creationCounts;
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
        this(Optional.of(currency), customers, true);
    }

    /**
     * @param policyCurrency the currency every order must use, or empty when any one currency will
     *     do as long as every order uses it
     * @param customers tells whether an order's customer exists
     */
    OrderRows(Optional<Currency> policyCurrency, CustomerCheck customers) {
        this(policyCurrency, customers, false);
    }

    private OrderRows(Optional<Currency> policyCurrency, CustomerCheck customers, boolean creationCounts) {
        this.policyCurrency = policyCurrency;
        this.customers = customers;
        this.creationCounts = creationCounts;
    }

    /**
     * The warning of an order dated before its customer was created: the order still counts, but
     * the date is often an export's stand-in for none (0001-01-01), or the customer's creation day
     * is too late, which understates its tenure.
     *
     * @param file the orders file
     * @param line the order's line
     * @param order the order's id
     * @param customer the customer's id
     * @param date the order's date as written
     * @param createdOn the customer's creation day
     * @return the warning, at the order's date
     */
    static InputProblem datedBeforeCreation(String file, int line, String order, String customer, String date,
            LocalDate createdOn) {
        return InputProblem.atColumn(file, line, "order_date", "order '" + order + "' of customer '" + customer
                + "' is dated " + date + ", before the customer was created on " + createdOn);
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
            // The amount's decimals are those of its own currency, when that is one.
            Optional<Currency> known = cells.optionalText("currency").flatMap(OrderRows::currencyOrEmpty);
            Optional<BigDecimal> amount = cells.required("amount", text -> known.isPresent()
                    ? Values.amount(text, known.get()) : Values.amount(text));
            Optional<Currency> rowCurrency = cells.required("currency", Values::currency);
            rowCurrency.ifPresent(value -> checkCurrency(cells, value));
            Optional<String> category = cells.optionalText("category");
            Optional<BigDecimal> quantity = cells.optional("quantity", Values::quantity);
            if (cells.ok()) {
                purchases.add(new Purchase(id.orElseThrow(), customer.orElseThrow(), date.orElseThrow(),
                        Money.of(rowCurrency.orElseThrow(), amount.orElseThrow()), category, quantity));
                if (creationCounts) {
                    customers.createdOn(customer.get()).filter(created -> date.get().isBefore(created))
                            .ifPresent(created -> problems.warning(datedBeforeCreation(table.name(), row.line(),
                                    id.get().value(), customer.get().value(), table.value(row, "order_date"),
                                    created)));
                }
            }
        }
    }

    /** @return the currency, or empty when the text is none (reported where the currency is read) */
    static Optional<Currency> currencyOrEmpty(String text) {
        try {
            return Optional.of(Values.currency(text));
        } catch (org.crmkit.core.InvalidValueException e) {
            return Optional.empty();
        }
    }

    private void checkCurrency(Cells cells, Currency currency) {
        if (policyCurrency.isPresent()) {
            if (!currency.equals(policyCurrency.get())) {
                cells.problem("currency", "currency " + currency.getCurrencyCode()
                        + " does not match the policy's currency " + policyCurrency.get().getCurrencyCode()
                        + " and the policy has no exchange rate for " + currency.getCurrencyCode());
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

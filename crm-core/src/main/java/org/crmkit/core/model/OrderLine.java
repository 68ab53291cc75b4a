package org.crmkit.core.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.internal.Checks;

/**
 * One line of an order: which product, how many, at what price. The line's amount is the ERP's
 * (after its discounts), not recomputed from quantity and price. Lines of returns and credit notes
 * have negative quantities or amounts. Immutable and thread-safe.
 *
 * @param orderId the order, as {@link Purchase#id()} names it; not null
 * @param lineNumber the line's place in the order, from 1
 * @param productId the product's key in the ERP, checked as an identifier is; not null
 * @param category the product category, if recorded; not null
 * @param quantity how many, normalised as {@link Money} normalises amounts, so that {@code 2.50}
 *     and {@code 2.5} make equal lines; not null
 * @param unitPrice the price of one; not null
 * @param amount the line's amount, in the unit price's currency; not null
 */
public record OrderLine(
        PurchaseId orderId,
        int lineNumber,
        String productId,
        Optional<String> category,
        BigDecimal quantity,
        Money unitPrice,
        Money amount) {

    /**
     * Checks the invariants.
     *
     * @throws InvalidValueException if the line number is below 1 or the product id is malformed
     * @throws CurrencyMismatchException if the amount is in another currency than the unit price
     */
    public OrderLine {
        Objects.requireNonNull(orderId, "orderId");
        if (lineNumber < 1) {
            throw new InvalidValueException("Line number of order '" + orderId + "' must be at least 1, was "
                    + lineNumber);
        }
        Checks.identifier(productId, "productId");
        Objects.requireNonNull(category, "category");
        category = category.map(String::strip).filter(text -> !text.isEmpty());
        quantity = Checks.shortest(Objects.requireNonNull(quantity, "quantity"));
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
        if (!amount.currency().equals(unitPrice.currency())) {
            throw new CurrencyMismatchException("Line " + lineNumber + " of order '" + orderId + "' amount",
                    unitPrice.currency(), amount.currency());
        }
    }

    /**
     * A line without category.
     *
     * @param orderId the order; not null
     * @param lineNumber from 1
     * @param productId the product; not null
     * @param quantity how many; not null
     * @param unitPrice the price of one; not null
     * @param amount the line's amount; not null
     * @return the line
     */
    public static OrderLine of(PurchaseId orderId, int lineNumber, String productId, BigDecimal quantity,
            Money unitPrice, Money amount) {
        return new OrderLine(orderId, lineNumber, productId, Optional.empty(), quantity, unitPrice, amount);
    }

    /**
     * Copy with a category.
     *
     * @param newCategory the category; not null
     * @return the copy
     */
    public OrderLine withCategory(String newCategory) {
        return new OrderLine(orderId, lineNumber, productId, Optional.of(newCategory), quantity, unitPrice, amount);
    }
}

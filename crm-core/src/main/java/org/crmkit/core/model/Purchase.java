package org.crmkit.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;

/**
 * One purchase by a customer: an order as the ERP records it. Immutable and thread-safe.
 *
 * @param id the purchase id; not null
 * @param customerId who bought; not null
 * @param orderDate the day of the order, in the company's calendar; not null
 * @param amount what the customer paid; zero or more (returns are not purchases); not null
 * @param category the product category, if recorded; not null
 * @param quantity the quantity, if recorded; more than zero; not null
 */
public record Purchase(
        PurchaseId id,
        CustomerId customerId,
        LocalDate orderDate,
        Money amount,
        Optional<String> category,
        Optional<BigDecimal> quantity) {

    /** Checks the invariants. */
    public Purchase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(quantity, "quantity");
        category = category.filter(text -> !text.isBlank());
        if (amount.isNegative()) {
            throw new InvalidValueException("Purchase '" + id + "': amount must not be negative, was " + amount);
        }
        if (quantity.isPresent() && quantity.get().signum() <= 0) {
            throw new InvalidValueException("Purchase '" + id + "': quantity must be more than zero, was "
                    + quantity.get().toPlainString());
        }
    }

    /**
     * Creates a purchase without category and quantity.
     *
     * @param id the purchase id; not null
     * @param customerId who bought; not null
     * @param orderDate the day of the order; not null
     * @param amount what was paid; not negative; not null
     * @return the purchase
     */
    public static Purchase of(PurchaseId id, CustomerId customerId, LocalDate orderDate, Money amount) {
        return new Purchase(id, customerId, orderDate, amount, Optional.empty(), Optional.empty());
    }

    /**
     * Copy with a product category.
     *
     * @param newCategory the category; not null
     * @return the copy
     */
    public Purchase withCategory(String newCategory) {
        return new Purchase(id, customerId, orderDate, amount, Optional.of(newCategory), quantity);
    }

    /**
     * Copy with a quantity.
     *
     * @param newQuantity the quantity, more than zero; not null
     * @return the copy
     */
    public Purchase withQuantity(BigDecimal newQuantity) {
        return new Purchase(id, customerId, orderDate, amount, category, Optional.of(newQuantity));
    }
}

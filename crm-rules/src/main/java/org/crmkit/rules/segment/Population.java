package org.crmkit.rules.segment;

import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crmkit.core.CurrencyMismatchException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/** The checks both segment engines make on a population before ranking it; not part of the API. */
final class Population {
    private Population() {
    }

    /**
     * Keys the inputs by customer, in customer id order so that nothing later depends on the
     * order the caller handed them over in.
     *
     * @param customers the inputs
     * @return the inputs by customer id
     * @throws InvalidValueException if a customer appears twice
     */
    static SortedMap<CustomerId, SegmentInput> byCustomerId(Collection<SegmentInput> customers) {
        Objects.requireNonNull(customers, "customers");
        SortedMap<CustomerId, SegmentInput> byId = new TreeMap<>();
        for (SegmentInput input : customers) {
            Objects.requireNonNull(input, "customers element");
            if (byId.putIfAbsent(input.customerId(), input) != null) {
                throw new InvalidValueException("customer '" + input.customerId() + "' appears more than once");
            }
        }
        return byId;
    }

    /**
     * Checks that every amount is in the currency of the first customer by id; crmkit never
     * converts currencies, and ranking mixed amounts would compare numbers that mean different things.
     *
     * @param amounts the amounts by customer id, in id order
     * @param what the name of the amount in the message, e.g. {@code "spend"}
     * @throws CurrencyMismatchException naming the first customer whose currency differs
     */
    static void requireOneCurrency(SortedMap<CustomerId, Money> amounts, String what) {
        if (amounts.isEmpty()) {
            return;
        }
        Currency expected = amounts.get(amounts.firstKey()).currency();
        for (Map.Entry<CustomerId, Money> entry : amounts.entrySet()) {
            Currency currency = entry.getValue().currency();
            if (!expected.equals(currency)) {
                throw new CurrencyMismatchException(what + " of customer '" + entry.getKey() + "'", expected, currency);
            }
        }
    }
}

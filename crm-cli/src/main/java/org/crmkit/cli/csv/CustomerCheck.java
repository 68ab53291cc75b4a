package org.crmkit.cli.csv;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.crmkit.core.model.CustomerId;

/**
 * Checks that a row's customer exists in the customers file. When that file could not be read
 * completely, nothing is checked: its own problems are reported, and a cascade of "unknown
 * customer" errors would only bury them.
 */
final class CustomerCheck {
    private final Predicate<CustomerId> known;
    private final Function<CustomerId, Optional<LocalDate>> createdOn;
    private final String customersFile;
    private final boolean trusted;

    CustomerCheck(CustomerRows customers, String customersFile, boolean trusted) {
        this(customers::known, customers::createdOn, customersFile, trusted);
    }

    /**
     * @param known whether a row with the id was read from the customers file, even one with other bad values
     * @param customersFile the file's name as the user gave it
     * @param trusted whether the file was read completely
     */
    CustomerCheck(Predicate<CustomerId> known, String customersFile, boolean trusted) {
        this(known, id -> Optional.empty(), customersFile, trusted);
    }

    private CustomerCheck(Predicate<CustomerId> known, Function<CustomerId, Optional<LocalDate>> createdOn,
            String customersFile, boolean trusted) {
        this.known = known;
        this.createdOn = createdOn;
        this.customersFile = customersFile;
        this.trusted = trusted;
    }

    /** @return a check that accepts every customer: no customers file was given */
    static CustomerCheck none() {
        return new CustomerCheck(id -> true, "", false);
    }

    /** @return the day a customer was created, when its row of the customers file was read without problems */
    Optional<LocalDate> createdOn(CustomerId id) {
        return createdOn.apply(id);
    }

    void check(Cells cells, String column, CustomerId id) {
        if (trusted && !known.test(id)) {
            cells.problem(column, "unknown customer '" + id + "', not in " + customersFile);
        }
    }
}

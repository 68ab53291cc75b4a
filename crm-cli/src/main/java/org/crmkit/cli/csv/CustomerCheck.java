package org.crmkit.cli.csv;

import java.util.function.Predicate;
import org.crmkit.core.model.CustomerId;

/**
 * Checks that a row's customer exists in the customers file. When that file could not be read
 * completely, nothing is checked: its own problems are reported, and a cascade of "unknown
 * customer" errors would only bury them.
 */
final class CustomerCheck {
    private final Predicate<CustomerId> known;
    private final String customersFile;
    private final boolean trusted;

    CustomerCheck(CustomerRows customers, String customersFile, boolean trusted) {
        this(customers::known, customersFile, trusted);
    }

    /**
     * @param known whether a row with the id was read from the customers file, even one with other bad values
     * @param customersFile the file's name as the user gave it
     * @param trusted whether the file was read completely
     */
    CustomerCheck(Predicate<CustomerId> known, String customersFile, boolean trusted) {
        this.known = known;
        this.customersFile = customersFile;
        this.trusted = trusted;
    }

    /** @return a check that accepts every customer: no customers file was given */
    static CustomerCheck none() {
        return new CustomerCheck(id -> true, "", false);
    }

    void check(Cells cells, String column, CustomerId id) {
        if (trusted && !known.test(id)) {
            cells.problem(column, "unknown customer '" + id + "', not in " + customersFile);
        }
    }
}

package org.crmkit.cli.csv;

import org.crmkit.core.model.CustomerId;

/**
 * Checks that a row's customer exists in the customers file. When that file could not be read
 * completely, nothing is checked: its own problems are reported, and a cascade of "unknown
 * customer" errors would only bury them.
 */
final class CustomerCheck {
    private final CustomerRows customers;
    private final String customersFile;
    private final boolean trusted;

    CustomerCheck(CustomerRows customers, String customersFile, boolean trusted) {
        this.customers = customers;
        this.customersFile = customersFile;
        this.trusted = trusted;
    }

    /** @return a check that accepts every customer: no customers file was given */
    static CustomerCheck none() {
        return new CustomerCheck(new CustomerRows(), "", false);
    }

    void check(Cells cells, String column, CustomerId id) {
        if (trusted && !customers.known(id)) {
            cells.problem(column, "unknown customer '" + id + "', not in " + customersFile);
        }
    }
}

package org.crmkit.cli.csv;

import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.Purchase;

/**
 * Reads the ERP exports of the interchange formats ({@code customers.csv}, {@code orders.csv},
 * {@code interactions.csv}) and validates them completely before anything uses them.
 *
 * <p>Files are RFC 4180 CSV in UTF-8 (a byte order mark is allowed) with a header row; columns
 * come in any order, unknown columns are ignored, values are trimmed and an empty optional value
 * counts as absent. Every problem of every file is collected, each naming file, line and column,
 * and thrown at once as a {@link CsvImportException}: a caller never sees part of the data.
 *
 * <pre>{@code
 * ImportedData data = CsvImport.read(Path.of("customers.csv"), Path.of("orders.csv"),
 *         Optional.of(Path.of("interactions.csv")), Money.currency("CNY"));
 * }</pre>
 */
public final class CsvImport {
    private CsvImport() {
    }

    /**
     * Reads and validates the files.
     *
     * @param customers {@code customers.csv}; not null
     * @param orders {@code orders.csv}; not null
     * @param interactions {@code interactions.csv}, if there is one; not null
     * @param currency the policy's currency: every order must be in it, since crmkit does not
     *     convert currencies; not null
     * @return the data
     * @throws CsvImportException listing every problem of every file
     */
    public static ImportedData read(Path customers, Path orders, Optional<Path> interactions, Currency currency) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(currency, "currency");
        Problems problems = new Problems();

        CustomerRows customerRows = new CustomerRows();
        Optional<CsvTable> customerTable = CsvTable.read(customers, CustomerRows.REQUIRED, CustomerRows.OPTIONAL,
                problems);
        customerTable.ifPresent(table -> customerRows.read(table, problems));
        CustomerCheck check = new CustomerCheck(customerRows, customers.toString(),
                customerTable.map(CsvTable::complete).orElse(false));

        OrderRows orderRows = new OrderRows(currency, check);
        CsvTable.read(orders, OrderRows.REQUIRED, OrderRows.OPTIONAL, problems)
                .ifPresent(table -> orderRows.read(table, problems));

        InteractionRows interactionRows = new InteractionRows(check);
        interactions.flatMap(file -> CsvTable.read(file, InteractionRows.REQUIRED, InteractionRows.OPTIONAL, problems))
                .ifPresent(table -> interactionRows.read(table, problems));

        problems.throwIfAny();
        List<Customer> customerList = customerRows.customers();
        List<Purchase> purchaseList = orderRows.purchases();
        List<Interaction> interactionList = interactionRows.interactions();
        return new ImportedData(customerList, purchaseList, interactionList);
    }
}

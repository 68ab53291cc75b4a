package org.crmkit.cli.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.sla.CaseHistoryException;

/**
 * Reads the ERP exports of the interchange formats ({@code customers.csv}, {@code orders.csv},
 * {@code interactions.csv}, {@code surveys.csv}, {@code complaints.csv},
 * {@code complaint_events.csv}) and validates
 * them completely before anything uses them.
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
        return read(new CustomerFiles(customers, orders, interactions), currency);
    }

    /**
     * Reads and validates the customer files.
     *
     * @param files the files; not null
     * @param currency the policy's currency: every order must be in it, since crmkit does not
     *     convert currencies; not null
     * @return the data
     * @throws CsvImportException listing every problem of every file
     */
    public static ImportedData read(CustomerFiles files, Currency currency) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(currency, "currency");
        Problems problems = new Problems();
        CustomerFileRows rows = readCustomerFiles(files, currency, problems);
        problems.throwIfAny();
        return rows.data();
    }

    /**
     * Reads and validates an orders file on its own, as {@link #readOrders(InputFile, Optional)}
     * does, each file named by its path.
     *
     * @param orders {@code orders.csv}; not null
     * @param customers {@code customers.csv}, if given; not null
     * @return the orders, in file order
     * @throws CsvImportException listing every problem of both files
     */
    public static List<Purchase> readOrders(Path orders, Optional<Path> customers) {
        return readOrders(InputFile.of(orders), customers.map(InputFile::of));
    }

    /**
     * Reads and validates an orders file on its own, for the purchase models, which need the
     * orders alone: every order must be in one currency, whichever the first names (any currency
     * will do, since nothing is converted or compared with the policy's amounts); when a
     * customers file is given, it is read and checked too, and every order's customer must be in it.
     *
     * @param orders {@code orders.csv}; not null
     * @param customers {@code customers.csv}, if given; not null
     * @return the orders, in file order
     * @throws CsvImportException listing every problem of both files
     */
    public static List<Purchase> readOrders(InputFile orders, Optional<InputFile> customers) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(customers, "customers");
        Problems problems = new Problems();
        CustomerCheck check = customers.map(file -> readCustomers(file, new CustomerRows(), problems))
                .orElseGet(CustomerCheck::none);
        OrderRows orderRows = new OrderRows(Optional.empty(), check);
        CsvTable.read(orders, OrderRows.REQUIRED, OrderRows.OPTIONAL, problems)
                .ifPresent(table -> orderRows.read(table, problems));
        problems.throwIfAny();
        return orderRows.purchases();
    }

    /**
     * Reads and validates case files as {@link #readCases(InputFile, InputFile, Optional, Currency,
     * CaseHistoryCheck)} does, each named by its path.
     *
     * @param complaints {@code complaints.csv}; not null
     * @param events {@code complaint_events.csv}; not null
     * @param customerFiles the customer files, if given; not null
     * @param currency the policy's currency, for the orders; not null
     * @param histories checks each case's history; not null
     * @return the cases and events, and the customer data if its files were given
     * @throws CsvImportException listing every problem of every file
     */
    public static ImportedCases readCases(Path complaints, Path events, Optional<CustomerFiles> customerFiles,
            Currency currency, CaseHistoryCheck histories) {
        return readCases(InputFile.of(complaints), InputFile.of(events), customerFiles, currency, histories);
    }

    /**
     * Reads and validates the service cases of {@code complaints.csv} and their events of
     * {@code complaint_events.csv}, and the customer files if given, which every case's customer
     * must then be in. Every event must belong to a case of the complaints file, and each case's
     * events, in file order, must make a possible history, which {@code histories} checks: a
     * problem with a history is reported at the line of the offending event. Histories are
     * checked only for cases whose rows were all read without problems, so that one bad row does
     * not also show up as a broken history.
     *
     * @param complaints {@code complaints.csv}; not null
     * @param events {@code complaint_events.csv}; not null
     * @param customerFiles the customer files, if given; not null
     * @param currency the policy's currency, for the orders; not null
     * @param histories checks each case's history; not null
     * @return the cases and events, and the customer data if its files were given
     * @throws CsvImportException listing every problem of every file
     */
    public static ImportedCases readCases(InputFile complaints, InputFile events, Optional<CustomerFiles> customerFiles,
            Currency currency, CaseHistoryCheck histories) {
        Objects.requireNonNull(complaints, "complaints");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(customerFiles, "customerFiles");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(histories, "histories");
        Problems problems = new Problems();
        Optional<CustomerFileRows> customerRows = customerFiles.map(files -> readCustomerFiles(files, currency,
                problems));
        ImportedCases imported = readCaseFiles(complaints, events, customerRows.map(CustomerFileRows::check),
                customerRows.map(CustomerFileRows::data), histories, problems);
        // The case files first, as the commands name them, then the customer files; each by line.
        List<String> files = new ArrayList<>(List.of(complaints.name(), events.name()));
        customerFiles.ifPresent(given -> given.all().forEach(file -> files.add(file.name())));
        problems.sort(Comparator.<InputProblem>comparingInt(problem -> files.indexOf(problem.source()))
                .thenComparingInt(InputProblem::line));
        problems.throwIfAny();
        return imported;
    }

    /**
     * Reads the case files: the cases, checked against the customers when a check is given, their
     * events, and each case's history (only of cases whose rows were all read without problems).
     * Problems are added in the order they are found, not sorted.
     *
     * @param customers tells whether a case's customer exists, when the customers were read
     * @param customerData what the customer files gave, for the result
     * @return the cases and events
     */
    static ImportedCases readCaseFiles(InputFile complaints, InputFile events, Optional<CustomerCheck> customers,
            Optional<ImportedData> customerData, CaseHistoryCheck histories, Problems problems) {
        CaseRows caseRows = new CaseRows(customers);
        Optional<CsvTable> caseTable = CsvTable.read(complaints, CaseRows.REQUIRED, CaseRows.OPTIONAL, problems);
        caseTable.ifPresent(table -> caseRows.read(table, problems));
        CaseEventRows eventRows = new CaseEventRows(caseRows, complaints.name(),
                caseTable.map(CsvTable::complete).orElse(false));
        Optional<CsvTable> eventTable = CsvTable.read(events, CaseEventRows.REQUIRED, CaseEventRows.OPTIONAL, problems);
        eventTable.ifPresent(table -> eventRows.read(table, problems));

        ImportedCases imported = new ImportedCases(caseRows.cases(), eventRows.events(), events.name(),
                customerData);
        if (eventTable.isPresent()) {
            for (ServiceCase serviceCase : imported.cases()) {
                if (!eventRows.complete(serviceCase.id())) {
                    continue;
                }
                try {
                    histories.check(serviceCase, imported.eventsOf(serviceCase.id()));
                } catch (CaseHistoryException e) {
                    problems.add(imported.historyProblem(e.caseId(), e.eventNumber(), e.problem()));
                }
            }
        }
        return imported;
    }

    /**
     * The customer files: customers, their orders, and optionally their interactions and survey
     * answers. Immutable and thread-safe.
     *
     * @param customers {@code customers.csv}; not null
     * @param orders {@code orders.csv}; not null
     * @param interactions {@code interactions.csv}, if given; not null
     * @param surveys {@code surveys.csv}, if given; not null
     */
    public record CustomerFiles(InputFile customers, InputFile orders, Optional<InputFile> interactions,
            Optional<InputFile> surveys) {
        /** Checks the invariants. */
        public CustomerFiles {
            Objects.requireNonNull(customers, "customers");
            Objects.requireNonNull(orders, "orders");
            Objects.requireNonNull(interactions, "interactions");
            Objects.requireNonNull(surveys, "surveys");
        }

        /** @return the files given, in the order customers, orders, interactions, survey answers */
        public List<InputFile> all() {
            List<InputFile> all = new ArrayList<>(List.of(customers, orders));
            interactions.ifPresent(all::add);
            surveys.ifPresent(all::add);
            return all;
        }

        /**
         * The files without survey answers.
         *
         * @param customers {@code customers.csv}; not null
         * @param orders {@code orders.csv}; not null
         * @param interactions {@code interactions.csv}, if given; not null
         */
        public CustomerFiles(InputFile customers, InputFile orders, Optional<InputFile> interactions) {
            this(customers, orders, interactions, Optional.empty());
        }

        /**
         * The files by their paths, each named as its path.
         *
         * @param customers {@code customers.csv}; not null
         * @param orders {@code orders.csv}; not null
         * @param interactions {@code interactions.csv}, if given; not null
         * @param surveys {@code surveys.csv}, if given; not null
         */
        public CustomerFiles(Path customers, Path orders, Optional<Path> interactions, Optional<Path> surveys) {
            this(InputFile.of(customers), InputFile.of(orders), interactions.map(InputFile::of),
                    surveys.map(InputFile::of));
        }

        /**
         * The files by their paths, without survey answers.
         *
         * @param customers {@code customers.csv}; not null
         * @param orders {@code orders.csv}; not null
         * @param interactions {@code interactions.csv}, if given; not null
         */
        public CustomerFiles(Path customers, Path orders, Optional<Path> interactions) {
            this(customers, orders, interactions, Optional.empty());
        }
    }

    /** What the customer files gave, and the check of customer ids against them. */
    private record CustomerFileRows(CustomerCheck check, ImportedData data) {
    }

    private static CustomerFileRows readCustomerFiles(CustomerFiles files, Currency currency, Problems problems) {
        CustomerRows customerRows = new CustomerRows();
        CustomerCheck check = readCustomers(files.customers(), customerRows, problems);

        OrderRows orderRows = new OrderRows(currency, check);
        CsvTable.read(files.orders(), OrderRows.REQUIRED, OrderRows.OPTIONAL, problems)
                .ifPresent(table -> orderRows.read(table, problems));

        InteractionRows interactionRows = new InteractionRows(check);
        files.interactions()
                .flatMap(file -> CsvTable.read(file, InteractionRows.REQUIRED, InteractionRows.OPTIONAL, problems))
                .ifPresent(table -> interactionRows.read(table, problems));

        SurveyRows surveyRows = new SurveyRows(check);
        files.surveys()
                .flatMap(file -> CsvTable.read(file, SurveyRows.REQUIRED, SurveyRows.OPTIONAL, problems))
                .ifPresent(table -> surveyRows.read(table, problems));
        return new CustomerFileRows(check, new ImportedData(customerRows.customers(), orderRows.purchases(),
                interactionRows.interactions(), surveyRows.answers(), problems.warnings()));
    }

    /** Reads the customers file into the rows, and returns the check of customer ids against it. */
    private static CustomerCheck readCustomers(InputFile customers, CustomerRows rows, Problems problems) {
        Optional<CsvTable> table = CsvTable.read(customers, CustomerRows.REQUIRED, CustomerRows.OPTIONAL, problems);
        table.ifPresent(read -> rows.read(read, problems));
        return new CustomerCheck(rows, customers.name(), table.map(CsvTable::complete).orElse(false));
    }
}

package org.crmkit.cli.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.rules.cadence.AgendaInputs;
import org.crmkit.rules.io.CsvRecord;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;

/**
 * The customers of {@code customers.csv} and the interactions of {@code interactions.csv}, read
 * row by row into records each time a plan asks for them, in file order, and let go at once: a
 * million customers are never held. The files are meant to have been checked already, by a
 * {@link CsvFactsSource} read of the same files; a problem found now means a file changed since,
 * and fails the read with the problems as a first read reports them (before the plan writes
 * anything, since the plan writes only once everything is read). Not thread-safe.
 */
public final class CsvAgendaInputs implements AgendaInputs {
    private final InputFile customers;
    private final Optional<InputFile> interactions;

    private CsvAgendaInputs(InputFile customers, Optional<InputFile> interactions) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
    }

    /**
     * The inputs of the customer files.
     *
     * @param files the customer files, of which the customers and interactions are read; not null
     * @return the inputs
     */
    public static CsvAgendaInputs of(CsvImport.CustomerFiles files) {
        return new CsvAgendaInputs(files.customers(), files.interactions());
    }

    @Override
    public void forEachCustomer(Consumer<? super Customer> action) {
        Objects.requireNonNull(action, "action");
        read(customers, CustomerRows.REQUIRED, CustomerRows.OPTIONAL,
                cells -> CustomerRows.customer(cells, cells.required(CustomerRows.ID, CustomerId::of)), action);
    }

    /** {@inheritDoc} Without an interactions file there are none. */
    @Override
    public void forEachInteraction(Instant from, Instant until, Consumer<? super Interaction> action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(action, "action");
        interactions.ifPresent(file -> read(file, InteractionRows.REQUIRED, InteractionRows.OPTIONAL,
                cells -> InteractionRows.interaction(cells, cells.required(InteractionRows.ID, InteractionId::of),
                        cells.required("customer_id", CustomerId::of)), interaction -> {
                            Instant at = interaction.occurredAt().toInstant();
                            if (!at.isBefore(from) && at.isBefore(until)) {
                                action.accept(interaction);
                            }
                        }));
    }

    /** Reads a file's rows into records, handing each to the action; fails on the file's problems. */
    private static <T> void read(InputFile file, List<String> required, List<String> optional,
            Function<RowValues, Optional<T>> record, Consumer<? super T> action) {
        FileProblems problems = new FileProblems();
        StreamTable table = new StreamTable(file, problems, required, optional) {
            @Override
            void started() {
                // Values are found by name, through values(row).
            }

            @Override
            void record(CsvRecord row) {
                record.apply(values(row)).ifPresent(action);
            }
        };
        table.read(file, ReadProgress.NONE);
        if (problems.any()) {
            List<InputProblem> kept = new ArrayList<>();
            problems.appendTo(kept, FileProblems.KEPT);
            throw new CsvImportException(kept, problems.count());
        }
    }
}

package org.crmkit.cli.csv;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;

/**
 * One CSV file read row by row through {@link CsvStream}, with the checks of {@link CsvTable}: the
 * header names every required column once, and every row has as many fields as the header. Rows
 * that pass go to {@link #record}; the values' problems are reported with {@link #problem}, with
 * the same file, line, column and message as {@link Cells}. Not thread-safe.
 */
abstract class StreamTable implements CsvStream.RowHandler {
    /** Parses a value's text; throws {@link InvalidValueException} quoting it. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text);
    }

    private final List<String> required;
    private final List<String> optional;
    protected final String name;
    protected final FileProblems problems;
    private int headerSize = -1;
    private boolean usable;
    private boolean fieldsComplete = true;
    private boolean readable;
    private Map<String, Integer> columns = Map.of();
    /** Whether the current row's values were all good so far. */
    protected boolean ok;
    protected int line;

    /** Rows handed to {@link #record} at once, after {@link #prefetch}; 1 for one at a time. */
    private final int batchSize;
    private final StreamRow[] batch;
    private int batched;

    StreamTable(Path file, FileProblems problems, List<String> required, List<String> optional) {
        this(file, problems, required, optional, 1);
    }

    /**
     * @param batchSize rows kept before they are recorded, so that {@link #prefetch} can start the
     *     memory loads of all of them at once instead of waiting for each in turn
     */
    StreamTable(Path file, FileProblems problems, List<String> required, List<String> optional, int batchSize) {
        this.name = file.toString();
        this.problems = problems;
        this.required = required;
        this.optional = optional;
        this.batchSize = batchSize;
        this.batch = new StreamRow[batchSize];
    }

    /**
     * Reads the file.
     *
     * @return whether it was read completely: readable, a usable header, no malformed quoting and
     *     no row with the wrong number of fields (a check across files trusts only such a file)
     */
    boolean read(Path file, ReadProgress progress) {
        CsvStream.Outcome outcome = CsvStream.read(file, problems, progress, this);
        flush();
        readable = outcome.readable();
        if (outcome.readable() && outcome.complete() && outcome.rows() == 0) {
            problems.header(CsvProblem.atLine(name, 1, "no header row: the file is empty"));
        }
        return outcome.readable() && outcome.complete() && usable && fieldsComplete;
    }

    /**
     * @return whether the file could be read and decoded; when not, it counts as absent, and the
     *     rows seen before the problem was found count for nothing
     */
    boolean readable() {
        return readable;
    }

    @Override
    public final StreamRow row(StreamRow row) {
        if (headerSize < 0) {
            header(row);
            return row;
        }
        if (!usable) {
            return row;
        }
        if (row.size() != headerSize) {
            problems.fields(CsvProblem.atLine(name, row.line(), "row has " + row.size() + " field"
                    + (row.size() == 1 ? "" : "s") + ", the header has " + headerSize));
            fieldsComplete = false;
            return row;
        }
        if (batchSize == 1) {
            recordOne(row);
            return row;
        }
        // The row joins the batch; a free one (of an earlier batch, or new) is filled next.
        StreamRow next = batch[batched];
        batch[batched++] = row;
        if (batched == batchSize) {
            flush();
        }
        return next == null ? new StreamRow() : next;
    }

    private void flush() {
        if (batched > 0) {
            prefetch(batch, batched);
            for (int i = 0; i < batched; i++) {
                recordOne(batch[i]);
            }
            batched = 0;
        }
    }

    private void recordOne(StreamRow row) {
        ok = true;
        line = row.line();
        record(row);
    }

    /**
     * Called with each batch before its rows are recorded: computes what the rows need and touches
     * the memory their records will use, so that the loads overlap.
     *
     * @param rows the batch
     * @param count how many rows it holds
     */
    void prefetch(StreamRow[] rows, int count) {
    }

    /** Reads a row whose fields line up with the header. */
    abstract void record(StreamRow row);

    /** @return the column's index in the file, or -1 when the file does not have it */
    int column(String column) {
        return columns.getOrDefault(column, -1);
    }

    /** @return whether the value is empty; a column the file does not have is always empty */
    static boolean isEmpty(StreamRow row, int column) {
        return column < 0 || row.length(column) == 0;
    }

    /** Reports a problem with a value of the current row. */
    void problem(String column, String message) {
        problems.value(CsvProblem.at(name, line, column, message));
        ok = false;
    }

    /** Reports "required value is empty" when the value is; returns whether it is there. */
    boolean present(StreamRow row, int index, String column) {
        if (isEmpty(row, index)) {
            problem(column, "required value is empty");
            return false;
        }
        return true;
    }

    /**
     * Parses a value the full way, reporting a bad one.
     *
     * @return the value, or empty when it is bad (reported)
     */
    <T> Optional<T> parse(StreamRow row, int index, String column, Parser<T> parser) {
        try {
            return Optional.of(parser.parse(row.text(index)));
        } catch (InvalidValueException e) {
            problem(column, e.getMessage());
            return Optional.empty();
        }
    }

    /** Checks an optional value the full way when it is there. */
    void optional(StreamRow row, String column, Parser<?> parser) {
        int index = column(column);
        if (!isEmpty(row, index)) {
            parse(row, index, column, parser);
        }
    }

    /**
     * Checks an id: the fast form, else crm-core's check.
     *
     * @return whether the id is valid (a bad one is reported)
     */
    boolean validId(StreamRow row, int index, String column, Parser<?> check) {
        if (FastValues.isPlainId(row.chars(), row.start(index), row.end(index))) {
            return true;
        }
        return parse(row, index, column, check).isPresent();
    }

    /**
     * Checks an id whose {@link FastValues#plainIdHash} is known.
     *
     * @param plainHash the id's plain hash, 0 when it is not plain
     * @return its hash if valid (a bad one is reported), else 0
     */
    long validId(StreamRow row, int index, String column, Parser<?> check, long plainHash) {
        if (plainHash != 0) {
            return plainHash;
        }
        if (parse(row, index, column, check).isEmpty()) {
            return 0;
        }
        return FastValues.hash(row.chars(), row.start(index), row.end(index));
    }

    private void header(StreamRow row) {
        List<String> names = row.texts();
        headerSize = names.size();
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> found = new HashMap<>();
        usable = true;
        for (int i = 0; i < names.size(); i++) {
            String column = names.get(i);
            if (!required.contains(column) && !optional.contains(column)) {
                continue;
            }
            Integer earlier = first.putIfAbsent(column, i);
            if (earlier != null) {
                problems.header(CsvProblem.at(name, row.line(), column, "appears twice in the header (fields "
                        + (earlier + 1) + " and " + (i + 1) + ")"));
                usable = false;
            } else {
                found.put(column, i);
            }
        }
        for (String column : required) {
            if (!found.containsKey(column)) {
                problems.header(CsvProblem.at(name, row.line(), column, "required column is missing"));
                usable = false;
            }
        }
        columns = Map.copyOf(found);
        started();
    }

    /** Called once the header is read, for the column indexes. */
    abstract void started();
}

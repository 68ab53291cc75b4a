package org.crmkit.cli.csv;

import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.io.InputProblem;

/**
 * Reads the values of one row with their parsers, reporting each bad value with file, line and
 * column; {@link #ok()} tells whether every value read so far was good. Not thread-safe.
 */
final class Cells implements RowValues {
    private final CsvTable table;
    private final CsvRow row;
    private final Problems problems;
    private boolean ok = true;

    Cells(CsvTable table, CsvRow row, Problems problems) {
        this.table = table;
        this.row = row;
        this.problems = problems;
    }

    /**
     * A required value, parsed.
     *
     * @return the value, or empty when it is empty or bad (both reported)
     */
    @Override
    public <T> Optional<T> required(String column, Parser<T> parser) {
        String text = table.value(row, column);
        if (text.isEmpty()) {
            problem(column, "required value is empty");
            return Optional.empty();
        }
        return parse(column, text, parser);
    }

    /**
     * An optional value, parsed.
     *
     * @return the value, or empty when absent or bad (only a bad value is reported and clears {@link #ok()})
     */
    @Override
    public <T> Optional<T> optional(String column, Parser<T> parser) {
        String text = table.value(row, column);
        return text.isEmpty() ? Optional.empty() : parse(column, text, parser);
    }

    /** @return the optional value as text, empty when absent */
    @Override
    public Optional<String> optionalText(String column) {
        String text = table.value(row, column);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** Reports a problem with a column of this row. */
    @Override
    public void problem(String column, String message) {
        problems.at(table.name(), row.line(), column, message);
        ok = false;
    }

    /** Reports a problem with the row as a whole, not with one of its columns. */
    void rowProblem(String message) {
        problems.add(InputProblem.atLine(table.name(), row.line(), message));
        ok = false;
    }

    /** @return whether every value read so far was good */
    @Override
    public boolean ok() {
        return ok;
    }

    /** @return the row's line */
    int line() {
        return row.line();
    }

    private <T> Optional<T> parse(String column, String text, Parser<T> parser) {
        try {
            return Optional.of(parser.parse(text));
        } catch (InvalidValueException e) {
            problem(column, e.getMessage());
            return Optional.empty();
        }
    }
}

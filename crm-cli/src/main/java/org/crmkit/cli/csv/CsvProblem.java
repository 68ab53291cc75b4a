package org.crmkit.cli.csv;

import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;

/**
 * One thing wrong with an input file: where it is and what it is. Printed as
 * {@code orders.csv:5: column 'amount': not a decimal amount: '12,50'}; the line is left out when
 * the whole file is concerned ({@code orders.csv: no such file}) and the column when the whole
 * row is ({@code orders.csv:7: row has 4 fields, the header has 5}). Immutable and thread-safe.
 *
 * @param file the file as the user named it; not null
 * @param line the 1-based line where the record starts, or 0 for the whole file
 * @param column the column's header name, if one column is concerned; not null
 * @param message what is wrong, quoting the bad value; not null
 */
public record CsvProblem(String file, int line, Optional<String> column, String message) {
    /** Checks the invariants. */
    public CsvProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new InvalidValueException("line must not be negative, was " + line);
        }
    }

    /**
     * A problem with one value.
     *
     * @param file the file; not null
     * @param line the 1-based line
     * @param column the column's header name; not null
     * @param message what is wrong; not null
     * @return the problem
     */
    public static CsvProblem at(String file, int line, String column, String message) {
        return new CsvProblem(file, line, Optional.of(column), message);
    }

    /**
     * A problem with a whole row.
     *
     * @param file the file; not null
     * @param line the 1-based line
     * @param message what is wrong; not null
     * @return the problem
     */
    public static CsvProblem atLine(String file, int line, String message) {
        return new CsvProblem(file, line, Optional.empty(), message);
    }

    /**
     * A problem with the whole file, such as a missing file.
     *
     * @param file the file; not null
     * @param message what is wrong; not null
     * @return the problem
     */
    public static CsvProblem inFile(String file, String message) {
        return new CsvProblem(file, 0, Optional.empty(), message);
    }

    /** @return {@code file:line: column 'name': message}, leaving out the parts that do not apply */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        column.ifPresent(name -> text.append("column '").append(name).append("': "));
        return text.append(message).toString();
    }
}

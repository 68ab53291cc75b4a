package org.crmkit.rules.io;

import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;

/**
 * One thing wrong with, or worth a warning about, an input: a CSV file, a policy document or a
 * file a policy names. Where it is and what it is, printed the way compilers report:
 * {@code orders.csv:5: column 'amount': not a decimal amount: '12,50'} for a value in a CSV file,
 * {@code policy.yaml:12: tiers[2].when.all[0].spend.gte: ...} for a key of a document. The line
 * is left out when the whole input is concerned ({@code orders.csv: no such file}), the field
 * when the whole record is ({@code orders.csv:7: row has 4 fields, the header has 5}). Immutable
 * and thread-safe.
 *
 * @param source the input's name as the user gave it, e.g. a file name or {@code <stdin>}; not null
 * @param line the 1-based line where the record or key starts, or 0 for the whole input (or unknown)
 * @param field the column or key path concerned, if one is; not null
 * @param message what is wrong, quoting the bad value; not null
 */
public record InputProblem(String source, int line, Optional<Field> field, String message) {
    /** Checks the invariants. */
    public InputProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new InvalidValueException("line must not be negative, was " + line);
        }
    }

    /** What in a record a problem concerns: a column of a CSV file or a key path of a document. */
    public sealed interface Field permits Column, KeyPath {
    }

    /**
     * A column of a CSV file, by its header name; printed {@code column 'amount'}. Immutable and
     * thread-safe.
     *
     * @param name the header name; not null
     */
    public record Column(String name) implements Field {
        /** Checks the name. */
        public Column {
            Objects.requireNonNull(name, "name");
        }

        /** @return {@code column 'name'} */
        @Override
        public String toString() {
            return "column '" + name + "'";
        }
    }

    /**
     * A key path of a document, e.g. {@code tiers[2].when.all[0].spend.gte}; printed as it is.
     * Immutable and thread-safe.
     *
     * @param path the path; not empty
     */
    public record KeyPath(String path) implements Field {
        /** Checks the path. */
        public KeyPath {
            Objects.requireNonNull(path, "path");
            if (path.isEmpty()) {
                throw new InvalidValueException("a key path must not be empty; leave the field out for the whole document");
            }
        }

        /** @return the path */
        @Override
        public String toString() {
            return path;
        }
    }

    /**
     * A problem with one value of a CSV file.
     *
     * @param source the file; not null
     * @param line the 1-based line where the record starts
     * @param column the column's header name; not null
     * @param message what is wrong; not null
     * @return the problem
     */
    public static InputProblem atColumn(String source, int line, String column, String message) {
        return new InputProblem(source, line, Optional.of(new Column(column)), message);
    }

    /**
     * A problem with one key of a document; a problem with the whole document when the path is empty.
     *
     * @param source the document; not null
     * @param line the 1-based line of the key, or 0 when unknown
     * @param path the key path, e.g. {@code tiers[2].when}, or empty for the whole document; not null
     * @param message what is wrong; not null
     * @return the problem
     */
    public static InputProblem atPath(String source, int line, String path, String message) {
        return new InputProblem(source, line, Objects.requireNonNull(path, "path").isEmpty() ? Optional.empty()
                : Optional.of(new KeyPath(path)), message);
    }

    /**
     * A problem with a whole record (a row, say) or, where nothing narrower is known, at a line.
     *
     * @param source the input; not null
     * @param line the 1-based line
     * @param message what is wrong; not null
     * @return the problem
     */
    public static InputProblem atLine(String source, int line, String message) {
        return new InputProblem(source, line, Optional.empty(), message);
    }

    /**
     * A problem with the whole input, such as a missing file.
     *
     * @param source the input; not null
     * @param message what is wrong; not null
     * @return the problem
     */
    public static InputProblem inFile(String source, String message) {
        return new InputProblem(source, 0, Optional.empty(), message);
    }

    /** @return the column's header name, when the problem concerns a column of a CSV file */
    public Optional<String> column() {
        return field.filter(Column.class::isInstance).map(Column.class::cast).map(Column::name);
    }

    /** @return the key path, when the problem concerns a key of a document; empty for the whole document */
    public Optional<String> keyPath() {
        return field.filter(KeyPath.class::isInstance).map(KeyPath.class::cast).map(KeyPath::path);
    }

    /**
     * The same problem at a line further down, for a part of an input read apart from the lines before it.
     *
     * @param lines the lines before the part
     * @return the problem, unchanged when it concerns the whole input (line 0)
     */
    public InputProblem movedDown(int lines) {
        return line == 0 ? this : new InputProblem(source, line + lines, field, message);
    }

    /**
     * The same problem with text added to its message.
     *
     * @param more the text; not null
     * @return the problem
     */
    public InputProblem withMessageEnding(String more) {
        return new InputProblem(source, line, field, message + Objects.requireNonNull(more, "more"));
    }

    /** @return {@code source:line: field: message}, leaving out the parts that do not apply */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        field.ifPresent(where -> text.append(where).append(": "));
        return text.append(message).toString();
    }
}

package org.crmkit.jdbc.mapping;

import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * One thing wrong with a mapping: where it is and what it is, in the format of the policy loader's
 * problems. Immutable and thread-safe.
 *
 * @param source the mapping's name: its file, or {@code mapping built in code}; not null
 * @param line the 1-based line in the file, or 0 when unknown
 * @param path the key path in the mapping, e.g. {@code orders.columns.amount}; empty for the whole mapping; not null
 * @param message what is wrong, naming the table or column and quoting the bad value; not null
 */
public record MappingProblem(String source, int line, String path, String message) {
    /** Checks the invariants. */
    public MappingProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new InvalidValueException("line must not be negative, was " + line);
        }
    }

    /** @return {@code source:line: path: message}, leaving out the parts that are unknown */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}

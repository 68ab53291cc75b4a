package org.crmkit.rules.policy;

import java.util.Objects;

/**
 * One thing wrong with, or worth a warning about, a policy document: where it is and what it is.
 * Immutable and thread-safe.
 *
 * @param source the document's name, e.g. a file name; not null
 * @param line the 1-based line, or 0 when unknown
 * @param path the path inside the document, e.g. {@code tiers[2].when.all[0].spend.gte}; empty for the whole document; not null
 * @param message what is wrong, quoting the bad value; not null
 */
public record PolicyProblem(String source, int line, String path, String message) {
    /** Checks the invariants. */
    public PolicyProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new org.crmkit.core.InvalidValueException("line must not be negative, was " + line);
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

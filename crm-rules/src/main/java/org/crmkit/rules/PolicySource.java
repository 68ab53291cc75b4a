package org.crmkit.rules;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where a policy came from: the document's name and the line of each path in it, so that lint
 * warnings can point into the file. Policies built in code have no lines. Immutable and
 * thread-safe.
 *
 * @param name the document's name, e.g. a file name; not null
 * @param lines the 1-based line of each path, e.g. {@code tiers[2].when}; not null
 */
public record PolicySource(String name, Map<String, Integer> lines) {
    /** Copies the lines. */
    public PolicySource {
        Objects.requireNonNull(name, "name");
        lines = Map.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /**
     * A source without lines.
     *
     * @param name the name; not null
     * @return the source
     */
    public static PolicySource named(String name) {
        return new PolicySource(name, Map.of());
    }

    /**
     * The line of a path.
     *
     * @param path the path; not null
     * @return the line, or empty when unknown
     */
    public OptionalInt line(String path) {
        Integer line = lines.get(Objects.requireNonNull(path, "path"));
        return line == null || line < 1 ? OptionalInt.empty() : OptionalInt.of(line);
    }
}

package org.crmkit.cli.csv;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Remembers the line each id was first seen on, to report duplicates naming both lines. */
final class IdRegistry<I> {
    private final Map<I, Integer> firstLine = new HashMap<>();

    /**
     * Registers an id.
     *
     * @return the line the id was first seen on, if it is a duplicate
     */
    Optional<Integer> register(I id, int line) {
        return Optional.ofNullable(firstLine.putIfAbsent(id, line));
    }

    boolean contains(I id) {
        return firstLine.containsKey(id);
    }
}

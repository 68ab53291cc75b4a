package org.crmkit.rules.cadence;

import java.util.Arrays;
import org.crmkit.core.InvalidValueException;

/**
 * The ids of a plan's customers (or complaints), their characters in one array: about two bytes a
 * character and four for its end, where a {@code CustomerId} with its {@code String} takes some 70
 * bytes. Ids are numbered in the order they are added. Once {@link #finish() finished}, {@link
 * #rank} is the place of an id in the ids' {@link String#compareTo natural order} (the order of
 * {@code CustomerId} and {@code CaseId}) and {@link #indexOf} finds an id by binary search; ids
 * added in ascending order, as the ports give them, need no table for either. Not thread-safe.
 */
final class IdTable {
    private final String what;
    private char[] chars = new char[1 << 12];
    private int[] ends = new int[1 << 8];
    private int size;
    private int length;
    private boolean ascending = true;
    private boolean finished;
    /** The rank of each id, or null while the ids were added in ascending order. */
    private int[] ranks;
    /** The id of each rank, or null while the ids were added in ascending order. */
    private int[] byRank;
    /** The id found last, since lookups come in runs of the same id. */
    private int lastFound = -1;

    /** @param what what the ids name, for messages: {@code "customer"} */
    IdTable(String what) {
        this.what = what;
    }

    /**
     * Adds an id.
     *
     * @param id the id
     * @return its number: 0, 1, 2...
     */
    int add(String id) {
        if (finished) {
            throw new IllegalStateException("the ids are finished");
        }
        int n = id.length();
        if (length + n > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(length + n, chars.length + (chars.length >> 1)));
        }
        id.getChars(0, n, chars, length);
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, IntList.grown(size));
        }
        ends[size] = length + n;
        length += n;
        if (size > 0 && ascending && compare(size - 1, size) >= 0) {
            ascending = false;
        }
        return size++;
    }

    /**
     * Ranks the ids, when they were not added in ascending order, and lets go of spare room.
     *
     * @throws InvalidValueException if an id was added twice, naming it
     */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        chars = Arrays.copyOf(chars, length);
        ends = Arrays.copyOf(ends, size);
        if (ascending) {
            return;
        }
        IntList order = new IntList(size);
        for (int number = 0; number < size; number++) {
            order.add(number);
        }
        order.sort(this::compare, new IntList(size));
        byRank = new int[size];
        ranks = new int[size];
        for (int rank = 0; rank < size; rank++) {
            byRank[rank] = order.get(rank);
            ranks[order.get(rank)] = rank;
            if (rank > 0 && compare(byRank[rank - 1], byRank[rank]) == 0) {
                throw new InvalidValueException(what + " '" + id(byRank[rank]) + "' is given twice");
            }
        }
    }

    /** @return whether the ids were added in ascending order, so that each id's number is its rank */
    boolean ascending() {
        return ranks == null;
    }

    /** The place of an id among all ids in their natural order. */
    int rank(int number) {
        return ranks == null ? number : ranks[number];
    }

    /** The id with a number. */
    String id(int number) {
        int start = number == 0 ? 0 : ends[number - 1];
        return new String(chars, start, ends[number] - start);
    }

    /**
     * Finds an id.
     *
     * @param id the id
     * @return its number, or -1 if it was not added
     */
    int indexOf(String id) {
        if (!finished) {
            throw new IllegalStateException("the ids are not finished");
        }
        if (lastFound >= 0 && compare(lastFound, id) == 0) {
            return lastFound;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int number = byRank == null ? middle : byRank[middle];
            int order = compare(number, id);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                lastFound = number;
                return number;
            }
        }
        return -1;
    }

    /** Compares two ids by number as {@link String#compareTo} does. */
    private int compare(int a, int b) {
        int startA = a == 0 ? 0 : ends[a - 1];
        int startB = b == 0 ? 0 : ends[b - 1];
        int lengthA = ends[a] - startA;
        int lengthB = ends[b] - startB;
        int common = Math.min(lengthA, lengthB);
        for (int i = 0; i < common; i++) {
            char x = chars[startA + i];
            char y = chars[startB + i];
            if (x != y) {
                return x - y;
            }
        }
        return lengthA - lengthB;
    }

    /** Compares an id by number with an id as {@link String#compareTo} does. */
    private int compare(int number, String id) {
        int start = number == 0 ? 0 : ends[number - 1];
        int own = ends[number] - start;
        int common = Math.min(own, id.length());
        for (int i = 0; i < common; i++) {
            char x = chars[start + i];
            char y = id.charAt(i);
            if (x != y) {
                return x - y;
            }
        }
        return own - id.length();
    }
}

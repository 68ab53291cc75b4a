package org.crmkit.rules.clv;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Finds distinct rows by key without an object per row: an open-addressing hash table of row
 * numbers (0, 1, 2... in the order the rows were added) whose keys live in the caller's own
 * primitive arrays. About 8 bytes per row beside those arrays, where a {@code HashMap} of boxed
 * keys takes about 80, which decides whether a million distinct histories fit a small heap. Not
 * thread-safe.
 */
final class RowIndex {
    private static final int EMPTY = -1;

    private final IntUnaryOperator hashOfRow;
    private int[] slots = emptySlots(64);
    private int size;

    /**
     * Creates an empty index.
     *
     * @param hashOfRow the hash of a row's key, the same that {@link #find} is given for that key
     */
    RowIndex(IntUnaryOperator hashOfRow) {
        this.hashOfRow = hashOfRow;
    }

    /**
     * Finds the row of a key.
     *
     * @param hash the key's hash
     * @param sameKey whether a row has the key
     * @return the row, or -1 if no row has the key
     */
    int find(int hash, IntPredicate sameKey) {
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int row = slots[slot];
            if (row == EMPTY || sameKey.test(row)) {
                return row;
            }
        }
    }

    /**
     * Adds the next row, whose key no row has yet.
     *
     * @return the row's number, the count of rows before it
     */
    int add() {
        int row = size++;
        if (size * 2 > slots.length) {
            int[] old = slots;
            slots = emptySlots(old.length * 2);
            for (int kept : old) {
                if (kept != EMPTY) {
                    place(kept);
                }
            }
        }
        place(row);
        return row;
    }

    /** @return the number of rows */
    int size() {
        return size;
    }

    private void place(int row) {
        int mask = slots.length - 1;
        int slot = spread(hashOfRow.applyAsInt(row)) & mask;
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = row;
    }

    /** Spreads the high bits down, as keys of nearby values often differ only there. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int[] emptySlots(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        return slots;
    }

    /**
     * A hash of a double as {@link Double#equals} tells doubles apart.
     *
     * @param value the value
     * @return its hash
     */
    static int hash(double value) {
        return Double.hashCode(value);
    }
}

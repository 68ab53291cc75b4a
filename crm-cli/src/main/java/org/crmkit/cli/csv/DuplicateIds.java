package org.crmkit.cli.csv;

import java.util.Arrays;

/**
 * Finds duplicate ids among millions of rows in bounded memory: a 64-bit fingerprint of each id in
 * a primitive open-addressing set (8 to 16 bytes per id), never the ids themselves. A fingerprint
 * seen before makes the row a suspect; since two different ids may share a fingerprint, suspects
 * are confirmed exactly by a second look at the file ({@link Confirmation}), which also finds the
 * line where the id first appeared. Files without duplicates, the usual case, are read once. Not
 * thread-safe.
 */
final class DuplicateIds implements Fingerprints {
    private long[] table = new long[1 << 16];
    private int size;
    private long[] suspectHashes = new long[16];
    private int[] suspectLines = new int[16];
    private int suspects;

    /**
     * Registers an id by its fingerprint.
     *
     * @param hash the fingerprint ({@link FastValues#hash}), never 0
     * @param line the row's line
     * @return -1 for an id not seen before, else the suspect's number
     */
    @Override
    public int register(long hash, int line) {
        long key = hash;
        int mask = table.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long entry = table[slot];
            if (entry == 0) {
                table[slot] = key;
                if (++size * 10L > table.length * 7L) {
                    grow();
                }
                return -1;
            }
            if (entry == key) {
                return suspect(hash, line);
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Reads the slot where registering this hash starts, so that the memory load is under way
     * before {@link #register} needs it.
     *
     * @return what the slot holds, to be ignored
     */
    @Override
    public long touch(long hash) {
        long[] slots = table;
        return slots[(int) (hash ^ (hash >>> 32)) & (slots.length - 1)];
    }

    /** @return how many rows are suspects */
    int suspects() {
        return suspects;
    }

    /** Frees the set once the file is read; the suspects stay for their confirmation. */
    void release() {
        table = new long[1];
    }

    private int suspect(long hash, int line) {
        if (suspects == suspectLines.length) {
            suspectHashes = Arrays.copyOf(suspectHashes, suspects * 2);
            suspectLines = Arrays.copyOf(suspectLines, suspects * 2);
        }
        suspectHashes[suspects] = hash;
        suspectLines[suspects] = line;
        return suspects++;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long key : old) {
            if (key != 0) {
                int slot = (int) (key ^ (key >>> 32)) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = key;
            }
        }
    }

    /**
     * The second look: fed every id of the file again in file order, it keeps the ids whose
     * fingerprint a suspect has (their characters, in one array) with the line each first appeared
     * on, and tells each suspect the line its id was first seen on.
     */
    Confirmation confirmation() {
        return new Confirmation();
    }

    /** See {@link #confirmation()}. */
    final class Confirmation {
        private final long[] suspectSet;
        private final int[] firstLines = new int[suspects];
        private int nextSuspect;
        private char[] chars = new char[1 << 12];
        private int length;
        private long[] hashes = new long[64];
        private int[] starts = new int[65];
        private int[] lines = new int[64];
        private int[] table = new int[128];
        private int size;

        private Confirmation() {
            suspectSet = Arrays.copyOf(suspectHashes, suspects);
            Arrays.sort(suspectSet);
        }

        /**
         * Looks at an id again.
         *
         * @param hash its fingerprint
         * @param line its row's line
         */
        void id(char[] c, int start, int end, long hash, int line) {
            if (Arrays.binarySearch(suspectSet, hash) < 0) {
                return;
            }
            int first = firstLine(c, start, end, hash, line);
            while (nextSuspect < suspects && suspectLines[nextSuspect] <= line) {
                if (suspectLines[nextSuspect] == line) {
                    firstLines[nextSuspect] = first < line ? first : 0;
                }
                nextSuspect++;
            }
        }

        /** @return for each suspect, the line its id was first seen on, or 0 if it is the first (a fingerprint clash) */
        int[] firstLines() {
            return firstLines;
        }

        private int firstLine(char[] c, int start, int end, long hash, int line) {
            int mask = table.length - 1;
            int slot = (int) (hash ^ (hash >>> 32)) & mask;
            while (table[slot] != 0) {
                int entry = table[slot] - 1;
                if (hashes[entry] == hash && Arrays.equals(chars, starts[entry], starts[entry + 1], c, start, end)) {
                    return lines[entry];
                }
                slot = (slot + 1) & mask;
            }
            if (size + 2 > hashes.length) {
                hashes = Arrays.copyOf(hashes, hashes.length * 2);
                lines = Arrays.copyOf(lines, lines.length * 2);
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            if (length + (end - start) > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + end - start));
            }
            System.arraycopy(c, start, chars, length, end - start);
            starts[size] = length;
            length += end - start;
            starts[size + 1] = length;
            hashes[size] = hash;
            lines[size] = line;
            table[slot] = size + 1;
            size++;
            if (size * 2 > table.length) {
                int[] grown = new int[table.length * 2];
                int grownMask = grown.length - 1;
                for (int i = 0; i < size; i++) {
                    int s = (int) (hashes[i] ^ (hashes[i] >>> 32)) & grownMask;
                    while (grown[s] != 0) {
                        s = (s + 1) & grownMask;
                    }
                    grown[s] = i + 1;
                }
                table = grown;
            }
            return line;
        }
    }
}

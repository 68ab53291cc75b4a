package org.crmkit.cli.csv;

import java.util.Arrays;

/**
 * The ids' fingerprints of a file whose parts are read side by side: a set of 64-bit fingerprints
 * in shards by their top bits, each an open-addressing table with a lock of its own, so that the
 * threads seldom wait for each other. It tells only whether any fingerprint came twice, not which
 * row came first, which depends on the threads' timing: a file where one does is read again in
 * file order, whose {@link DuplicateIds} reports the duplicates as a sequential read does.
 * Thread-safe.
 */
final class SharedFingerprints implements Fingerprints {
    private static final int SHARD_BITS = 6;

    private final Shard[] shards = new Shard[1 << SHARD_BITS];
    private volatile boolean repeated;

    /** One table of fingerprints; its lock guards it. */
    private static final class Shard {
        private long[] table;
        private int size;

        Shard(int capacity) {
            table = new long[capacity];
        }

        synchronized boolean add(long key) {
            long[] slots = table;
            int mask = slots.length - 1;
            for (int slot = slot(key) & mask; ; slot = (slot + 1) & mask) {
                long entry = slots[slot];
                if (entry == 0) {
                    slots[slot] = key;
                    if (++size * 10L > slots.length * 7L) {
                        grow();
                    }
                    return true;
                }
                if (entry == key) {
                    return false;
                }
            }
        }

        private void grow() {
            long[] old = table;
            long[] grown = new long[old.length * 2];
            int mask = grown.length - 1;
            for (long key : old) {
                if (key != 0) {
                    int slot = slot(key) & mask;
                    while (grown[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    grown[slot] = key;
                }
            }
            table = grown;
        }

        /** Reads without the lock: a stale table only makes the touch useless, never wrong. */
        long touch(long key) {
            long[] slots = table;
            return slots[slot(key) & (slots.length - 1)];
        }

        private static int slot(long key) {
            return (int) (key ^ (key >>> 32));
        }
    }

    /**
     * @param expected about how many ids will be registered: the tables are made large enough for
     *     them at once, since growing one means copying it while holding its lock
     */
    SharedFingerprints(long expected) {
        long perShard = expected / shards.length * 10 / 7 + 1;
        // Made at once, the tables take at most an eighth of the heap; beyond that they grow as needed.
        long affordable = Math.max(1 << 8, Runtime.getRuntime().maxMemory() / 8 / Long.BYTES / shards.length);
        int capacity = (int) Math.min(Math.min(1 << 28, Long.highestOneBit(affordable)),
                Math.max(1 << 8, Long.highestOneBit(perShard - 1) << 1));
        Arrays.setAll(shards, i -> new Shard(capacity));
    }

    /** @return -1, always: a repeated fingerprint only sets {@link #repeated()} */
    @Override
    public int register(long hash, int line) {
        if (!shards[shard(hash)].add(hash)) {
            repeated = true;
        }
        return -1;
    }

    @Override
    public long touch(long hash) {
        return shards[shard(hash)].touch(hash);
    }

    /** @return whether a fingerprint was registered twice: a duplicate id, or two ids that share it */
    boolean repeated() {
        return repeated;
    }

    private static int shard(long hash) {
        return (int) (hash >>> (64 - SHARD_BITS));
    }
}

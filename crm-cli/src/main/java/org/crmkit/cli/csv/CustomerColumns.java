package org.crmkit.cli.csv;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The customers of one read, as primitive columns indexed by the customer's number (its row's
 * order among the distinct ids): the ids' characters in one array with an open-addressing hash
 * index over them, and what the metrics need, summed up as orders and interactions stream by. About
 * 120 bytes per customer, whatever the number of orders.
 *
 * <p>Laid out for ten million lookups in random order: a slot of the index holds the id's 64-bit
 * hash, its length and, for ids of up to 16 characters below U+0100, the characters themselves, so
 * that finding a customer touches one cache line; and a customer's sums lie side by side in one
 * array, so that adding an order touches one more. Not thread-safe.
 */
final class CustomerColumns {
    /** No purchase on or before the as-of day. */
    static final int NO_DAY = Integer.MIN_VALUE;

    /** Longs per slot of the index: hash, length and number, and 16 characters of one byte. */
    private static final int SLOT = 4;
    private static final int INLINE_CHARS = 16;
    /** What {@link #packHalf} gives for characters that do not fit a byte. */
    private static final long NOT_PACKED = -1L;
    /** Longs per customer of the sums: spend; orders and last purchase; inquiries and quarters; creation. */
    private static final int SUMS = 4;
    private static final long LOW = 0xFFFF_FFFFL;

    private char[] idChars = new char[1 << 16];
    private int idLength;
    private int[] idStart = new int[1 << 12];
    private long[] table = new long[SLOT << 13];
    private int size;

    private int[] firstLine = new int[1 << 12];
    private long[] sums = new long[SUMS << 12];
    /** Spend that does not fit {@link #sums}: amounts with more decimals, or sums beyond a long. */
    private final Map<Integer, BigDecimal> exactSpend = new HashMap<>();

    CustomerColumns() {
    }

    private CustomerColumns(int customers) {
        sums = new long[SUMS * Math.max(customers, 1)];
        for (int customer = 0; customer < customers; customer++) {
            sums[customer * SUMS + 1] = NO_DAY & LOW;
        }
        idStart = new int[0];
        firstLine = new int[0];
        idChars = new char[0];
        table = new long[0];
    }

    /**
     * Empty sums for the customers known now, for one of the threads that read a file's parts side
     * by side: it sums its orders and interactions there, found through this index, and
     * {@link #addSums} adds them up at the end. Only the sums of orders and interactions work in
     * it ({@link #ordered}, {@link #spentExactly}, {@link #inquired}, {@link #lastPurchase},
     * {@link #touchSums}), and {@link #createdOn}, copied beside them so that comparing an order's
     * day with it touches no other memory than summing the order does.
     *
     * @return the sums, all empty, with the customers' creation days
     */
    CustomerColumns emptySums() {
        CustomerColumns part = new CustomerColumns(size);
        for (int customer = 0; customer < size; customer++) {
            part.sums[customer * SUMS + 3] = sums[customer * SUMS + 3];
        }
        return part;
    }

    /**
     * Adds what {@link #emptySums} sums up: spend, orders and inquiries add up, the last purchase
     * is the later and the active quarters are those of either; exactly, whatever the order the
     * sums are added in.
     *
     * @param part sums from {@link #emptySums}
     * @param scale decimals of the spend
     */
    void addSums(CustomerColumns part, int scale) {
        long[] from = part.sums;
        int customers = Math.min(size, from.length / SUMS);
        for (int customer = 0; customer < customers; customer++) {
            int at = customer * SUMS;
            addSpend(customer, from[at], scale);
            long ordersAndDay = sums[at + 1];
            long moreOrdersAndDay = from[at + 1];
            int orders = (int) (ordersAndDay >>> 32) + (int) (moreOrdersAndDay >>> 32);
            int last = Math.max((int) ordersAndDay, (int) moreOrdersAndDay);
            sums[at + 1] = ((long) orders << 32) | (last & LOW);
            long quartersAndInquiries = from[at + 2];
            sums[at + 2] = (sums[at + 2] | (quartersAndInquiries & ~LOW)) + (quartersAndInquiries & LOW);
        }
        part.exactSpend.forEach((customer, amount) -> exactSpend.merge(customer, amount, BigDecimal::add));
    }

    /** @return the number of customers */
    int size() {
        return size;
    }

    /**
     * Finds a customer by id.
     *
     * @param hash the id's {@link FastValues#hash}, never 0
     * @return the customer's number, or -1
     */
    int find(char[] c, int start, int end, long hash) {
        long key = hash;
        int length = end - start;
        int middle = Math.min(end, start + 8);
        long packed0 = length <= INLINE_CHARS ? packHalf(c, start, middle) : NOT_PACKED;
        long packed1 = length <= INLINE_CHARS ? packHalf(c, middle, end) : NOT_PACKED;
        boolean inline = packed0 != NOT_PACKED && packed1 != NOT_PACKED;
        long[] slots = table;
        int mask = slots.length / SLOT - 1;
        for (int slot = (int) (key ^ (key >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * SLOT;
            long entry = slots[at];
            if (entry == 0) {
                return -1;
            }
            if (entry == key && (int) (slots[at + 1] >>> 32) == length) {
                int customer = (int) (slots[at + 1] & LOW);
                if (inline ? slots[at + 2] == packed0 && slots[at + 3] == packed1
                        : Arrays.equals(idChars, idStart[customer], idStart[customer] + length, c, start, end)) {
                    return customer;
                }
            }
        }
    }

    /**
     * Reads the index slot where a lookup of this hash starts, so that the memory load is under
     * way before {@link #find} needs it.
     *
     * @return what the slot holds, to be ignored
     */
    long touch(long hash) {
        long[] slots = table;
        int mask = slots.length / SLOT - 1;
        return slots[((int) (hash ^ (hash >>> 32)) & mask) * SLOT];
    }

    /**
     * Reads a customer's sums, so that the memory load is under way before an order is added.
     *
     * @return what the sums hold, to be ignored
     */
    long touchSums(int customer) {
        return customer < 0 ? 0 : sums[customer * SUMS + 1];
    }

    /**
     * Adds a customer whose id is not known yet.
     *
     * @param hash the id's {@link FastValues#hash}
     * @return the customer's number
     */
    int add(char[] c, int start, int end, long hash, int line) {
        int customer = size;
        ensureCapacity(customer + 2);
        int length = end - start;
        if (idLength + length > idChars.length) {
            idChars = Arrays.copyOf(idChars, Math.max(idChars.length * 2, idLength + length));
        }
        System.arraycopy(c, start, idChars, idLength, length);
        idStart[customer] = idLength;
        idLength += length;
        idStart[customer + 1] = idLength;
        firstLine[customer] = line;
        sums[customer * SUMS + 1] = NO_DAY & LOW;
        size++;
        if ((long) size * 2 * SLOT > table.length) {
            long[] old = table;
            table = new long[old.length * 2];
            for (int at = 0; at < old.length; at += SLOT) {
                if (old[at] != 0) {
                    insert(old, at);
                }
            }
        }
        int middle = Math.min(end, start + 8);
        long packed0 = length <= INLINE_CHARS ? packHalf(c, start, middle) : NOT_PACKED;
        long packed1 = length <= INLINE_CHARS ? packHalf(c, middle, end) : NOT_PACKED;
        boolean inline = packed0 != NOT_PACKED && packed1 != NOT_PACKED;
        long[] entry = {hash, ((long) length << 32) | customer, inline ? packed0 : 0, inline ? packed1 : 0};
        insert(entry, 0);
        return customer;
    }

    private void insert(long[] from, int at) {
        int mask = table.length / SLOT - 1;
        long key = from[at];
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (table[slot * SLOT] != 0) {
            slot = (slot + 1) & mask;
        }
        System.arraycopy(from, at, table, slot * SLOT, SLOT);
    }

    /**
     * Up to 8 characters in a long, one byte each, as a slot keeps the halves of an id of at most
     * 16 characters; {@link #NOT_PACKED} if one is beyond U+00FF, when the id is compared in
     * {@link #idChars} instead (also for the one half of eight U+00FF that packs to it: finding
     * and adding agree, which is all that matters).
     */
    private static long packHalf(char[] c, int from, int to) {
        long packed = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            bits |= c[i];
            packed = (packed << 8) | c[i];
        }
        return bits > 0xFF ? NOT_PACKED : packed;
    }

    /** @return the line where the customer's id first appeared */
    int firstLine(int customer) {
        return firstLine[customer];
    }

    /** @return the customer's id */
    String id(int customer) {
        return new String(idChars, idStart[customer], idStart[customer + 1] - idStart[customer]);
    }

    /** Compares two customers' ids as {@link String#compareTo} does. */
    int compareIds(int a, int b) {
        return Arrays.compare(idChars, idStart[a], idStart[a + 1], idChars, idStart[b], idStart[b + 1]);
    }

    void created(int customer, int epochDay, boolean strategicAgreement) {
        sums[customer * SUMS + 3] = (epochDay & LOW) | (strategicAgreement ? 1L << 32 : 0);
    }

    /**
     * Makes a customer known from its orders alone created on the day of its first order: called
     * with each order's day, and with {@link Integer#MAX_VALUE} first, for "not yet".
     */
    void createdNoLaterThan(int customer, int epochDay) {
        if (epochDay < createdOn(customer)) {
            created(customer, epochDay, strategic(customer));
        }
    }

    int createdOn(int customer) {
        return (int) sums[customer * SUMS + 3];
    }

    boolean strategic(int customer) {
        return (sums[customer * SUMS + 3] >>> 32) != 0;
    }

    /**
     * An order on or before the as-of day.
     *
     * @param epochDay its day
     * @param inWindow whether it counts for the spend and the orders
     * @param unscaled its amount in units of {@code 10^-scale}, if {@code inWindow}
     * @param quarterBits the active quarters it makes, one bit each
     */
    void ordered(int customer, int epochDay, boolean inWindow, long unscaled, int scale, int quarterBits) {
        int at = customer * SUMS;
        long ordersAndDay = sums[at + 1];
        int orders = (int) (ordersAndDay >>> 32);
        int last = (int) ordersAndDay;
        if (epochDay > last) {
            last = epochDay;
        }
        if (inWindow) {
            orders++;
            addSpend(customer, unscaled, scale);
        }
        sums[at + 1] = ((long) orders << 32) | (last & LOW);
        sums[at + 2] |= (long) quarterBits << 32;
    }

    /** Adds to a customer's spend; a sum beyond a long goes to the exact spend whole. */
    private void addSpend(int customer, long unscaled, int scale) {
        int at = customer * SUMS;
        long spend = sums[at];
        long sum = spend + unscaled;
        if (((spend ^ sum) & (unscaled ^ sum)) < 0) {
            exactSpend.merge(customer, BigDecimal.valueOf(spend, scale).add(BigDecimal.valueOf(unscaled, scale)),
                    BigDecimal::add);
            sum = 0;
        }
        sums[at] = sum;
    }

    /** Spend in the window that does not fit the columns; {@link #ordered} counts the order. */
    void spentExactly(int customer, BigDecimal amount) {
        exactSpend.merge(customer, amount, BigDecimal::add);
    }

    void inquired(int customer) {
        sums[customer * SUMS + 2]++;
    }

    /** @return the exact spend in the window */
    BigDecimal spend(int customer, int scale) {
        BigDecimal sum = BigDecimal.valueOf(sums[customer * SUMS], scale);
        BigDecimal exact = exactSpend.get(customer);
        return exact == null ? sum : sum.add(exact);
    }

    int orders(int customer) {
        return (int) (sums[customer * SUMS + 1] >>> 32);
    }

    int activeQuarters(int customer) {
        return Long.bitCount(sums[customer * SUMS + 2] >>> 32);
    }

    int lastPurchase(int customer) {
        return (int) sums[customer * SUMS + 1];
    }

    int inquiries(int customer) {
        return (int) (sums[customer * SUMS + 2] & LOW);
    }

    /**
     * The customers created on or before a day, by ascending id.
     *
     * @param lastDay the as-of day's epoch day
     * @return their numbers
     */
    int[] byId(int lastDay) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            count += createdOn(i) <= lastDay ? 1 : 0;
        }
        int[] order = new int[count];
        int next = 0;
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            if (createdOn(i) <= lastDay) {
                order[next] = i;
                sorted &= next == 0 || compareIds(order[next - 1], i) < 0;
                next++;
            }
        }
        if (!sorted) {
            mergeSort(order, new int[count], 0, count);
        }
        return order;
    }

    private void mergeSort(int[] a, int[] scratch, int from, int to) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int value = a[i];
                int j = i - 1;
                while (j >= from && compareIds(a[j], value) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, scratch, from, middle);
        mergeSort(a, scratch, middle, to);
        if (compareIds(a[middle - 1], a[middle]) <= 0) {
            return;
        }
        System.arraycopy(a, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < middle && compareIds(scratch[left], scratch[right]) <= 0)) {
                a[i] = scratch[left++];
            } else {
                a[i] = scratch[right++];
            }
        }
    }

    private void ensureCapacity(int wanted) {
        if (wanted <= idStart.length) {
            return;
        }
        int capacity = Math.max(wanted, idStart.length * 2);
        idStart = Arrays.copyOf(idStart, capacity);
        firstLine = Arrays.copyOf(firstLine, capacity);
        sums = Arrays.copyOf(sums, capacity * SUMS);
    }
}

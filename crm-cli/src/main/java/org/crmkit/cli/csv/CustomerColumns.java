package org.crmkit.cli.csv;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The customers of one read, as primitive columns indexed by the customer's number (its row's
 * order among the distinct ids): the ids' characters in one array with an open-addressing hash
 * index over them, and what the metrics need, summed up as orders and interactions stream by. About
 * 40 bytes per customer, whatever the number of orders. Not thread-safe.
 */
final class CustomerColumns {
    /** No purchase on or before the as-of day. */
    static final int NO_DAY = Integer.MIN_VALUE;

    private char[] idChars = new char[1 << 16];
    private int idLength;
    private int[] idStart = new int[1 << 12];
    private int[] hashes = new int[1 << 12];
    private int[] table = new int[1 << 13];
    private int size;

    private int[] firstLine = new int[1 << 12];
    private int[] createdOn = new int[1 << 12];
    private boolean[] strategic = new boolean[1 << 12];
    private long[] spend = new long[1 << 12];
    private int[] orders = new int[1 << 12];
    private byte[] quarters = new byte[1 << 12];
    private int[] lastPurchase = new int[1 << 12];
    private int[] inquiries = new int[1 << 12];
    /** Spend that does not fit {@link #spend}: amounts with more decimals, or sums beyond a long. */
    private final Map<Integer, BigDecimal> exactSpend = new HashMap<>();

    /** @return the number of customers */
    int size() {
        return size;
    }

    /**
     * Finds a customer by id.
     *
     * @return the customer's number, or -1
     */
    int find(char[] c, int start, int end, long hash) {
        int mask = table.length - 1;
        int length = end - start;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            int customer = entry - 1;
            if (hashes[customer] == (int) hash && idStart[customer + 1] - idStart[customer] == length
                    && Arrays.equals(idChars, idStart[customer], idStart[customer] + length, c, start, end)) {
                return customer;
            }
        }
    }

    /**
     * Adds a customer whose id is not known yet.
     *
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
        hashes[customer] = (int) hash;
        firstLine[customer] = line;
        lastPurchase[customer] = NO_DAY;
        size++;
        if (size * 2L > table.length) {
            rehash(table.length * 2);
        } else {
            insert(customer);
        }
        return customer;
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
        createdOn[customer] = epochDay;
        strategic[customer] = strategicAgreement;
    }

    int createdOn(int customer) {
        return createdOn[customer];
    }

    boolean strategic(int customer) {
        return strategic[customer];
    }

    /** A purchase on or before the as-of day. */
    void purchased(int customer, int epochDay) {
        if (epochDay > lastPurchase[customer]) {
            lastPurchase[customer] = epochDay;
        }
    }

    /** A purchase in the window, of {@code unscaled} units of {@code 10^-scale}. */
    void spent(int customer, long unscaled, int scale) {
        orders[customer]++;
        long sum = spend[customer] + unscaled;
        if (((spend[customer] ^ sum) & (unscaled ^ sum)) < 0) {
            exactSpend.merge(customer, BigDecimal.valueOf(spend[customer], scale).add(BigDecimal.valueOf(unscaled,
                    scale)), BigDecimal::add);
            spend[customer] = 0;
        } else {
            spend[customer] = sum;
        }
    }

    /** A purchase in the window whose amount does not fit the columns. */
    void spent(int customer, BigDecimal amount) {
        orders[customer]++;
        exactSpend.merge(customer, amount, BigDecimal::add);
    }

    void activeIn(int customer, int quarterBits) {
        quarters[customer] |= (byte) quarterBits;
    }

    void inquired(int customer) {
        inquiries[customer]++;
    }

    /** @return the exact spend in the window */
    BigDecimal spend(int customer, int scale) {
        BigDecimal sum = BigDecimal.valueOf(spend[customer], scale);
        BigDecimal exact = exactSpend.get(customer);
        return exact == null ? sum : sum.add(exact);
    }

    int orders(int customer) {
        return orders[customer];
    }

    int activeQuarters(int customer) {
        return Integer.bitCount(quarters[customer] & 0xF);
    }

    int lastPurchase(int customer) {
        return lastPurchase[customer];
    }

    int inquiries(int customer) {
        return inquiries[customer];
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
            count += createdOn[i] <= lastDay ? 1 : 0;
        }
        int[] order = new int[count];
        int next = 0;
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            if (createdOn[i] <= lastDay) {
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

    private void insert(int customer) {
        int mask = table.length - 1;
        int slot = hashes[customer] & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = customer + 1;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int i = 0; i < size; i++) {
            insert(i);
        }
    }

    private void ensureCapacity(int wanted) {
        if (wanted <= idStart.length) {
            return;
        }
        int capacity = Math.max(wanted, idStart.length * 2);
        idStart = Arrays.copyOf(idStart, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        firstLine = Arrays.copyOf(firstLine, capacity);
        createdOn = Arrays.copyOf(createdOn, capacity);
        strategic = Arrays.copyOf(strategic, capacity);
        spend = Arrays.copyOf(spend, capacity);
        orders = Arrays.copyOf(orders, capacity);
        quarters = Arrays.copyOf(quarters, capacity);
        lastPurchase = Arrays.copyOf(lastPurchase, capacity);
        inquiries = Arrays.copyOf(inquiries, capacity);
    }
}

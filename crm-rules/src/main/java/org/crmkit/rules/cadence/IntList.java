package org.crmkit.rules.cadence;

import java.util.Arrays;

/**
 * A growable list of ints with a stable sort by a comparator of ints: the planner's queues of
 * contacts and customers are numbers, four bytes each, instead of boxed objects of sixteen and
 * more. Not thread-safe.
 */
final class IntList {
    /** Compares two ints, as {@link java.util.Comparator} compares objects. */
    @FunctionalInterface
    interface Order {
        /**
         * Compares two values.
         *
         * @param a the first
         * @param b the second
         * @return negative, zero or positive as {@code a} comes before, with or after {@code b}
         */
        int compare(int a, int b);
    }

    /** Below this many elements, insertion sort beats merging. */
    private static final int INSERTION = 24;

    private int[] values;
    private int size;

    IntList(int capacity) {
        values = new int[Math.max(capacity, 4)];
    }

    int size() {
        return size;
    }

    int get(int index) {
        return values[index];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, grown(size));
        }
        values[size++] = value;
    }

    /** @return the largest element; the list must not be empty */
    int max() {
        int max = values[0];
        for (int i = 1; i < size; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    void clear() {
        size = 0;
    }

    /**
     * Sorts the list, keeping the order of equal elements.
     *
     * @param order the order
     * @param scratch a list to borrow room from; its contents are lost
     */
    void sort(Order order, IntList scratch) {
        if (size <= INSERTION) {
            insertionSort(values, 0, size, order);
            return;
        }
        if (scratch.values.length < size) {
            scratch.values = new int[size];
        }
        mergeSort(values, scratch.values, 0, size, order);
    }

    /** @return the length an array of this length grows to, by half and 16; throws beyond an array's limit */
    static int grown(int length) {
        int larger = length + (length >> 1) + 16;
        if (larger < 0 || larger > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than " + length + " elements");
        }
        return larger;
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, Order order) {
        if (to - from <= INSERTION) {
            insertionSort(a, from, to, order);
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, tmp, from, middle, order);
        mergeSort(a, tmp, middle, to, order);
        if (order.compare(a[middle - 1], a[middle]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = middle;
        int k = from;
        while (i < middle && j < to) {
            a[k++] = order.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        }
        while (i < middle) {
            a[k++] = tmp[i++];
        }
        while (j < to) {
            a[k++] = tmp[j++];
        }
    }

    private static void insertionSort(int[] a, int from, int to, Order order) {
        for (int i = from + 1; i < to; i++) {
            int value = a[i];
            int j = i - 1;
            while (j >= from && order.compare(a[j], value) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }
}

package org.crmkit.rules.clv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer summaries grouped into distinct (x, t_x, T) rows with a weight, the number of
 * customers in each: likelihoods are sums over customers, and real customer bases repeat the
 * same few hundred recencies and ages (whole days), so a million customers shrink to far fewer
 * rows. The distinct x, t_x and T values are indexed too, so that a likelihood can compute what
 * depends on one of them once per evaluation.
 */
final class PurchaseRows {
    /** The number of customers. */
    final int customers;
    /** The number of distinct rows. */
    final int rows;
    /** Per row: x. */
    final int[] frequency;
    /** Per row: customers with this (x, t_x, T). */
    final double[] weight;
    /** Per row: index into {@link #frequencies}. */
    final int[] frequencyIndex;
    /** Per row: index into {@link #recencies}. */
    final int[] recencyIndex;
    /** Per row: index into {@link #ages}. */
    final int[] ageIndex;
    /** The distinct x values. */
    final int[] frequencies;
    /** The distinct t_x values. */
    final double[] recencies;
    /** The distinct T values. */
    final double[] ages;

    private record Key(int frequency, double recency, double age) {
    }

    private PurchaseRows(Builder builder) {
        customers = builder.customers;
        rows = builder.rowOf.size();
        frequency = Arrays.copyOf(builder.rowFrequency, rows);
        weight = Arrays.copyOf(builder.rowWeight, rows);
        frequencyIndex = Arrays.copyOf(builder.rowFrequencyIndex, rows);
        recencyIndex = Arrays.copyOf(builder.rowRecencyIndex, rows);
        ageIndex = Arrays.copyOf(builder.rowAgeIndex, rows);
        frequencies = new int[builder.frequencyOf.size()];
        builder.frequencyOf.forEach((x, index) -> frequencies[index] = x);
        recencies = new double[builder.recencyOf.size()];
        builder.recencyOf.forEach((tx, index) -> recencies[index] = tx);
        ages = new double[builder.ageOf.size()];
        builder.ageOf.forEach((age, index) -> ages[index] = age);
    }

    /**
     * Groups summaries.
     *
     * @param summaries the customers
     * @return the rows
     */
    static PurchaseRows of(List<PurchaseSummary> summaries) {
        Builder builder = new Builder();
        summaries.forEach(builder::add);
        return builder.build();
    }

    /** Groups customers one at a time, rows in the order of their first customer. */
    static final class Builder {
        private final Map<Key, Integer> rowOf = new HashMap<>();
        private final Map<Integer, Integer> frequencyOf = new HashMap<>();
        private final Map<Double, Integer> recencyOf = new HashMap<>();
        private final Map<Double, Integer> ageOf = new HashMap<>();
        private int customers;
        private int[] rowFrequency = new int[16];
        private double[] rowWeight = new double[16];
        private int[] rowFrequencyIndex = new int[16];
        private int[] rowRecencyIndex = new int[16];
        private int[] rowAgeIndex = new int[16];

        void add(PurchaseSummary summary) {
            Key key = new Key(summary.frequency(), summary.recency(), summary.age());
            Integer row = rowOf.get(key);
            if (row == null) {
                row = rowOf.size();
                if (row == rowFrequency.length) {
                    int capacity = row * 2;
                    rowFrequency = Arrays.copyOf(rowFrequency, capacity);
                    rowWeight = Arrays.copyOf(rowWeight, capacity);
                    rowFrequencyIndex = Arrays.copyOf(rowFrequencyIndex, capacity);
                    rowRecencyIndex = Arrays.copyOf(rowRecencyIndex, capacity);
                    rowAgeIndex = Arrays.copyOf(rowAgeIndex, capacity);
                }
                rowOf.put(key, row);
                rowFrequency[row] = key.frequency();
                rowFrequencyIndex[row] = frequencyOf.computeIfAbsent(key.frequency(), x -> frequencyOf.size());
                rowRecencyIndex[row] = recencyOf.computeIfAbsent(key.recency(), tx -> recencyOf.size());
                rowAgeIndex[row] = ageOf.computeIfAbsent(key.age(), age -> ageOf.size());
            }
            rowWeight[row]++;
            customers++;
        }

        PurchaseRows build() {
            return new PurchaseRows(this);
        }
    }

    /** @return t_x of a row */
    double recency(int row) {
        return recencies[recencyIndex[row]];
    }

    /** @return T of a row */
    double age(int row) {
        return ages[ageIndex[row]];
    }
}

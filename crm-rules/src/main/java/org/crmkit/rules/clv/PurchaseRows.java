package org.crmkit.rules.clv;

import java.util.Arrays;
import java.util.List;

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

    private PurchaseRows(Builder builder) {
        customers = builder.customers;
        rows = builder.rowOf.size();
        frequency = Arrays.copyOf(builder.rowFrequency, rows);
        weight = Arrays.copyOf(builder.rowWeight, rows);
        frequencyIndex = Arrays.copyOf(builder.rowFrequencyIndex, rows);
        recencyIndex = Arrays.copyOf(builder.rowRecencyIndex, rows);
        ageIndex = Arrays.copyOf(builder.rowAgeIndex, rows);
        frequencies = Arrays.stream(builder.frequencies.values()).mapToInt(x -> (int) x).toArray();
        recencies = builder.recencies.values();
        ages = builder.ages.values();
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

    /**
     * Groups customers one at a time, rows in the order of their first customer, and the distinct
     * x, t_x and T in the order of their first row. A row's key is its x and the indexes of its t_x
     * and T, so that about 32 bytes a row hold a million distinct histories.
     */
    static final class Builder {
        private final DistinctValues frequencies = new DistinctValues();
        private final DistinctValues recencies = new DistinctValues();
        private final DistinctValues ages = new DistinctValues();
        private final RowIndex rowOf = new RowIndex(this::hashOf);
        private int customers;
        private int[] rowFrequency = new int[16];
        private double[] rowWeight = new double[16];
        private int[] rowFrequencyIndex = new int[16];
        private int[] rowRecencyIndex = new int[16];
        private int[] rowAgeIndex = new int[16];

        void add(PurchaseSummary summary) {
            int x = summary.frequency();
            int frequencyIndex = frequencies.indexOf(x);
            int recencyIndex = recencies.indexOf(summary.recency());
            int ageIndex = ages.indexOf(summary.age());
            int row = rowOf.find(hash(x, recencyIndex, ageIndex), candidate -> rowFrequency[candidate] == x
                    && rowRecencyIndex[candidate] == recencyIndex && rowAgeIndex[candidate] == ageIndex);
            if (row < 0) {
                row = rowOf.size();
                if (row == rowFrequency.length) {
                    int capacity = row * 2;
                    rowFrequency = Arrays.copyOf(rowFrequency, capacity);
                    rowWeight = Arrays.copyOf(rowWeight, capacity);
                    rowFrequencyIndex = Arrays.copyOf(rowFrequencyIndex, capacity);
                    rowRecencyIndex = Arrays.copyOf(rowRecencyIndex, capacity);
                    rowAgeIndex = Arrays.copyOf(rowAgeIndex, capacity);
                }
                rowFrequency[row] = x;
                rowFrequencyIndex[row] = frequencyIndex;
                rowRecencyIndex[row] = recencyIndex;
                rowAgeIndex[row] = ageIndex;
                rowOf.add();
            }
            rowWeight[row]++;
            customers++;
        }

        private int hashOf(int row) {
            return hash(rowFrequency[row], rowRecencyIndex[row], rowAgeIndex[row]);
        }

        private static int hash(int frequency, int recencyIndex, int ageIndex) {
            return (frequency * 31 + recencyIndex) * 31 + ageIndex;
        }

        PurchaseRows build() {
            return new PurchaseRows(this);
        }
    }

    /** Distinct numbers (x fits a double exactly), numbered in the order first seen. */
    private static final class DistinctValues {
        private double[] values = new double[16];
        private final RowIndex index = new RowIndex(row -> RowIndex.hash(values[row]));

        int indexOf(double value) {
            int found = index.find(RowIndex.hash(value), row -> Double.compare(values[row], value) == 0);
            if (found >= 0) {
                return found;
            }
            int next = index.size();
            if (next == values.length) {
                values = Arrays.copyOf(values, next * 2);
            }
            values[next] = value;
            return index.add();
        }

        double[] values() {
            return Arrays.copyOf(values, index.size());
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

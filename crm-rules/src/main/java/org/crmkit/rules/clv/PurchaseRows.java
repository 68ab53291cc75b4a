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

    private PurchaseRows(List<PurchaseSummary> summaries) {
        Map<Key, Integer> rowOf = new HashMap<>();
        Map<Integer, Integer> frequencyOf = new HashMap<>();
        Map<Double, Integer> recencyOf = new HashMap<>();
        Map<Double, Integer> ageOf = new HashMap<>();
        int size = summaries.size();
        int[] rowFrequency = new int[size];
        double[] rowWeight = new double[size];
        int[] rowFrequencyIndex = new int[size];
        int[] rowRecencyIndex = new int[size];
        int[] rowAgeIndex = new int[size];
        for (PurchaseSummary summary : summaries) {
            Key key = new Key(summary.frequency(), summary.recency(), summary.age());
            Integer row = rowOf.get(key);
            if (row == null) {
                row = rowOf.size();
                rowOf.put(key, row);
                rowFrequency[row] = key.frequency();
                rowFrequencyIndex[row] = frequencyOf.computeIfAbsent(key.frequency(), x -> frequencyOf.size());
                rowRecencyIndex[row] = recencyOf.computeIfAbsent(key.recency(), tx -> recencyOf.size());
                rowAgeIndex[row] = ageOf.computeIfAbsent(key.age(), age -> ageOf.size());
            }
            rowWeight[row]++;
        }
        customers = size;
        rows = rowOf.size();
        frequency = Arrays.copyOf(rowFrequency, rows);
        weight = Arrays.copyOf(rowWeight, rows);
        frequencyIndex = Arrays.copyOf(rowFrequencyIndex, rows);
        recencyIndex = Arrays.copyOf(rowRecencyIndex, rows);
        ageIndex = Arrays.copyOf(rowAgeIndex, rows);
        frequencies = new int[frequencyOf.size()];
        frequencyOf.forEach((x, index) -> frequencies[index] = x);
        recencies = new double[recencyOf.size()];
        recencyOf.forEach((tx, index) -> recencies[index] = tx);
        ages = new double[ageOf.size()];
        ageOf.forEach((age, index) -> ages[index] = age);
    }

    /**
     * Groups summaries.
     *
     * @param summaries the customers
     * @return the rows
     */
    static PurchaseRows of(List<PurchaseSummary> summaries) {
        return new PurchaseRows(summaries);
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

package org.crmkit.cli.csv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.crmkit.core.facts.FactsQuery;

/**
 * The product categories of one read, numbered in the order they are first met, compared as
 * {@link FactsQuery#normalCategory} compares them (ignoring case): a customer's distinct categories
 * are then a set of small numbers. The spellings met so far are kept as characters too, so that the
 * usual few categories of ten million orders are found without making a string per order. Memory
 * grows with the distinct categories, not with the orders. Not thread-safe.
 */
final class Categories {
    /** Spellings kept as characters; more are still found, through a string. */
    private static final int SPELLINGS = 64;

    private final FactsQuery query;
    private final Map<String, Integer> byName = new HashMap<>();
    private boolean[] valueAdded = new boolean[16];
    private final char[][] spellings = new char[SPELLINGS][];
    private final int[] spellingIds = new int[SPELLINGS];
    private int spellingCount;

    /** @param query says which categories are value-added services */
    Categories(FactsQuery query) {
        this.query = query;
    }

    /**
     * The number of a category.
     *
     * @return its number, from 0, the same for every spelling that differs only in case
     */
    int id(char[] c, int start, int end) {
        int length = end - start;
        for (int i = 0; i < spellingCount; i++) {
            char[] spelling = spellings[i];
            if (spelling.length == length && Arrays.equals(spelling, 0, length, c, start, end)) {
                return spellingIds[i];
            }
        }
        String text = new String(c, start, length);
        String name = FactsQuery.normalCategory(text);
        Integer known = byName.get(name);
        int id;
        if (known != null) {
            id = known;
        } else {
            id = byName.size();
            byName.put(name, id);
            if (id == valueAdded.length) {
                valueAdded = Arrays.copyOf(valueAdded, id * 2);
            }
            valueAdded[id] = query.isValueAdded(text);
        }
        if (spellingCount < SPELLINGS) {
            spellings[spellingCount] = Arrays.copyOfRange(c, start, end);
            spellingIds[spellingCount++] = id;
        }
        return id;
    }

    /** @return whether the category of this number is one of the query's value-added services */
    boolean valueAdded(int id) {
        return valueAdded[id];
    }
}

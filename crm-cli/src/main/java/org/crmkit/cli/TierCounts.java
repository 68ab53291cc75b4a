package org.crmkit.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.crmkit.core.model.Tier;

/**
 * How many customers got each tier, counted as the decisions stream by, so that the summary's
 * distribution needs no list of a million outcomes. Not thread-safe.
 */
final class TierCounts {
    private final Map<Optional<Tier>, Long> counts = new LinkedHashMap<>();
    private long total;

    /**
     * Counts one outcome.
     *
     * @param tier the tier, or empty for none
     * @return the number of outcomes counted so far
     */
    long add(Optional<Tier> tier) {
        counts.merge(tier, 1L, Long::sum);
        return ++total;
    }

    /** @return the outcomes counted, each as often as it was counted, for {@code TierDistribution.of} */
    Iterable<Optional<Tier>> outcomes() {
        List<Map.Entry<Optional<Tier>, Long>> entries = new ArrayList<>(counts.entrySet());
        return () -> new Iterator<>() {
            private int entry;
            private long left = entries.isEmpty() ? 0 : entries.get(0).getValue();

            @Override
            public boolean hasNext() {
                while (left == 0 && entry + 1 < entries.size()) {
                    entry++;
                    left = entries.get(entry).getValue();
                }
                return left > 0;
            }

            @Override
            public Optional<Tier> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return entries.get(entry).getKey();
            }
        };
    }
}

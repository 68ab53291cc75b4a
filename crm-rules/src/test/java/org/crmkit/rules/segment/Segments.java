package org.crmkit.rules.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;

/** Builds segment inputs for tests; amounts are in CNY unless a test says otherwise. */
final class Segments {
    private Segments() {
    }

    static SegmentInput buyer(String id, int recencyDays, int frequency, String spend) {
        return SegmentInput.of(CustomerId.of(id), recencyDays, frequency, cny(spend));
    }

    /** A buyer who only matters for ABC: recency and frequency are placeholders. */
    static SegmentInput spender(String id, String spend) {
        return buyer(id, 1, 1, spend);
    }

    static Money cny(String amount) {
        return Money.of("CNY", amount);
    }

    /** A copy in another order; the seed comes from the property's generator, so a failure can be replayed. */
    static <T> List<T> shuffled(List<T> items, long seed) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }
}

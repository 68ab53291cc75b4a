package org.crmkit.rules.segment;

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
}

/**
 * Segmentation over a population of customers: {@link org.crmkit.rules.segment.RfmScorer RFM
 * scores} (recency, frequency, monetary value in quantile bins) and
 * {@link org.crmkit.rules.segment.AbcClassifier ABC (Pareto) classes} by share of spend.
 *
 * <p>Both are pure functions of a {@link org.crmkit.rules.segment.SegmentInput population}
 * and plain settings records: the result for a customer depends on the other customers, never on
 * the order they are handed over in, and no I/O or policy parsing happens here.
 */
@NullMarked
package org.crmkit.rules.segment;

import org.jspecify.annotations.NullMarked;

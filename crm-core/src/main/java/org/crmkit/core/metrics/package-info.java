/**
 * Per-customer metrics snapshots, the seam between data and decisions: engines evaluate a
 * {@link org.crmkit.core.metrics.CustomerMetrics} with pure functions, and computing it is
 * pluggable ({@link org.crmkit.core.metrics.MetricsCalculator} in memory, SQL elsewhere).
 */
@NullMarked
package org.crmkit.core.metrics;

import org.jspecify.annotations.NullMarked;

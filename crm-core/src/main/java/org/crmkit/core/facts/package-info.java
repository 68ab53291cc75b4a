/**
 * Per-customer facts as of a day, the one seam between data and decisions: the
 * {@link org.crmkit.core.metrics.CustomerMetrics metrics snapshot} the tier rules test, the purchase
 * history the customer-base models summarise, and the activity in the evaluation window the
 * relationship and lifecycle signals count. Engines evaluate facts with pure functions; computing
 * them is pluggable ({@link org.crmkit.core.port.CustomerFactsSource}): in memory by
 * {@link org.crmkit.core.facts.FactsCalculator}, the reference definition, and in SQL by the JDBC
 * adapter, proven equal to it.
 */
@NullMarked
package org.crmkit.core.facts;

import org.jspecify.annotations.NullMarked;

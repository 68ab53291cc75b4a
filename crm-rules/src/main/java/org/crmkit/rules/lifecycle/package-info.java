/**
 * Lifecycle stages (acquisition, growth, maturity, decline, churned) and the churn early warning:
 * pure functions of a customer's {@link org.crmkit.core.metrics.CustomerSignals signals} under
 * the policy's {@code lifecycle} section, each decision with its reasons;
 * {@link org.crmkit.rules.lifecycle.CustomerBaseAnalysis} computes the signals of a whole
 * customer base in memory and fits the purchase model that gives P(alive) and lifetime value.
 */
@NullMarked
package org.crmkit.rules.lifecycle;

import org.jspecify.annotations.NullMarked;

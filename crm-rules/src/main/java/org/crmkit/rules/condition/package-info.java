/**
 * Conditions on a customer's metrics snapshot, shared by every rule engine: comparisons of a
 * metric with a threshold combined with {@code all} and {@code any}, evaluated to results that
 * explain themselves.
 */
@NullMarked
package org.crmkit.rules.condition;

import org.jspecify.annotations.NullMarked;

/**
 * What all policy sections share: the {@link org.crmkit.rules.policy.PolicyHeader header},
 * the {@link org.crmkit.rules.policy.EvaluationWindow evaluation window}, and how problems in a
 * policy document are reported.
 */
@NullMarked
package org.crmkit.rules.policy;

import org.jspecify.annotations.NullMarked;

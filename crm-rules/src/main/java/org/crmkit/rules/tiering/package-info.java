/**
 * Tiering: ordered {@link org.crmkit.rules.tiering.TierRule rules} decide a customer's tier
 * from a metrics snapshot, first match wins, with optional
 * {@link org.crmkit.rules.tiering.DemotionGrace demotion grace}; every
 * {@link org.crmkit.rules.tiering.TierDecision decision} carries its explanation.
 */
@NullMarked
package org.crmkit.rules.tiering;

import org.jspecify.annotations.NullMarked;

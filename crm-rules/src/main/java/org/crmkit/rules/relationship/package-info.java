/**
 * Relationship level (trust, value, emotion, vision) and type (transactional, relational,
 * strategic) from a customer's {@link org.crmkit.core.metrics.CustomerSignals signals}, by the
 * evidence rules of the policy's {@code relationship} section; every
 * {@link org.crmkit.rules.relationship.RelationshipDecision decision} carries its reasons.
 */
@NullMarked
package org.crmkit.rules.relationship;

import org.jspecify.annotations.NullMarked;

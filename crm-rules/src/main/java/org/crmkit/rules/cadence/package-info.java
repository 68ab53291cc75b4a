/**
 * Contact cadences: {@link org.crmkit.rules.cadence.CadenceRule rhythms} per tier, owners with
 * daily capacity, a frequency cap and suppression, planned by the pure
 * {@link org.crmkit.rules.cadence.AgendaPlanner} into an {@link org.crmkit.rules.cadence.Agenda}
 * that reports every contact it could not place, or, for bases of any size, written day by day to
 * an {@link org.crmkit.rules.cadence.AgendaSink}.
 */
@NullMarked
package org.crmkit.rules.cadence;

import org.jspecify.annotations.NullMarked;

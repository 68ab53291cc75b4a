/**
 * Complaint and inquiry SLAs: {@link org.crmkit.rules.sla.SlaPolicy targets} with
 * {@link org.crmkit.rules.sla.Milestone milestones} in business time, evaluated by the pure
 * {@link org.crmkit.rules.sla.SlaEngine} (pauses, reopenings, priority changes) and run over
 * stored cases by {@link org.crmkit.rules.sla.SlaService}, which publishes each warning, breach
 * and met milestone once.
 */
@NullMarked
package org.crmkit.rules.sla;

import org.jspecify.annotations.NullMarked;

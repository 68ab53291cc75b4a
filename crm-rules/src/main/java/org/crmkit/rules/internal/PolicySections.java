package org.crmkit.rules.internal;

import java.util.List;
import java.util.Optional;
import org.crmkit.rules.cadence.CadenceSection;
import org.crmkit.rules.clv.ClvSection;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.lifecycle.LifecycleSection;
import org.crmkit.rules.relationship.RelationshipSection;
import org.crmkit.rules.segment.SegmentationSection;
import org.crmkit.rules.sla.SlaSection;
import org.crmkit.rules.tiering.TieringSection;

/**
 * The registration of every capability's policy section: one line per capability. The order is the
 * order of their keys in messages, the schema and the key reference, and the order they are read
 * in; a section may look up those registered before it (the SLA section checks its tiers against
 * tiering's).
 */
public final class PolicySections {
    /** Every section, in document order. */
    public static final List<PolicySection<?>> ALL = List.of(
            TieringSection.SECTION,
            SlaSection.SECTION,
            CadenceSection.SECTION,
            RelationshipSection.SECTION,
            LifecycleSection.SECTION,
            SegmentationSection.SECTION,
            ClvSection.SECTION);

    private PolicySections() {
    }

    /**
     * The declaration of a section type.
     *
     * @param type the type
     * @return its declaration, or empty when it is no section
     */
    public static Optional<PolicySection<?>> of(Class<?> type) {
        return ALL.stream().filter(section -> section.type().equals(type)).findFirst();
    }
}

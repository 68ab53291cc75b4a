package org.crmkit.rules.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
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
 * The registration of every capability's policy section: one line per capability, naming the class
 * that declares it ({@code TieringSection}). The order is the order of their keys in messages, the
 * schema and the key reference, and the order they are read in; a section may look up those
 * registered before it (the SLA section checks its tiers against tiering's).
 *
 * <p>Each declaring class keeps its declaration in a package-private {@code static final}
 * {@link PolicySection} field named {@code SECTION}: the capability packages are exported and
 * {@code PolicySection} is not, so a public field would put a loader type into the API. This class
 * reads the fields reflectively, which a module may always do to its own members.
 */
public final class PolicySections {
    /** Every section, in document order. */
    public static final List<PolicySection<?>> ALL = declaredBy(
            TieringSection.class,
            SlaSection.class,
            CadenceSection.class,
            RelationshipSection.class,
            LifecycleSection.class,
            SegmentationSection.class,
            ClvSection.class);

    private PolicySections() {
    }

    private static List<PolicySection<?>> declaredBy(Class<?>... declaring) {
        return Arrays.stream(declaring).<PolicySection<?>>map(PolicySections::declaration).toList();
    }

    /**
     * The section a class declares in its {@code static final PolicySection SECTION} field, which
     * must be in the package of the section's type (a capability is one package).
     *
     * @param declaring e.g. {@code TieringSection.class}
     * @return its declaration
     * @throws IllegalStateException if the class declares none, or one of another package's type
     */
    static PolicySection<?> declaration(Class<?> declaring) {
        Field field;
        try {
            field = declaring.getDeclaredField("SECTION");
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(declaring.getName() + " declares no field SECTION", e);
        }
        if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isFinal(field.getModifiers())
                || field.getType() != PolicySection.class) {
            throw new IllegalStateException(declaring.getName() + ".SECTION is not a static final PolicySection");
        }
        PolicySection<?> section;
        try {
            field.setAccessible(true);
            section = (PolicySection<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + declaring.getName() + ".SECTION", e);
        }
        if (!section.type().getPackageName().equals(declaring.getPackageName())) {
            throw new IllegalStateException(declaring.getName() + " declares " + section.type().getName()
                    + ", a type of another package");
        }
        return section;
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

package org.crmkit.rules.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.cadence.CadenceSection;
import org.crmkit.rules.clv.ClvSection;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.References;
import org.crmkit.rules.lifecycle.LifecycleSection;
import org.crmkit.rules.relationship.RelationshipSection;
import org.crmkit.rules.segment.SegmentationSection;
import org.crmkit.rules.sla.SlaSection;
import org.crmkit.rules.tiering.TieringPolicy;
import org.crmkit.rules.tiering.TieringSection;

/**
 * The registration of every capability's policy section: one line per capability, naming the class
 * that declares it ({@code TieringSection}). The order is the order of their keys in messages, the
 * schema and the key reference, and the order they are read and checked in.
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
     * Checks what each section refers to elsewhere in the policy (the SLA's and the cadences' tiers
     * and calendars) with each declaration's {@link PolicySection#check check}: the loader calls it
     * on the sections it read, {@code Policy.Builder} on those it was given, so that both report
     * the same problems.
     *
     * @param sections the sections by type; a section that could not be read is left out, and
     *     without tiering the references to tiers are not checked
     * @param calendars every calendar by name, in policy order with the built-in one last, or empty
     *     when they could not be read
     * @param report receives each problem at its path
     */
    public static void checkReferences(Map<Class<?>, Object> sections,
            Optional<Map<String, BusinessCalendar>> calendars, References.Report report) {
        Optional<List<Tier>> tiers = Optional.ofNullable(sections.get(TieringPolicy.class))
                .map(tiering -> ((TieringPolicy) tiering).ladder().tiers());
        References references = new References(tiers, calendars, report);
        for (PolicySection<?> section : ALL) {
            Object value = sections.get(section.type());
            if (value != null) {
                section.check(value, references);
            }
        }
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

package org.crmkit.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Shape;
import org.crmkit.rules.sla.SlaPolicy;
import org.crmkit.rules.sla.SlaSection;
import org.crmkit.rules.tiering.TieringPolicy;
import org.junit.jupiter.api.Test;

/** The registration reads each capability's package-private declaration and checks where it lives. */
class PolicySectionsTest {
    @Test
    void theRegistrationReadsEachDeclarationInItsOrder() {
        assertThat(PolicySections.ALL.get(0).type()).isEqualTo(TieringPolicy.class);
        assertThat(PolicySections.ALL.get(1).type()).isEqualTo(SlaPolicy.class);
        assertThat(PolicySections.declaration(SlaSection.class)).isSameAs(PolicySections.ALL.get(1));
    }

    @Test
    void noDeclarationIsPartOfTheApi() throws NoSuchFieldException {
        for (PolicySection<?> section : PolicySections.ALL) {
            String declaring = section.type().getPackageName() + "."
                    + section.type().getSimpleName().replace("Policy", "Section");
            assertThat(Modifier.isPublic(fieldOf(declaring).getModifiers())).as(declaring + ".SECTION is public").isFalse();
        }
    }

    private static java.lang.reflect.Field fieldOf(String className) throws NoSuchFieldException {
        try {
            return Class.forName(className).getDeclaredField("SECTION");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no declaring class " + className, e);
        }
    }

    @Test
    void aClassWithoutADeclarationIsRefused() {
        assertThatThrownBy(() -> PolicySections.declaration(PolicySectionsTest.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("org.crmkit.rules.internal.PolicySectionsTest declares no field SECTION");
    }

    @Test
    void aDeclarationOfAnotherPackagesTypeIsRefused() {
        assertThatThrownBy(() -> PolicySections.declaration(Elsewhere.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("org.crmkit.rules.internal.PolicySectionsTest$Elsewhere declares"
                        + " org.crmkit.rules.tiering.TieringPolicy, a type of another package");
    }

    @Test
    void aFieldOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> PolicySections.declaration(NotStatic.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("org.crmkit.rules.internal.PolicySectionsTest$NotStatic.SECTION is not a static final PolicySection");
    }

    /** Declares a section of a type that lives in another package. */
    static final class Elsewhere {
        static final PolicySection<TieringPolicy> SECTION = PolicySection.of(TieringPolicy.class)
                .description("Misplaced.").key("misplaced", Shape.fields("Nothing.").build())
                .reader(input -> java.util.Optional.empty()).build();
    }

    /** An instance field of the right name. */
    static final class NotStatic {
        final String SECTION = "not a declaration";
    }
}

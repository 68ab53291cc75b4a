package org.crmkit.rules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engines stay pure functions: only the I/O packages and the loader read files or parse, and no
 * engine reaches into the loader's internals.
 */
class RulesArchitectureTest {
    private static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crmkit.rules");

    /**
     * The packages that read files: the I/O packages and the policy loader's internal package. Every
     * other package, one added tomorrow too, is covered by {@link #onlyTheIoPackagesAndTheLoaderDoIo}.
     */
    private static final String[] IO = {"org.crmkit.rules.io..", "org.crmkit.rules.internal"};

    @Test
    void onlyTheIoPackagesAndTheLoaderDoIo() {
        // PolicyLoader is the loader's entry point, whose load(Path) and built-in policy read files and resources.
        noClasses().that().resideOutsideOfPackages(IO).and().doNotBelongToAnyOf(PolicyLoader.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "java.sql..", "com.fasterxml.jackson..")
                .because("engines are pure functions and reading a file is the I/O packages' business")
                .check(RULES);
    }

    @Test
    void everyPackageButTheIoPackagesIsCovered() {
        // The rule above names the packages it spares, not those it covers: a package added later is covered.
        assertThat(RULES.that(resideInAnyPackage(IO)).stream().map(JavaClass::getPackageName).distinct())
                .containsExactlyInAnyOrder("org.crmkit.rules.io", "org.crmkit.rules.io.clv", "org.crmkit.rules.internal");
    }

    /** The capability packages, each of which declares and reads its own policy section. */
    private static final String[] CAPABILITIES = {"org.crmkit.rules.tiering..", "org.crmkit.rules.sla..",
        "org.crmkit.rules.cadence..", "org.crmkit.rules.relationship..", "org.crmkit.rules.lifecycle..",
        "org.crmkit.rules.segment..", "org.crmkit.rules.clv.."};

    @Test
    void enginesDoNotReachIntoTheLoader() {
        noClasses().that().resideInAnyPackage("org.crmkit.rules.condition..", "org.crmkit.rules.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.crmkit.rules.internal..")
                .check(RULES);
        noClasses().that().resideInAnyPackage(CAPABILITIES)
                .should().dependOnClassesThat().resideInAPackage("org.crmkit.rules.internal")
                .check(RULES);
    }

    @Test
    void onlySectionDeclarationsAndReadersUseTheReadingHelpers() {
        noClasses().that().resideInAnyPackage(CAPABILITIES).and().haveNameNotMatching(".*(Section|Reader)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("org.crmkit.rules.internal.section..")
                .check(RULES);
    }

    @Test
    void onlyTheLoaderTouchesTheOptionalHolidayLibrary() {
        noClasses().that().resideOutsideOfPackage("org.crmkit.rules.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("de.focus_shift..")
                .check(RULES);
    }

    @Test
    void rulesDependOnlyInwardOnCoreAndOnTheirLibraries() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.crmkit.rules..",
                        "org.crmkit.core", "org.crmkit.core.model..", "org.crmkit.core.metrics..", "org.crmkit.core.facts..",
                        "org.crmkit.core.event..", "org.crmkit.core.port..", "org.crmkit.core.calendar..",
                        "com.fasterxml.jackson..", "com.google.common..", "org.slf4j..", "org.jspecify..",
                        "de.focus_shift.jollyday..", "org.hipparchus..")
                .check(RULES);
    }

}

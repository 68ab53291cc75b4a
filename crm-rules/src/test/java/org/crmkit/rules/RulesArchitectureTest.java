package org.crmkit.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engines stay pure functions: no I/O, no parsing library, no access to the loader's internals. */
class RulesArchitectureTest {
    private static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crmkit.rules");

    @Test
    void enginesDoNoIo() {
        noClasses().that().resideInAnyPackage("org.crmkit.rules.condition..", "org.crmkit.rules.tiering..",
                        "org.crmkit.rules.policy..", "org.crmkit.rules.calendar..", "org.crmkit.rules.sla..", "org.crmkit.rules.cadence..",
                        "org.crmkit.rules.segment..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "java.sql..", "com.fasterxml.jackson..")
                .check(RULES);
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

    @Test
    void customerBaseModelsReadNoFiles() {
        noClasses().that().resideInAPackage("org.crmkit.rules.clv..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "java.sql..", "com.fasterxml.jackson..")
                .check(RULES);
    }
}

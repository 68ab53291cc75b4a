package org.crmkit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line is an outer layer: it uses the public API of rules and core, and its own libraries. */
class CliArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crmkit.cli");

    @Test
    void dependsOnlyOnThePublicApiOfRulesAndCoreAndOnItsLibraries() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.crmkit.cli..",
                        "org.crmkit.core", "org.crmkit.core.model..", "org.crmkit.core.metrics..", "org.crmkit.core.facts..",
                        "org.crmkit.core.memory..", "org.crmkit.core.event..", "org.crmkit.core.port..",
                        "org.crmkit.rules", "org.crmkit.rules.policy..", "org.crmkit.rules.condition..",
                        "org.crmkit.rules.tiering..", "org.crmkit.rules.sla..", "org.crmkit.rules.cadence..",
                        "org.crmkit.rules.lifecycle..", "org.crmkit.rules.relationship..", "org.crmkit.rules.segment..",
                        "org.crmkit.rules.clv..", "org.crmkit.rules.io..",
                        "org.crmkit.core.calendar..", "picocli..", "com.fasterxml.jackson..",
                        "org.slf4j..", "org.jspecify..")
                .check(CLI);
    }
}

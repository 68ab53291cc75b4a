package org.crmkit.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The command line is an outer layer: it uses the public API of rules, core and the JDBC adapter,
 * and its own libraries; only its input, output and database packages touch files, JDBC or parse.
 */
class CliArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crmkit.cli");

    /** The packages that read and write files and databases: the input files, their CSV, the output, the pool. */
    private static final String[] IO = {"org.crmkit.cli.csv..", "org.crmkit.cli.input..", "org.crmkit.cli.output..",
        "org.crmkit.cli.database.."};

    /** Files, parsers and generators: java.io's streams (Writer, PrintWriter) stay usable everywhere. */
    private static final DescribedPredicate<JavaClass> FILES_AND_PARSERS = resideInAnyPackage("java.nio.file..",
            "java.net..", "java.sql..", "javax.sql..", "com.zaxxer.hikari..", "com.fasterxml.jackson..")
            .or(resideInAPackage("java.io").and(simpleNameStartingWith("File").or(simpleName("RandomAccessFile"))))
            .as("are files (java.nio.file, java.io's File classes), the network, JDBC, its pool or Jackson");

    @Test
    void onlyTheInputAndOutputPackagesTouchFilesOrParse() {
        noClasses().that().resideOutsideOfPackages(IO)
                .should().dependOnClassesThat(FILES_AND_PARSERS)
                .because("the commands name their files through FileArgument and write through the output package")
                .check(CLI);
    }

    @Test
    void everyPackageButTheInputAndOutputPackagesIsCovered() {
        // The rule above names the packages it spares, not those it covers: a package added later is covered.
        assertThat(CLI.that(resideInAnyPackage(IO)).stream().map(JavaClass::getPackageName).distinct())
                .containsExactlyInAnyOrder("org.crmkit.cli.csv", "org.crmkit.cli.input", "org.crmkit.cli.output",
                        "org.crmkit.cli.database");
    }

    @Test
    void dependsOnlyOnThePublicApiOfRulesCoreAndTheJdbcAdapterAndOnItsLibraries() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.crmkit.cli..",
                        "org.crmkit.core", "org.crmkit.core.model..", "org.crmkit.core.metrics..", "org.crmkit.core.facts..",
                        "org.crmkit.core.memory..", "org.crmkit.core.event..", "org.crmkit.core.port..",
                        "org.crmkit.rules", "org.crmkit.rules.policy..", "org.crmkit.rules.condition..",
                        "org.crmkit.rules.tiering..", "org.crmkit.rules.sla..", "org.crmkit.rules.cadence..",
                        "org.crmkit.rules.lifecycle..", "org.crmkit.rules.relationship..", "org.crmkit.rules.segment..",
                        "org.crmkit.rules.clv..", "org.crmkit.rules.io..",
                        "org.crmkit.core.calendar..", "org.crmkit.jdbc", "org.crmkit.jdbc.job", "org.crmkit.jdbc.mapping",
                        "javax.sql..", "com.zaxxer.hikari..", "picocli..", "com.fasterxml.jackson..",
                        "org.slf4j..", "org.jspecify..")
                .check(CLI);
    }
}

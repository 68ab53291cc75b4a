package org.crmkit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The examples show the public API: they must run on what any application can use. */
class ExamplesArchitectureTest {
    private final JavaClasses examples = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.crmkit.examples");

    @Test
    void examplesUseNoInternalPackage() {
        noClasses().that().resideInAPackage("org.crmkit.examples..")
                .should().dependOnClassesThat().resideInAPackage("org.crmkit..internal..")
                .because("examples show what applications can do with the public API")
                .check(examples);
    }

    @Test
    void examplesDoNotDependOnTheCommandLine() {
        noClasses().that().resideInAPackage("org.crmkit.examples..")
                .should().dependOnClassesThat().resideInAPackage("org.crmkit.cli..")
                .because("the command line is an application of its own, not an API")
                .check(examples);
    }

    @Test
    void onlyTheErpExampleUsesTheJdbcAdapterAndItsPool() {
        noClasses().that().resideInAPackage("org.crmkit.examples..")
                .and().resideOutsideOfPackage("org.crmkit.examples.erp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.crmkit.jdbc..", "com.zaxxer.hikari..", "java.sql..")
                .because("the other examples run on the in-memory store; the database stays in the ERP example")
                .check(examples);
    }
}

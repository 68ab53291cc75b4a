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
    void examplesDoNotDependOnTheCommandLineOrTheJdbcAdapter() {
        noClasses().that().resideInAPackage("org.crmkit.examples..")
                .should().dependOnClassesThat().resideInAnyPackage("org.crmkit.cli..", "org.crmkit.jdbc..")
                .check(examples);
    }
}

package org.crmkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of crm-core, checked on its compiled main classes. */
class CoreArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importMainClasses() {
        core = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.crmkit.core");
    }

    @Test
    void importsTheMainClassesOnly() {
        assertThat(core.contain("org.crmkit.core.model.Money")).isTrue();
        assertThat(core.contain("org.crmkit.core.memory.InMemoryStore")).isTrue();
        assertThat(core.contain(CoreArchitectureTest.class)).isFalse();
    }

    @Test
    void coreDependsOnlyOnTheJdkJSpecifyAndItself() {
        classes().that().resideInAPackage("org.crmkit.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", "org.crmkit.core..")
                .because("crm-core has no runtime dependency")
                .check(core);
    }

    @Test
    void noPackageDoesIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "java.sql..")
                .because("crm-core is the pure domain: reading files is crm-rules' I/O packages' business, and a"
                        + " package added later is covered too")
                .check(core);
    }

    @Test
    void onlyTheMemoryPackageUsesTheInMemoryAdapters() {
        noClasses().that().resideInAPackage("org.crmkit.core..")
                .and().resideOutsideOfPackage("org.crmkit.core.memory..")
                .should().dependOnClassesThat().resideInAPackage("org.crmkit.core.memory..")
                .because("the in-memory adapters sit outside the domain, like any other adapter")
                .check(core);
    }

    @Test
    void implementationClassesLiveInInternal() {
        noClasses().that().resideOutsideOfPackage("..internal..")
                .should().haveSimpleNameEndingWith("Impl")
                .because("non-API code goes into internal packages")
                .check(core);
    }
}

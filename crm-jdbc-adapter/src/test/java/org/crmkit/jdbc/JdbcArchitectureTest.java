package org.crmkit.jdbc;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapter's shape, checked on its compiled main classes. */
class JdbcArchitectureTest {
    private static JavaClasses adapter;

    @BeforeAll
    static void importMainClasses() {
        adapter = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.crmkit.jdbc");
    }

    @Test
    void importsTheMainClassesOnly() {
        assertThat(adapter.contain(JdbcStore.class)).isTrue();
        assertThat(adapter.contain(JdbcCustomers.class)).isTrue();
        assertThat(adapter.contain(JdbcArchitectureTest.class)).isFalse();
    }

    @Test
    void jdbcStoreIsTheOnlyPublicTypeOfTheAdapterPackage() {
        classes().that().resideInAPackage("org.crmkit.jdbc")
                .and().doNotHaveFullyQualifiedName(JdbcStore.class.getName())
                .and().doNotHaveFullyQualifiedName(NotEvaluable.class.getName())
                .should().notBePublic()
                .because("adapters sit behind one entry point; NotEvaluable is what its facts source reports")
                .check(adapter);
    }

    @Test
    void theMappingModelKnowsNoJdbc() {
        noClasses().that().resideInAPackage("org.crmkit.jdbc.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.crmkit.jdbc")
                .because("a mapping is data, checked against a database only by the store")
                .check(adapter);
    }

    @Test
    void theJobApiKnowsNoJdbc() {
        noClasses().that().resideInAPackage("org.crmkit.jdbc.job..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.crmkit.jdbc")
                .because("the store implements the jobs; their API is ports and values")
                .check(adapter);
    }

    @Test
    void noJavaSqlTypeCrossesThePublicApi() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should().haveRawReturnType(resideInAPackage("java.sql.."))
                .check(adapter);
        noCodeUnits().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should().haveRawParameterTypes(anyElementThat(resideInAPackage("java.sql..")))
                .orShould().declareThrowableOfType(SQLException.class)
                .check(adapter);
    }

    @Test
    void dependsOnNoDriverOrPoolClasses() {
        classes().that().resideInAPackage("org.crmkit.jdbc..")
                .and().doNotHaveFullyQualifiedName(PostgresCopy.class.getName())
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "org.crmkit.core..", "org.crmkit.rules..",
                        "org.crmkit.jdbc..", "org.flywaydb.core..", "org.slf4j..", "org.jspecify..",
                        "com.fasterxml.jackson.core..", "com.fasterxml.jackson.dataformat.yaml..")
                .because("H2 and PostgreSQL are reached through JDBC URLs and data sources only")
                .check(adapter);
    }

    @Test
    void onlyPostgresCopyKnowsTheDriverAndOnlyItsCopyApi() {
        classes().that().resideInAPackage("org.crmkit.jdbc..")
                .and().doNotHaveFullyQualifiedName(PostgresCopy.class.getName())
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.postgresql..")
                .because("COPY is the one thing JDBC cannot say, and the driver is optional")
                .check(adapter);
        classes().that().haveFullyQualifiedName(PostgresCopy.class.getName())
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.crmkit.jdbc..", "org.slf4j..",
                        "org.postgresql", "org.postgresql.copy")
                .check(adapter);
    }
}

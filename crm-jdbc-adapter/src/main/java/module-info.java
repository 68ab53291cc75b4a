/**
 * crmkit's ports on JDBC: {@link org.crmkit.jdbc.JdbcStore}, on H2 (embedded) or PostgreSQL, its
 * schema migrated by Flyway, reading an ERP's own tables where a mapping says so. Exports
 * {@code org.crmkit.jdbc}, {@code org.crmkit.jdbc.mapping} and {@code org.crmkit.jdbc.job} (the
 * nightly batch jobs and the event outbox).
 *
 * <p>The JDBC drivers are not required: {@code java.sql} finds them as services, so an application
 * on the module path puts H2 or PostgreSQL's driver there too. The PostgreSQL driver, where it is
 * resolved, also gives the tiering job {@code COPY} ({@code requires static}); without it the job
 * writes with JDBC batches.
 */
// Flyway 13 can only be required as an automatic module (below); the warning says nothing more.
@SuppressWarnings("requires-automatic")
module org.crmkit.jdbc {
    // The stores hand out crm-core's ports; JdbcStore.create takes a javax.sql.DataSource.
    requires transitive org.crmkit.core;
    requires transitive java.sql;
    // The batch jobs decide with crm-rules' engines and take its Policy.
    requires transitive org.crmkit.rules;
    requires static org.jspecify;
    // COPY on PostgreSQL goes through the driver's copy API where the driver is resolved; without
    // it the jobs write with JDBC batches.
    requires static org.postgresql.jdbc;

    // Flyway 13 has neither a module descriptor nor an Automatic-Module-Name: the name derived from
    // its jar's file name is the only one a module can require it by.
    requires flyway.core;
    requires org.slf4j;
    // Mapping files, YAML or JSON, are read with Jackson's streaming parser.
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports org.crmkit.jdbc;
    exports org.crmkit.jdbc.mapping;
    exports org.crmkit.jdbc.job;

    // Flyway lists and reads the migration scripts through the class loader, which finds resources
    // in a named module's packages only when they are open to everyone.
    opens org.crmkit.jdbc.migration;
}

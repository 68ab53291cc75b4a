/**
 * crmkit's policies and engines: the policy loader and linter, the condition language, one
 * package per capability (tiering, SLA, cadences, lifecycle, relationship, segmentation, CLV),
 * and the reading of input files ({@code org.crmkit.rules.io}: the one CSV reader and the located
 * problem; {@code org.crmkit.rules.io.clv}: customer summary files).
 * Exports its API packages only; the loader's readers ({@code org.crmkit.rules.internal} and
 * {@code org.crmkit.rules.internal.section}) stay inside the module.
 *
 * <p>Public holidays come from Jollyday, an optional dependency ({@code requires static}): an
 * application on the module path whose policies use {@code jollyday:} calendars adds it with
 * {@code --add-modules de.focus_shift.jollyday.core} (its XML data module,
 * {@code de.focus_shift.jollyday.jaxb}, follows as a service provider). Jollyday 2.19's core
 * reflects on a class that its XML module does not export, so the application also passes
 * {@code --add-exports de.focus_shift.jollyday.jaxb/de.focus_shift.jollyday.jaxb=de.focus_shift.jollyday.core}
 * (or runs Jollyday on the class path).
 */
// Hipparchus can only be required as an automatic module (below); the warning says nothing more.
@SuppressWarnings("requires-automatic")
module org.crmkit.rules {
    // Policies, decisions and engines take and return crm-core's values.
    requires transitive org.crmkit.core;
    // @Nullable appears in public signatures (equals); annotations are not needed at run time.
    requires static transitive org.jspecify;
    requires static de.focus_shift.jollyday.core;

    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.google.common;
    // Hipparchus 4 has neither a module descriptor nor an Automatic-Module-Name: these are the names
    // derived from its jars' file names, the only ones a module can require it by.
    requires hipparchus.core;
    requires hipparchus.optim;
    requires org.slf4j;

    exports org.crmkit.rules;
    exports org.crmkit.rules.cadence;
    exports org.crmkit.rules.calendar;
    exports org.crmkit.rules.clv;
    exports org.crmkit.rules.condition;
    exports org.crmkit.rules.io;
    exports org.crmkit.rules.io.clv;
    exports org.crmkit.rules.lifecycle;
    exports org.crmkit.rules.policy;
    exports org.crmkit.rules.relationship;
    exports org.crmkit.rules.segment;
    exports org.crmkit.rules.sla;
    exports org.crmkit.rules.tiering;

    // The policy's JSON Schema, for editors and tools that read it from the jar: resources in a
    // named module's packages are found by others only in packages open to everyone. This package
    // holds that one file and no class.
    opens org.crmkit.rules.schema;
}

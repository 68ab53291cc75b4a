/**
 * crmkit's pure domain: values, events, the ports and their in-memory implementations. Exports
 * its API packages only; {@code org.crmkit.core.internal} stays inside the module.
 */
module org.crmkit.core {
    requires static org.jspecify;

    exports org.crmkit.core;
    exports org.crmkit.core.calendar;
    exports org.crmkit.core.event;
    exports org.crmkit.core.facts;
    exports org.crmkit.core.memory;
    exports org.crmkit.core.metrics;
    exports org.crmkit.core.model;
    exports org.crmkit.core.port;
}

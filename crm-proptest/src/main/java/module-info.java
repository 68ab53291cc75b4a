/** crmkit's property-testing harness: generators, properties, shrinking. */
module org.crmkit.proptest {
    requires static org.jspecify;

    exports org.crmkit.proptest;
}

/** An application that uses crmkit as named modules, as a user's modular application would. */
module org.crmkit.moduletest {
    requires org.crmkit.rules;
    requires org.crmkit.jdbc;
}

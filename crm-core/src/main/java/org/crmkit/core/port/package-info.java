/**
 * Ports: the narrow interfaces through which crmkit reads and writes the outside world.
 * Adapters implement them (in memory in {@code org.crmkit.core.memory}, on JDBC in
 * {@code crm-jdbc-adapter}); no storage type crosses them.
 */
@NullMarked
package org.crmkit.core.port;

import org.jspecify.annotations.NullMarked;

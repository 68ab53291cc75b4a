/**
 * In-memory implementations of the ports behind {@link org.crmkit.core.memory.InMemoryStore},
 * for tests, examples and applications that hand crmkit their data directly.
 */
@NullMarked
package org.crmkit.core.memory;

import org.jspecify.annotations.NullMarked;

/** Policy document reading and analysis; not API, may change without notice. */
@NullMarked
package org.crmkit.rules.internal;

import org.jspecify.annotations.NullMarked;

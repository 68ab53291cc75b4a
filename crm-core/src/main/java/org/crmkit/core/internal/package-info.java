/** Implementation helpers; not API, may change without notice. */
@NullMarked
package org.crmkit.core.internal;

import org.jspecify.annotations.NullMarked;

/** Domain events: facts about changes that applications can react to. */
@NullMarked
package org.crmkit.core.event;

import org.jspecify.annotations.NullMarked;

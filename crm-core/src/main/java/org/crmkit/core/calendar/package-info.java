/**
 * Business calendars: working hours per weekday in a time zone, holidays and extra working
 * days. The arithmetic on them lives in {@code org.crmkit.rules.calendar}.
 */
@NullMarked
package org.crmkit.core.calendar;

import org.jspecify.annotations.NullMarked;

/**
 * Business-time arithmetic on {@link org.crmkit.core.calendar.BusinessCalendar calendars}:
 * adding working time, measuring it, finding the next working moment; exact across DST changes
 * and linear in the days crossed.
 */
@NullMarked
package org.crmkit.rules.calendar;

import org.jspecify.annotations.NullMarked;

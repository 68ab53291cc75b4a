package org.crmkit.rules.internal;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Public holidays from Jollyday. Kept in its own class so that nothing loads Jollyday, an
 * optional dependency, unless a policy asks for it.
 */
final class JollydayHolidays {
    private JollydayHolidays() {
    }

    /** @return whether Jollyday is on the class path */
    static boolean available() {
        try {
            Class.forName("de.focus_shift.jollyday.core.HolidayManager", false, JollydayHolidays.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return whether Jollyday knows the country (ISO code, any case) */
    static boolean supports(String country) {
        return HolidayManager.getSupportedCalendarCodes().stream().anyMatch(code -> code.equalsIgnoreCase(country));
    }

    /**
     * The public holidays of a country, or of subdivisions of it, in a range of years, on the
     * days they are observed.
     */
    static Set<LocalDate> publicHolidays(String country, String[] subdivisions, int firstYear, int lastYear) {
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
        Set<LocalDate> days = new TreeSet<>();
        for (int year = firstYear; year <= lastYear; year++) {
            for (Holiday holiday : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivisions)) {
                days.add(holiday.getActualDate());
            }
        }
        return days;
    }
}

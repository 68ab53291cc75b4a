package org.crmkit.rules.cadence;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;

/**
 * How often a cadence rule wants a contact: a number of days, business days, weeks, months or
 * quarters. Immutable and thread-safe.
 *
 * @param amount how many units, one or more
 * @param unit the unit; not null
 */
public record CadenceInterval(int amount, Unit unit) {

    /** The units of an interval, as policy files spell them (singular or plural). */
    public enum Unit {
        /** Calendar days. */
        DAYS,
        /** Working days of the cadence calendar. */
        BUSINESS_DAYS,
        /** Weeks of seven days. */
        WEEKS,
        /** Calendar months; a month after January 31 is the last day of February. */
        MONTHS,
        /** Three calendar months. */
        QUARTERS
    }

    /** Checks the invariants. */
    public CadenceInterval {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1) {
            throw new InvalidValueException("cadence interval must be at least 1, was " + amount);
        }
    }

    /**
     * Parses {@code "2 weeks"}, {@code "1 month"}, {@code "10 business days"}, {@code "1 quarter"}.
     *
     * @param text the interval; not null
     * @return the interval
     * @throws InvalidValueException if the text is not such an interval
     */
    public static CadenceInterval parse(String text) {
        String value = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
        String[] parts = value.split("\\s+", 2);
        if (parts.length == 2 && parts[0].matches("\\d{1,4}")) {
            String unit = parts[1].replace(' ', '_');
            for (Unit candidate : Unit.values()) {
                String plural = candidate.name().toLowerCase(Locale.ROOT);
                String singular = plural.substring(0, plural.length() - 1);
                if (unit.equals(plural) || unit.equals(singular)) {
                    return new CadenceInterval(Integer.parseInt(parts[0]), candidate);
                }
            }
        }
        throw new InvalidValueException("interval must look like '2 weeks', '1 month', '10 business days' or"
                + " '1 quarter', was '" + text + "'");
    }

    /**
     * The day one interval after a day.
     *
     * @param day the day; not null
     * @param calendar the calendar whose working days business days count; not null
     * @return the day after the interval
     */
    public LocalDate after(LocalDate day, BusinessCalendar calendar) {
        return switch (unit) {
            case DAYS -> day.plusDays(amount);
            case WEEKS -> day.plusWeeks(amount);
            case MONTHS -> day.plusMonths(amount);
            case QUARTERS -> day.plusMonths(3L * amount);
            case BUSINESS_DAYS -> {
                LocalDate next = day;
                int left = amount;
                int idle = 0;
                while (left > 0) {
                    next = next.plusDays(1);
                    if (!calendar.hoursOn(next).isEmpty()) {
                        left--;
                        idle = 0;
                    } else if (++idle > 3660) {
                        throw new InvalidValueException("calendar '" + calendar.name() + "' has no working day for"
                                + " 10 years after " + next.minusDays(idle));
                    }
                }
                yield next;
            }
        };
    }

    /** @return e.g. {@code "2 weeks"} */
    @Override
    public String toString() {
        String name = unit.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
    }
}

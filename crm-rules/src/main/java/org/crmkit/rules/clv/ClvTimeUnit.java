package org.crmkit.rules.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The unit in which recency, age and horizons are counted. Models fitted on summaries in one
 * unit answer in that unit: their scale parameters (alpha, beta) and every {@code t} are in it.
 */
public enum ClvTimeUnit {
    /** Calendar days. */
    DAYS("days", 1),
    /** Weeks of seven days, the unit of the CDNOW studies. */
    WEEKS("weeks", 7);

    /** The mean length of the Gregorian year in days. */
    private static final double DAYS_PER_YEAR = 365.2425;

    private final String key;
    private final int days;

    ClvTimeUnit(String key, int days) {
        this.key = key;
        this.days = days;
    }

    /**
     * The time between two days in this unit: whole days, divided by 7 for weeks.
     *
     * @param from the earlier day; not null
     * @param to the later day; not null
     * @return the time, negative when {@code to} is before {@code from}
     */
    public double between(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return ChronoUnit.DAYS.between(from, to) / (double) days;
    }

    /** @return the length of one unit in days: 1 or 7 */
    int days() {
        return days;
    }

    /** @return the name used in files and on the command line, {@code days} or {@code weeks} */
    public String key() {
        return key;
    }

    /** @return how many of this unit make a year: 365.2425 days, or 365.2425 / 7 weeks */
    public double periodsPerYear() {
        return DAYS_PER_YEAR / days;
    }

    /**
     * Looks a unit up by its key.
     *
     * @param key {@code days} or {@code weeks}; not null
     * @return the unit, or empty for any other text
     */
    public static Optional<ClvTimeUnit> byKey(String key) {
        Objects.requireNonNull(key, "key");
        return Arrays.stream(values()).filter(unit -> unit.key.equals(key)).findFirst();
    }
}

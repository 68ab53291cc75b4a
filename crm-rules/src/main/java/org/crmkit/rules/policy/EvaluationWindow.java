package org.crmkit.rules.policy;

import java.time.LocalDate;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.DateWindow;

/**
 * The window of days whose purchases and inquiries the metrics cover, counted back from the
 * as-of day: {@code trailing_months} or {@code trailing_days} in policy files. The default is
 * the trailing 12 months. Immutable and thread-safe.
 *
 * @param length how many units, one or more
 * @param unit months or days; not null
 */
public record EvaluationWindow(int length, Unit unit) {

    /** The unit a window is counted in. */
    public enum Unit {
        /** Calendar months: 12 months up to 2026-03-31 start on 2025-04-01. */
        MONTHS,
        /** Days: 30 days up to 2026-03-31 start on 2026-03-02. */
        DAYS
    }

    /** Checks the length. */
    public EvaluationWindow {
        java.util.Objects.requireNonNull(unit, "unit");
        if (length < 1) {
            throw new InvalidValueException("window length must be at least 1, was " + length);
        }
    }

    /** @return the trailing 12 months, the default */
    public static EvaluationWindow trailingYear() {
        return new EvaluationWindow(12, Unit.MONTHS);
    }

    /**
     * The window's days for an as-of day.
     *
     * @param asOf the last day of the window; not null
     * @return the days, both ends inclusive
     */
    public DateWindow asOf(LocalDate asOf) {
        return unit == Unit.MONTHS ? DateWindow.trailingMonths(length, asOf) : DateWindow.trailingDays(length, asOf);
    }

    /** @return e.g. {@code "trailing 12 months"} */
    @Override
    public String toString() {
        return "trailing " + length + (unit == Unit.MONTHS ? " months" : " days");
    }
}

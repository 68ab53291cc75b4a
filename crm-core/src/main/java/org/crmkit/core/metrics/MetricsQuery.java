package org.crmkit.core.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * What a metrics snapshot is computed for: the as-of day, the evaluation window, the time zone
 * in which moments become days, and the currency in which spend is summed. Immutable and
 * thread-safe.
 *
 * @param asOf the day the snapshot describes; not null
 * @param window the days whose purchases and inquiries count, ending on or before {@code asOf}; not null
 * @param zone the zone that turns interaction moments into days; not null
 * @param currency the only currency accepted for purchases; not null
 */
public record MetricsQuery(LocalDate asOf, DateWindow window, ZoneId zone, Currency currency) {

    /** Number of rolling quarters that {@code active_quarters} looks back over. */
    public static final int ACTIVE_QUARTER_LOOKBACK = 4;

    /** Checks that the window does not reach past the as-of day. */
    public MetricsQuery {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        if (asOf.equals(LocalDate.MAX)) {
            // Quarters are counted back from the day after the as-of day, which must exist.
            throw new InvalidValueException("MetricsQuery asOf must be before " + LocalDate.MAX + ", was " + asOf);
        }
        if (window.end().isAfter(asOf)) {
            throw new InvalidValueException("MetricsQuery window " + window + " must not end after the as-of day " + asOf);
        }
    }

    /**
     * The window's first moment: the start of its first day in the query's zone. Every date,
     * {@link LocalDate#MIN} included, has one: Instant's range is wider than LocalDate's.
     *
     * @return the first moment whose interactions count
     */
    public Instant windowStart() {
        return window.start().atStartOfDay(zone).toInstant();
    }

    /**
     * The first moment after the window: the start of the day after its last day in the query's
     * zone. That day exists, as the window ends by the as-of day, which is before {@link LocalDate#MAX}.
     *
     * @return the first moment whose interactions no longer count (exclusive end)
     */
    public Instant windowEndExclusive() {
        return window.end().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The days whose purchases a snapshot needs: the window and the last four quarters.
     *
     * @return the span a metrics source has to read
     */
    public DateWindow purchaseSpan() {
        return window.span(quarter(ACTIVE_QUARTER_LOOKBACK - 1).span(quarter(0)));
    }

    /**
     * A rolling quarter ending at the as-of day: quarter 0 is the three months up to and
     * including {@code asOf} (as {@link DateWindow#trailingMonths} counts them), quarter 1 the
     * three months before that, and so on. Rolling quarters, not calendar quarters, so that a
     * date early in a calendar quarter is not judged on a few days; as of a quarter's last day
     * they are the calendar quarters.
     *
     * @param index 0 for the latest quarter
     * @return the quarter's days
     */
    public DateWindow quarter(int index) {
        if (index < 0) {
            throw new InvalidValueException("quarter index must not be negative, was " + index);
        }
        LocalDate endExclusive = asOf.plusDays(1);
        return new DateWindow(endExclusive.minusMonths(3L * (index + 1)),
                endExclusive.minusMonths(3L * index).minusDays(1));
    }
}

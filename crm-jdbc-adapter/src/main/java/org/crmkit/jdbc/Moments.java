package org.crmkit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a relation keeps the moments of a column family {@code <name>_at}: crmkit's three columns
 * (microsecond timestamp, nano-of-second and offset), an ERP's TIMESTAMP WITH TIME ZONE, or an
 * ERP's TIMESTAMP without one, whose values are local times in a known zone. Immutable.
 *
 * <p>An ERP's timestamps keep microseconds at most; a moment {@code t} of whole microseconds lies
 * in {@code [from, until)} exactly when it lies in {@code [ceil(from), ceil(until))}, the bounds
 * rounded up to the microsecond, so the conditions below are exact. A local time in the hour that
 * repeats when clocks go back is read as the earlier of its two moments, as
 * {@link java.time.ZonedDateTime#of} reads it.
 *
 * @param kind how the moments are kept
 * @param zone the zone of local times, present exactly for {@link Kind#LOCAL}
 */
record Moments(Kind kind, Optional<ZoneId> zone) {
    /** crmkit's own columns. */
    static final Moments CRMKIT = new Moments(Kind.CRMKIT, Optional.empty());
    /** A TIMESTAMP WITH TIME ZONE column. */
    static final Moments ZONED = new Moments(Kind.ZONED, Optional.empty());

    /** The ways moments are kept. */
    enum Kind {
        /** {@code <name>_at}, {@code <name>_nanos} and {@code <name>_offset_seconds}. */
        CRMKIT,
        /** {@code <name>_at}, a TIMESTAMP WITH TIME ZONE. */
        ZONED,
        /** {@code <name>_at}, a TIMESTAMP without time zone, in {@link #zone}. */
        LOCAL
    }

    Moments {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        if (zone.isPresent() != (kind == Kind.LOCAL)) {
            throw new IllegalArgumentException("a zone goes with local times only: " + kind + " " + zone);
        }
    }

    /** Local times in a zone. */
    static Moments local(ZoneId zone) {
        return new Moments(Kind.LOCAL, Optional.of(zone));
    }

    /**
     * SQL that tells whether a moment lies in {@code [from, until)}; binds {@link #rangeParameters}.
     *
     * @param name the columns' common start, e.g. {@code occurred}
     * @return the condition
     */
    String rangeCondition(String name) {
        if (kind == Kind.CRMKIT) {
            return SqlValues.momentRangeCondition(name + "_at", name + "_nanos");
        }
        return "(" + name + "_at >= ? AND " + name + "_at < ?)";
    }

    /**
     * The parameters of {@link #rangeCondition}.
     *
     * @param from the first moment, inclusive
     * @param until the end, exclusive
     * @return the values to bind
     */
    Object[] rangeParameters(Instant from, Instant until) {
        return rangeParameters(List.of(), from, until);
    }

    /**
     * The parameters of a query that binds some values and then {@link #rangeCondition}.
     *
     * @param before the values of the markers before the condition's, e.g. a customer id
     * @param from the first moment, inclusive
     * @param until the end, exclusive
     * @return the values to bind
     */
    Object[] rangeParameters(List<?> before, Instant from, Instant until) {
        if (kind == Kind.CRMKIT) {
            return SqlValues.momentRangeParameters(before, from, until);
        }
        List<Object> parameters = new ArrayList<>(before);
        parameters.add(bound(from));
        parameters.add(bound(until));
        return parameters.toArray();
    }

    /** The ORDER BY terms that sort by moment. */
    String order(String name) {
        return kind == Kind.CRMKIT ? name + "_at, " + name + "_nanos" : name + "_at";
    }

    private Object bound(Instant moment) {
        Instant clamped = SqlValues.momentBound(moment);
        Instant micros = clamped.truncatedTo(ChronoUnit.MICROS);
        Instant up = micros.equals(clamped) ? micros : micros.plus(1, ChronoUnit.MICROS);
        return kind == Kind.LOCAL ? LocalDateTime.ofInstant(up, zone.orElseThrow()) : up.atOffset(ZoneOffset.UTC);
    }

    /**
     * Reads a moment of the current row.
     *
     * @param row positioned on a row
     * @param name the columns' common start
     * @return the moment, in the offset it was recorded in (crmkit's columns), the database gives
     *     (TIMESTAMP WITH TIME ZONE) or the zone's offset at that local time
     * @throws SQLException on a database failure
     */
    OffsetDateTime read(ResultSet row, String name) throws SQLException {
        return switch (kind) {
            case CRMKIT -> SqlValues.momentWithOffset(row, name);
            case ZONED -> row.getObject(name + "_at", OffsetDateTime.class);
            case LOCAL -> row.getObject(name + "_at", LocalDateTime.class).atZone(zone.orElseThrow())
                    .toOffsetDateTime();
        };
    }
}

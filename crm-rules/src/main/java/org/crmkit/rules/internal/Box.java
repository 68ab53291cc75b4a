package org.crmkit.rules.internal;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.Metric;
import org.crmkit.rules.condition.AllOf;
import org.crmkit.rules.condition.AnyOf;
import org.crmkit.rules.condition.Comparison;
import org.crmkit.rules.condition.Condition;

/**
 * A set of metrics snapshots described by one range per metric (a box in metric space); a
 * condition is a union of boxes (its disjunctive normal form). Lint uses boxes to prove that a
 * rule can never match and to find spend ranges no rule covers. Whole-number metrics use
 * closed integer ranges, so {@code orders > 2 and orders < 3} is recognised as empty, and a box
 * without orders has no spend, as in every real snapshot.
 */
public final class Box {
    /** Above this many boxes a condition is not analysed; the analysis then says nothing. */
    static final int MAX_BOXES = 4096;

    private final Map<Metric, Range<BigDecimal>> ranges;

    private Box(Map<Metric, Range<BigDecimal>> ranges) {
        this.ranges = ranges;
    }

    /** @return the box of every possible snapshot: each metric over its whole domain */
    public static Box everything() {
        Map<Metric, Range<BigDecimal>> ranges = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            ranges.put(metric, domain(metric));
        }
        return new Box(ranges);
    }

    /**
     * The values a metric can take: zero or more, up to its maximum if bounded.
     *
     * @param metric the metric
     * @return its domain
     */
    public static Range<BigDecimal> domain(Metric metric) {
        return metric.maximum().isPresent()
                ? Range.closed(BigDecimal.ZERO, BigDecimal.valueOf(metric.maximum().getAsInt()))
                : Range.atLeast(BigDecimal.ZERO);
    }

    /**
     * The boxes of a condition.
     *
     * @param condition the condition
     * @return its disjunctive normal form without empty boxes, or empty if it has too many boxes
     */
    public static Optional<List<Box>> of(Condition condition) {
        if (condition instanceof Comparison comparison) {
            return Optional.of(everything().restrict(metric(comparison), range(comparison)).stream().toList());
        }
        if (condition instanceof AnyOf any) {
            List<Box> union = new ArrayList<>();
            for (Condition part : any.conditions()) {
                Optional<List<Box>> boxes = of(part);
                if (boxes.isEmpty()) {
                    return Optional.empty();
                }
                union.addAll(boxes.get());
                if (union.size() > MAX_BOXES) {
                    return Optional.empty();
                }
            }
            return Optional.of(union);
        }
        List<Box> product = List.of(everything());
        for (Condition part : ((AllOf) condition).conditions()) {
            Optional<List<Box>> boxes = of(part);
            if (boxes.isEmpty()) {
                return Optional.empty();
            }
            List<Box> next = new ArrayList<>();
            for (Box left : product) {
                for (Box right : boxes.get()) {
                    left.intersect(right).ifPresent(next::add);
                }
            }
            if (next.size() > MAX_BOXES) {
                return Optional.empty();
            }
            product = next;
        }
        return Optional.of(product);
    }

    /** @return the box of every buying customer: spend above zero, so at least one order */
    public static Box buyers() {
        return everything().restrict(Metric.SPEND, Range.greaterThan(BigDecimal.ZERO))
                .flatMap(box -> box.restrict(Metric.ORDERS, Range.atLeast(BigDecimal.ONE))).orElseThrow();
    }

    /**
     * Whether a snapshot lies in this box.
     *
     * @param metrics the snapshot, every metric known (the linter reasons about values, not about
     *     missing data)
     * @return true when every metric's value is in its range
     * @throws org.crmkit.core.InvalidValueException for a snapshot whose inquiries are unknown
     */
    public boolean contains(CustomerMetrics metrics) {
        for (Metric metric : Metric.values()) {
            if (!ranges.get(metric).contains(metric.value(metrics))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Describes how this box narrows another, e.g. {@code "spend >= 100000 and active_quarters <= 2"}.
     *
     * @param baseline the box this one lies in
     * @return the narrowed metrics in policy words, or empty when the boxes are equal
     */
    public String describeWithin(Box baseline) {
        List<String> parts = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            Range<BigDecimal> range = ranges.get(metric);
            if (!range.equals(baseline.ranges.get(metric))) {
                parts.add(describe(metric, range));
            }
        }
        return String.join(" and ", parts);
    }

    private static String describe(Metric metric, Range<BigDecimal> range) {
        String name = metric.key();
        if (metric.kind() == Metric.Kind.FLAG) {
            return name + " = " + (range.lowerEndpoint().signum() > 0 ? "true" : "false");
        }
        Range<BigDecimal> domain = domain(metric);
        boolean fromBottom = !range.hasLowerBound() || range.lowerEndpoint().compareTo(domain.lowerEndpoint()) <= 0
                && range.lowerBoundType() == BoundType.CLOSED;
        boolean toTop = !range.hasUpperBound() || domain.hasUpperBound()
                && range.upperEndpoint().compareTo(domain.upperEndpoint()) >= 0;
        if (range.hasLowerBound() && range.hasUpperBound() && range.lowerEndpoint().equals(range.upperEndpoint())) {
            return name + " = " + range.lowerEndpoint().toPlainString();
        }
        if (toTop) {
            return name + (range.lowerBoundType() == BoundType.CLOSED ? " >= " : " > ")
                    + range.lowerEndpoint().toPlainString();
        }
        if (fromBottom) {
            return name + (range.upperBoundType() == BoundType.CLOSED ? " <= " : " < ")
                    + range.upperEndpoint().toPlainString();
        }
        return name + " in " + (range.lowerBoundType() == BoundType.CLOSED ? "[" : "(")
                + range.lowerEndpoint().toPlainString() + ", " + range.upperEndpoint().toPlainString()
                + (range.upperBoundType() == BoundType.CLOSED ? "]" : ")");
    }

    /**
     * The intersection with another box.
     *
     * @param other the other box
     * @return the intersection, or empty when they do not overlap
     */
    public Optional<Box> intersect(Box other) {
        Optional<Box> result = Optional.of(this);
        for (Metric metric : Metric.values()) {
            result = result.flatMap(box -> box.restrict(metric, other.ranges.get(metric)));
        }
        return result;
    }

    /**
     * What is left of this box after removing another: disjoint boxes.
     *
     * @param other the box to remove
     * @return the remainder; empty when the other box covers this one
     */
    public List<Box> minus(Box other) {
        if (intersect(other).isEmpty()) {
            return List.of(this);
        }
        List<Box> pieces = new ArrayList<>();
        Box rest = this;
        for (Metric metric : Metric.values()) {
            RangeSet<BigDecimal> outside = TreeRangeSet.create();
            outside.add(rest.ranges.get(metric));
            outside.remove(other.ranges.get(metric));
            for (Range<BigDecimal> piece : outside.asRanges()) {
                rest.with(metric, piece).ifPresent(pieces::add);
            }
            Optional<Box> inside = rest.restrict(metric, other.ranges.get(metric));
            if (inside.isEmpty()) {
                return pieces;
            }
            rest = inside.get();
        }
        return pieces;
    }

    private Optional<Box> restrict(Metric metric, Range<BigDecimal> range) {
        Range<BigDecimal> current = ranges.get(metric);
        if (!current.isConnected(range)) {
            return Optional.empty();
        }
        return with(metric, current.intersection(range));
    }

    private Optional<Box> with(Metric metric, Range<BigDecimal> range) {
        Optional<Range<BigDecimal>> normalised = normalise(metric, range);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        Map<Metric, Range<BigDecimal>> copy = new EnumMap<>(ranges);
        copy.put(metric, normalised.get());
        return consistent(copy);
    }

    /**
     * Applies what every real snapshot satisfies: spend is a sum of order amounts, so without
     * orders there is no spend.
     */
    private static Optional<Box> consistent(Map<Metric, Range<BigDecimal>> ranges) {
        Range<BigDecimal> orders = ranges.get(Metric.ORDERS);
        if (orders.hasUpperBound() && orders.upperEndpoint().signum() <= 0) {
            Range<BigDecimal> spend = ranges.get(Metric.SPEND);
            if (!spend.contains(BigDecimal.ZERO)) {
                return Optional.empty();
            }
            ranges.put(Metric.SPEND, Range.singleton(BigDecimal.ZERO));
        }
        return Optional.of(new Box(ranges));
    }

    /** Whole-number metrics become closed integer ranges; empty ranges disappear. */
    private static Optional<Range<BigDecimal>> normalise(Metric metric, Range<BigDecimal> range) {
        if (range.isEmpty()) {
            return Optional.empty();
        }
        if (metric.kind() == Metric.Kind.MONEY) {
            return Optional.of(range);
        }
        BigDecimal low = !range.hasLowerBound() ? null : range.lowerBoundType() == BoundType.CLOSED
                ? range.lowerEndpoint().setScale(0, RoundingMode.CEILING)
                : range.lowerEndpoint().setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        BigDecimal high = !range.hasUpperBound() ? null : range.upperBoundType() == BoundType.CLOSED
                ? range.upperEndpoint().setScale(0, RoundingMode.FLOOR)
                : range.upperEndpoint().setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
        if (low != null && high != null) {
            return low.compareTo(high) > 0 ? Optional.empty() : Optional.of(Range.closed(low, high));
        }
        return Optional.of(low != null ? Range.atLeast(low) : high != null ? Range.atMost(high) : Range.all());
    }

    /** Tier conditions test metrics only; the reader rejects signals there, so this is a bug guard. */
    private static Metric metric(Comparison comparison) {
        if (comparison.measure() instanceof Metric metric) {
            return metric;
        }
        throw new IllegalArgumentException("The linter analyses metrics only, not " + comparison.measure().key());
    }

    private static Range<BigDecimal> range(Comparison comparison) {
        BigDecimal threshold = comparison.threshold();
        return switch (comparison.operator()) {
            case GTE -> Range.atLeast(threshold);
            case GT -> Range.greaterThan(threshold);
            case LTE -> Range.atMost(threshold);
            case LT -> Range.lessThan(threshold);
            case EQ -> Range.singleton(threshold);
        };
    }
}

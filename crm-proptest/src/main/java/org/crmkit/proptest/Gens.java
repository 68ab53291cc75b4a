package org.crmkit.proptest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Generators of common values. Numbers shrink towards zero (or towards the bound nearest to it), and
 * about one number in sixteen is an edge of its range: zero, one, minus one, the bounds and their
 * neighbours.
 */
public final class Gens {
    private static final long DOUBLE_STEPS = 1L << 53;

    private Gens() {
    }

    /**
     * Always the same value.
     *
     * @param <T> the type of the value
     * @param value the value; not null
     * @return a generator that draws no choice
     */
    public static <T> Gen<T> constant(T value) {
        Objects.requireNonNull(value, "value");
        return source -> value;
    }

    /**
     * One of the given values; the first is the simplest.
     *
     * @param <T> the type of the values
     * @param values the values, at least one; not null
     * @return a generator of the values
     */
    @SafeVarargs
    public static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    /**
     * One of the given values; the first is the simplest.
     *
     * @param <T> the type of the values
     * @param values the values, at least one; not null
     * @return a generator of the values
     */
    public static <T> Gen<T> of(Collection<? extends T> values) {
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("give at least one value");
        }
        return source -> copy.get(source.choose(copy.size() - 1));
    }

    /**
     * One of the constants of an enum; the first declared is the simplest.
     *
     * @param <E> the enum
     * @param type the enum's class; not null
     * @return a generator of its constants
     */
    public static <E extends Enum<E>> Gen<E> of(Class<E> type) {
        return of(type.getEnumConstants());
    }

    /**
     * A value of one of the generators, each as likely; the first is the simplest.
     *
     * @param <T> the type of the values
     * @param generators the generators, at least one; not null
     * @return a generator of their values
     */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        List<Gen<? extends T>> choices = List.of(generators);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("give at least one generator");
        }
        return source -> choices.get(source.choose(choices.size() - 1)).generate(source);
    }

    /**
     * A weight for {@link #frequency}.
     *
     * @param <T> the type of the values
     * @param weight how often, relative to the other weights, at least 1
     * @param generator the generator; not null
     * @return the weighted generator
     */
    public static <T> Weighted<T> weighted(int weight, Gen<T> generator) {
        return new Weighted<>(weight, generator);
    }

    /**
     * A value of one of the generators, each chosen in proportion to its weight; the first is the
     * simplest.
     *
     * @param <T> the type of the values
     * @param choices the weighted generators, at least one; not null
     * @return a generator of their values
     */
    @SafeVarargs
    public static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> weighted = List.of(choices);
        if (weighted.isEmpty()) {
            throw new IllegalArgumentException("give at least one weighted generator");
        }
        long total = weighted.stream().mapToLong(Weighted::weight).sum();
        return source -> {
            long pick = source.choose(total - 1);
            for (Weighted<? extends T> choice : weighted) {
                if (pick < choice.weight()) {
                    return choice.generator().generate(source);
                }
                pick -= choice.weight();
            }
            throw new AssertionError("the weights add up to " + total);
        };
    }

    /** Booleans; false is the simpler. */
    public static Gen<Boolean> booleans() {
        return source -> source.choose(1) == 1;
    }

    /**
     * Integers from {@code min} to {@code max} inclusive.
     *
     * @param min the smallest
     * @param max the largest, at least {@code min}
     * @return a generator of the integers
     */
    public static Gen<Integer> integers(int min, int max) {
        return longs(min, max).map(Math::toIntExact);
    }

    /**
     * Longs from {@code min} to {@code max} inclusive.
     *
     * @param min the smallest
     * @param max the largest, at least {@code min}
     * @return a generator of the longs
     */
    public static Gen<Long> longs(long min, long max) {
        return bigIntegers(BigInteger.valueOf(min), BigInteger.valueOf(max)).map(BigInteger::longValueExact);
    }

    /** Every long. */
    public static Gen<Long> longs() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Integers from {@code min} to {@code max} inclusive, of any size.
     *
     * @param min the smallest; not null
     * @param max the largest, at least {@code min}; not null
     * @return a generator of the integers
     */
    public static Gen<BigInteger> bigIntegers(BigInteger min, BigInteger max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
        Range range = new Range(min, max);
        Set<BigInteger> edges = new LinkedHashSet<>();
        edges.add(range.simplest());
        for (long edge : new long[] {0, 1, -1}) {
            BigInteger value = BigInteger.valueOf(edge);
            if (range.contains(value)) {
                edges.add(value);
            }
        }
        edges.addAll(List.of(min, max));
        if (range.contains(min.add(BigInteger.ONE))) {
            edges.addAll(List.of(min.add(BigInteger.ONE), max.subtract(BigInteger.ONE)));
        }
        Gen<BigInteger> uniform = range::generate;
        return uniform.withEdgeCases(edges.toArray(BigInteger[]::new));
    }

    /**
     * Decimals from {@code min} to {@code max} inclusive with exactly {@code scale} decimal places.
     *
     * @param min the smallest; not null
     * @param max the largest, at least {@code min}; not null
     * @param scale the number of decimal places of every value
     * @return a generator of the decimals
     */
    public static Gen<BigDecimal> bigDecimals(BigDecimal min, BigDecimal max, int scale) {
        BigInteger low = min.setScale(scale, java.math.RoundingMode.CEILING).unscaledValue();
        BigInteger high = max.setScale(scale, java.math.RoundingMode.FLOOR).unscaledValue();
        return bigIntegers(low, high).map(unscaled -> new BigDecimal(unscaled, scale));
    }

    /**
     * Doubles from {@code min} to {@code max} inclusive, at full precision (2<sup>53</sup> steps across
     * the range), shrinking towards zero or the bound nearest to it.
     *
     * @param min the smallest, finite
     * @param max the largest, finite and at least {@code min}
     * @return a generator of the doubles
     */
    public static Gen<Double> doubles(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("need finite bounds with min <= max: " + min + ", " + max);
        }
        double origin = min > 0 ? min : max < 0 ? max : 0;
        Gen<Double> uniform = source -> {
            double fraction = (double) source.choose(DOUBLE_STEPS) / DOUBLE_STEPS;
            // Choice 0 is the origin; larger choices move away from it, to the farther bound at most.
            boolean down = origin > min && (origin == max || source.flag((origin - min) / (max - min)));
            double value = down ? origin - fraction * (origin - min) : origin + fraction * (max - origin);
            return Math.min(max, Math.max(min, value));
        };
        List<Double> edges = new ArrayList<>(List.of(origin, min, max));
        if (min <= 1 && 1 <= max) {
            edges.add(1.0);
        }
        return uniform.withEdgeCases(edges.stream().distinct().toArray(Double[]::new));
    }

    /**
     * Doubles from {@code min} to {@code max} inclusive with at most {@code scale} decimal places.
     *
     * @param min the smallest
     * @param max the largest, at least {@code min}
     * @param scale the number of decimal places
     * @return a generator of the doubles
     */
    public static Gen<Double> doubles(double min, double max, int scale) {
        return bigDecimals(BigDecimal.valueOf(min), BigDecimal.valueOf(max), scale).map(BigDecimal::doubleValue);
    }

    /**
     * Days from {@code min} to {@code max} inclusive, shrinking towards {@code min}.
     *
     * @param min the first day; not null
     * @param max the last day, not before {@code min}; not null
     * @return a generator of the days
     */
    public static Gen<LocalDate> dates(LocalDate min, LocalDate max) {
        if (max.isBefore(min)) {
            throw new IllegalArgumentException("max " + max + " is before min " + min);
        }
        long days = max.toEpochDay() - min.toEpochDay();
        Gen<LocalDate> uniform = source -> min.plusDays(source.choose(days));
        return uniform.withEdgeCases(min, max);
    }

    /**
     * A generator with a weight, for {@link #frequency}.
     *
     * @param <T> the type of the values
     * @param weight how often, relative to the other weights, at least 1
     * @param generator the generator; not null
     */
    public record Weighted<T>(int weight, Gen<T> generator) {
        /** Checks the weight and the generator. */
        public Weighted {
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1: " + weight);
            }
            Objects.requireNonNull(generator, "generator");
        }
    }

    /**
     * The integers of a range, drawn as a distance from the simplest one (zero, or the bound nearest
     * to it) and, for a range on both sides of zero, a sign first: so that a smaller choice is always
     * a value nearer zero, and bisecting a choice bisects the value.
     */
    private record Range(BigInteger min, BigInteger max) {
        private static final int BITS_PER_CHOICE = 62;

        boolean contains(BigInteger value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }

        BigInteger simplest() {
            return min.signum() > 0 ? min : max.signum() < 0 ? max : BigInteger.ZERO;
        }

        BigInteger generate(Source source) {
            BigInteger origin = simplest();
            BigInteger below = origin.subtract(min);
            BigInteger above = max.subtract(origin);
            if (below.signum() == 0) {
                return origin.add(distance(source, above));
            }
            if (above.signum() == 0) {
                return origin.subtract(distance(source, below));
            }
            // Negative in proportion to the negative values, so that every value is as likely.
            double negativeShare = below.doubleValue() / (below.doubleValue() + above.doubleValue() + 1);
            if (source.flag(negativeShare)) {
                return origin.subtract(BigInteger.ONE).subtract(distance(source, below.subtract(BigInteger.ONE)));
            }
            return origin.add(distance(source, above));
        }

        /** A distance from 0 to {@code max}, in one choice or, beyond a long, in several. */
        private static BigInteger distance(Source source, BigInteger max) {
            if (max.bitLength() <= 63) {
                return BigInteger.valueOf(source.choose(max.longValue()));
            }
            // Most significant part first, so that zeroing a choice shrinks the most.
            BigInteger distance = BigInteger.ZERO;
            int parts = (max.bitLength() + BITS_PER_CHOICE - 1) / BITS_PER_CHOICE;
            for (int part = 0; part < parts; part++) {
                distance = distance.shiftLeft(BITS_PER_CHOICE)
                        .add(BigInteger.valueOf(source.choose((1L << BITS_PER_CHOICE) - 1)));
            }
            return distance.min(max);
        }
    }
}

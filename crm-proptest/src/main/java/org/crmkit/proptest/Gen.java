package org.crmkit.proptest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values for property tests: a function from a {@link Source} of choices to a value.
 *
 * <p>A generator is plain Java: compose others by calling them on the same source, e.g.
 * {@code source -> new Point(xs.generate(source), ys.generate(source))}. Because every random decision
 * is a recorded choice of the source, any generator shrinks: replaying fewer or smaller choices gives
 * a simpler value. Keep the simplest value at choice 0 and let values grow with the choices.
 *
 * <p>Generators must be deterministic functions of their source (no other randomness, no shared
 * mutable state), so that a seed reproduces an input exactly.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Gen<T> {
    /** How many values a filter may reject in a row before it gives up on a source. */
    int FILTER_ATTEMPTS = 10_000;

    /**
     * Generates one value.
     *
     * @param source the choices to draw from; not null
     * @return the value
     */
    T generate(Source source);

    /**
     * Generates one value, then applies a function to it.
     *
     * @param <R> the type of the results
     * @param function the function; not null
     * @return a generator of the function's results
     */
    default <R> Gen<R> map(Function<? super T, ? extends R> function) {
        Objects.requireNonNull(function, "function");
        return source -> function.apply(generate(source));
    }

    /**
     * Generates one value, then a value of the generator the function picks for it.
     *
     * @param <R> the type of the results
     * @param function picks the second generator; not null
     * @return a generator of the second generator's values
     */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> function) {
        Objects.requireNonNull(function, "function");
        return source -> function.apply(generate(source)).generate(source);
    }

    /**
     * Generates values until one passes the filter. A filter that rejects most values makes a slow
     * generator; prefer generating valid values directly.
     *
     * @param filter the values to keep; not null
     * @return a generator of values that pass the filter
     */
    default Gen<T> filter(Predicate<? super T> filter) {
        Objects.requireNonNull(filter, "filter");
        return source -> {
            for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
                T value = generate(source);
                if (filter.test(value)) {
                    return value;
                }
                if (source.exhausted()) {
                    break; // a replay that ran out repeats the same simplest value forever
                }
            }
            throw new Unsatisfiable("a filter rejected every value generated");
        };
    }

    /**
     * Mixes in edge cases: about one value in sixteen is one of the given values. The choice that
     * picks an edge case is not the simplest one, so shrinking moves on to this generator's own
     * simplest values unless only the edge case fails.
     *
     * @param edges the edge cases, at least one; not null
     * @return a generator that also gives the edge cases
     */
    @SuppressWarnings("unchecked")
    default Gen<T> withEdgeCases(T... edges) {
        List<T> cases = List.of(edges);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("give at least one edge case");
        }
        // Choice 0 (the simplest) and 15 (the largest) go to this generator's own values.
        return source -> source.choose(15) == 1 ? cases.get(source.choose(cases.size() - 1)) : generate(source);
    }

    /**
     * An optional value, present with the given probability; empty is the simpler outcome.
     *
     * @param presence the chance that a value is present, from 0 to 1
     * @return a generator of optional values
     */
    default Gen<Optional<T>> optional(double presence) {
        return source -> source.flag(presence) ? Optional.of(generate(source)) : Optional.empty();
    }

    /**
     * Lists of {@code min} to {@code max} values, short ones more likely than long ones when drawn at
     * random (see {@code more}); shrinking drops elements anywhere in the list and simplifies the rest.
     *
     * @param min the smallest size, at least 0
     * @param max the largest size, at least {@code min}
     * @return a generator of unmodifiable lists
     */
    default Gen<List<T>> list(int min, int max) {
        checkSizes(min, max);
        return source -> {
            List<T> values = new ArrayList<>();
            while (values.size() < max) {
                // An element's choices, with the one that asked for it, form a span shrinking may delete.
                int start = source.position();
                if (values.size() >= min && !more(source, values.size(), min, max)) {
                    break;
                }
                values.add(generate(source));
                source.markSpan(start);
            }
            return Collections.unmodifiableList(values);
        };
    }

    /**
     * Lists of {@code min} to {@code max} values whose keys differ: a value whose key is already in
     * the list is left out. Gives up on a source whose values repeat a key too often to reach
     * {@code min}.
     *
     * @param min the smallest size, at least 0
     * @param max the largest size, at least {@code min}
     * @param key the key that must differ; not null
     * @return a generator of unmodifiable lists
     */
    default Gen<List<T>> uniqueList(int min, int max, Function<? super T, ?> key) {
        checkSizes(min, max);
        Objects.requireNonNull(key, "key");
        return source -> {
            List<T> values = new ArrayList<>();
            Set<Object> keys = new HashSet<>();
            int repeats = 0;
            while (values.size() < max) {
                int start = source.position();
                if (values.size() >= min && !more(source, values.size(), min, max)) {
                    break;
                }
                T value = generate(source);
                source.markSpan(start);
                if (keys.add(key.apply(value))) {
                    values.add(value);
                } else if (++repeats == FILTER_ATTEMPTS || source.exhausted()) {
                    if (values.size() < min) {
                        throw new Unsatisfiable("could not generate " + min + " values with different keys");
                    }
                    break;
                }
            }
            return Collections.unmodifiableList(values);
        };
    }

    /**
     * Sets of {@code min} to {@code max} distinct values, in the order generated.
     *
     * @param min the smallest size, at least 0
     * @param max the largest size, at least {@code min}
     * @return a generator of unmodifiable sets
     */
    default Gen<Set<T>> set(int min, int max) {
        return uniqueList(min, max, Function.identity())
                .map(values -> Collections.unmodifiableSet(new LinkedHashSet<>(values)));
    }

    private static void checkSizes(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= min <= max: min " + min + ", max " + max);
        }
    }

    /**
     * Whether a list of {@code size} elements gets another. Lengths from {@code min} to {@code max}
     * are drawn as {@code min + floor((max - min + 1) * u * u)} for a uniform {@code u}: short lists
     * are common, so that a property over lists stays cheap, and the longest still come up (about
     * one list in {@code 2 * (max - min + 1)}, besides the largest input every check tries). The
     * chance to go on at length {@code min + k} of {@code n = max - min} is that distribution's
     * {@code P(L > k | L >= k) = (1 - sqrt((k + 1) / (n + 1))) / (1 - sqrt(k / (n + 1)))}.
     */
    private static boolean more(Source source, int size, int min, int max) {
        double slots = max - min + 1.0;
        int k = size - min;
        double goOn = (1 - Math.sqrt((k + 1) / slots)) / (1 - Math.sqrt(k / slots));
        return source.flag(Math.max(0, Math.min(1, goOn)));
    }
}

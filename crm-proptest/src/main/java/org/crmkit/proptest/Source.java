package org.crmkit.proptest;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The stream of choices a generator draws from. Every choice is a number from 0 to a bound, and 0 is
 * always the simplest outcome (the smallest number, the first alternative, an empty optional, a list
 * that ends here).
 *
 * <p>A source either draws its choices at random or replays a recorded sequence of them; in both cases
 * it records what it handed out. Shrinking a failing input means replaying a smaller or lower sequence
 * of choices through the same generators, so every generator, however it is composed ({@link Gen#map},
 * {@link Gen#flatMap}, {@link Gen#filter}, plain Java in a lambda), shrinks without code of its own.
 * A replayed sequence that runs out yields 0 from then on, the simplest remaining input.
 *
 * <p>Not thread-safe: one source serves one generated input.
 */
public final class Source {
    /** More choices than any sensible input needs; protects against a generator that never stops. */
    static final int MAX_CHOICES = 1 << 20;

    private final RandomGenerator random;
    private final long[] replay;
    private final long fill;
    private long[] recorded = new long[32];
    private int size;
    /** Start and end (exclusive) of each span of choices that makes one element, in pairs. */
    private int[] spans = new int[16];
    private int spanCount;

    private Source(RandomGenerator random, long[] replay, long fill) {
        this.random = random;
        this.replay = replay;
        this.fill = fill;
    }

    /**
     * A source that draws each choice at random.
     *
     * @param random the random numbers; not null
     * @return a new source
     */
    public static Source random(RandomGenerator random) {
        return new Source(Objects.requireNonNull(random, "random"), null, 0);
    }

    /**
     * A source that replays recorded choices: each is clamped into the bound asked for, and 0 is
     * returned once they run out.
     *
     * @param choices the choices, each at least 0; not null
     * @return a new source
     */
    public static Source replay(long[] choices) {
        Objects.requireNonNull(choices, "choices");
        for (long choice : choices) {
            if (choice < 0) {
                throw new IllegalArgumentException("a recorded choice is never negative: " + choice);
            }
        }
        return new Source(null, choices.clone(), 0);
    }

    /**
     * A choice from 0 to {@code max} inclusive, uniform when drawn at random.
     *
     * @param max the largest choice, at least 0
     * @return the choice
     */
    public long choose(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be at least 0: " + max);
        }
        long choice;
        if (random != null) {
            choice = max == 0 ? 0 : max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE
                    : random.nextLong(max + 1);
        } else {
            choice = Math.min(replayed(), max);
        }
        return record(choice);
    }

    /**
     * A choice from 0 to {@code max} inclusive.
     *
     * @param max the largest choice, at least 0
     * @return the choice
     */
    public int choose(int max) {
        return (int) choose((long) max);
    }

    /**
     * A yes-or-no choice that is yes with the given probability when drawn at random; no is the
     * simpler outcome.
     *
     * @param probability the chance of yes, from 0 to 1
     * @return the choice
     */
    public boolean flag(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must lie in [0, 1]: " + probability);
        }
        long choice;
        if (random != null) {
            choice = random.nextDouble() < probability ? 1 : 0;
        } else {
            choice = Math.min(replayed(), 1);
        }
        return record(choice) == 1;
    }

    /**
     * A source whose every choice is the same number clamped into its bound: with
     * {@code Long.MAX_VALUE}, every choice is its bound, the largest input a generator gives.
     */
    static Source constant(long choice) {
        if (choice < 0) {
            throw new IllegalArgumentException("a choice is never negative: " + choice);
        }
        return new Source(null, new long[0], choice);
    }

    /** Whether this source gives one fixed choice throughout. */
    boolean isConstant() {
        return random == null && fill != 0;
    }

    /**
     * How many choices have been handed out: where the next one will be recorded.
     *
     * @return the position of the next choice
     */
    public int position() {
        return size;
    }

    /**
     * Marks the choices from {@code start} to the current position as one element (of a list, say),
     * which shrinking tries to delete as a whole. Generators of collections call it for each element.
     *
     * @param start the position before the element's first choice, from {@link #position()}
     */
    public void markSpan(int start) {
        if (start < 0 || start > size) {
            throw new IllegalArgumentException("a span starts between 0 and " + size + ", was " + start);
        }
        if (start == size) {
            return;
        }
        if (spanCount * 2 == spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        spans[spanCount * 2] = start;
        spans[spanCount * 2 + 1] = size;
        spanCount++;
    }

    /** The marked spans as start and end (exclusive) pairs, in the order they were closed. */
    int[] spans() {
        return Arrays.copyOf(spans, spanCount * 2);
    }

    /** The choices handed out so far, in order. */
    long[] choices() {
        return Arrays.copyOf(recorded, size);
    }

    /** Whether a replayed sequence has run out, so that every further choice is the same. */
    boolean exhausted() {
        return random == null && size >= replay.length;
    }

    private long replayed() {
        return size < replay.length ? replay[size] : fill;
    }

    private long record(long choice) {
        if (size == MAX_CHOICES) {
            throw new Unsatisfiable("a generator drew more than " + MAX_CHOICES + " choices for one input");
        }
        if (size == recorded.length) {
            recorded = Arrays.copyOf(recorded, size * 2);
        }
        recorded[size++] = choice;
        return choice;
    }
}

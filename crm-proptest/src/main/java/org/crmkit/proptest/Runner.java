package org.crmkit.proptest;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs one property: the fixed tries, the random tries, and the shrinking of a failure. */
final class Runner {
    /** How long shrinking may take before the smallest input found so far is reported. */
    private static final Duration SHRINK_TIME = Duration.ofSeconds(30);
    private static final int SHRINK_EVALUATIONS = 20_000;
    /** Discarded inputs allowed per try before the property is judged to check too little. */
    private static final int DISCARDS_PER_TRY = 5;
    private static final int[] BLOCKS = {8, 4, 2, 1};

    /** The statement under test, over the generated inputs in order. */
    @FunctionalInterface
    interface Body {
        void check(Object[] inputs) throws Exception;
    }

    private final String name;
    private final Property.Settings settings;
    private final List<Gen<?>> generators;
    private final Body body;

    Runner(String name, Property.Settings settings, List<Gen<?>> generators, Body body) {
        this.name = name;
        this.settings = settings;
        this.generators = generators;
        this.body = body;
    }

    /**
     * The test method that checks the property: of the first caller outside the runner's classes,
     * the outermost frame of that class on the stack, so that a property checked by a helper
     * method that several tests share is named, and seeded, after each test rather than after the
     * helper, even when an assertion library's frames lie between them.
     */
    static String callerName() {
        String property = Property.class.getName();
        List<StackWalker.StackFrame> callers = StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !frame.getClassName().equals(property)
                        && !frame.getClassName().startsWith(property + "$")
                        && !frame.getClassName().equals(Runner.class.getName()))
                .toList());
        if (callers.isEmpty()) {
            return "property";
        }
        String testClass = callers.get(0).getClassName();
        StackWalker.StackFrame outermost = callers.get(0);
        for (StackWalker.StackFrame frame : callers) {
            if (frame.getClassName().equals(testClass)) {
                outermost = frame;
            }
        }
        return simpleName(testClass) + "#" + methodName(outermost.getMethodName());
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** A lambda's body is named {@code lambda$method$n} after the method it is written in. */
    private static String methodName(String name) {
        if (name.startsWith("lambda$")) {
            int end = name.indexOf('$', "lambda$".length());
            return name.substring("lambda$".length(), end < 0 ? name.length() : end);
        }
        return name;
    }

    void run() {
        long seed = seed();
        int tries = tries();
        SplittableRandom random = new SplittableRandom(mix(seed, name));
        // The simplest and the largest input first: zero, empty, the first alternative; every bound.
        tryFixed(Source.replay(new long[0]), seed, tries);
        tryFixed(Source.constant(Long.MAX_VALUE), seed, tries);

        Map<String, Integer> classified = new LinkedHashMap<>();
        int discarded = 0;
        for (int done = 0; done < tries;) {
            Source source = Source.random(random);
            Object[] inputs;
            try {
                inputs = generate(source);
            } catch (Unsatisfiable e) {
                throw new AssertionError(name + ": could not generate an input with seed " + seed + ": "
                        + e.getMessage());
            }
            Throwable failure = evaluate(inputs);
            Map<String, Boolean> labels = Property.takeClassification();
            if (failure == Discarded.INSTANCE) {
                if (++discarded > DISCARDS_PER_TRY * tries) {
                    throw new AssertionError(name + ": " + discarded + " inputs discarded by assumptions against "
                            + done + " tries (seed " + seed + "): the property checks too little");
                }
                continue;
            }
            done++;
            if (failure != null) {
                throw fail(seed, "try " + done + " of " + tries, source, inputs, failure);
            }
            labels.forEach((label, holds) -> classified.merge(label, holds ? 1 : 0, Integer::sum));
        }
        checkCoverage(classified, tries, seed);
    }

    private void tryFixed(Source source, long seed, int tries) {
        Object[] inputs;
        try {
            inputs = generate(source);
        } catch (Unsatisfiable e) {
            return; // a filter that excludes the extreme input: the random tries cover the rest
        }
        Throwable failure = evaluate(inputs);
        Property.takeClassification();
        if (failure != null && failure != Discarded.INSTANCE) {
            String which = source.isConstant() ? "the largest input" : "the simplest input";
            throw fail(seed, which + " (before " + tries + " random tries)", source, inputs, failure);
        }
    }

    private void checkCoverage(Map<String, Integer> classified, int tries, long seed) {
        for (Property.Coverage coverage : settings.coverage()) {
            int count = classified.getOrDefault(coverage.label(), 0);
            double percent = 100.0 * count / tries;
            if (percent <= coverage.minPercent()) {
                throw new AssertionError(String.format(java.util.Locale.ROOT,
                        "%s: only %d of %d tries (%.1f%%) were classified '%s', the property requires more than"
                                + " %s%% (seed %d)", name, count, tries, percent, coverage.label(),
                        trim(coverage.minPercent()), seed));
            }
        }
    }

    private static String trim(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }

    private Object[] generate(Source source) {
        Object[] inputs = new Object[generators.size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = generators.get(i).generate(source);
        }
        return inputs;
    }

    /** The failure of the body on these inputs, {@link Discarded#INSTANCE} if discarded, null if it held. */
    private Throwable evaluate(Object[] inputs) {
        try {
            body.check(inputs);
            return null;
        } catch (Discarded e) {
            return e;
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    private PropertyFailure fail(long seed, String when, Source source, Object[] inputs, Throwable failure) {
        Shrunk shrunk = shrink(source.choices(), source.spans(), inputs, failure);
        return new PropertyFailure(name, seed, when, listOf(inputs), listOf(shrunk.inputs),
                shrunk.steps, shrunk.complete, shrunk.failure);
    }

    private static List<Object> listOf(Object[] inputs) {
        return Collections.unmodifiableList(Arrays.asList(inputs.clone()));
    }

    private record Shrunk(long[] choices, Object[] inputs, Throwable failure, int steps, boolean complete) {
    }

    /**
     * Shrinks a failing input by replaying ever simpler choices: shorter (whole blocks deleted, which
     * drops list elements and optional parts) or lower (blocks zeroed, single choices lowered by
     * bisection), keeping every change after which the body still fails the same way.
     */
    private Shrunk shrink(long[] choices, int[] spans, Object[] inputs, Throwable failure) {
        Shrinking state = new Shrinking(choices, spans, inputs, failure);
        boolean improved = true;
        while (improved && state.withinBudget()) {
            improved = false;
            // Whole elements first, last ones first, so that positions before them stay put.
            for (int span = state.spans.length / 2 - 1; span >= 0 && state.withinBudget(); span--) {
                if (span * 2 + 1 >= state.spans.length) {
                    continue; // a deletion before left fewer spans
                }
                int start = state.spans[span * 2];
                int end = state.spans[span * 2 + 1];
                if (end <= state.best.length) {
                    improved |= state.attempt(deleted(state.best, start, end - start));
                }
            }
            for (int block : BLOCKS) {
                for (int start = state.best.length - block; start >= 0 && state.withinBudget(); start--) {
                    if (start + block <= state.best.length) {
                        improved |= state.attempt(deleted(state.best, start, block));
                    }
                }
            }
            for (int block : BLOCKS) {
                for (int start = 0; start + block <= state.best.length && state.withinBudget(); start++) {
                    if (!zero(state.best, start, block)) {
                        improved |= state.attempt(zeroed(state.best, start, block));
                    }
                }
            }
            for (int at = 0; at < state.best.length && state.withinBudget(); at++) {
                improved |= lower(state, at);
            }
            // A number spread over several choices: one less in a choice, all it can be in the next.
            for (int at = 0; at + 1 < state.best.length && state.withinBudget(); at++) {
                if (state.best[at] > 0) {
                    long[] candidate = with(state.best, at, state.best[at] - 1);
                    candidate[at + 1] = Long.MAX_VALUE;
                    if (state.attempt(candidate)) {
                        improved = true;
                        lower(state, at + 1);
                    }
                }
            }
        }
        return new Shrunk(state.best, state.inputs, state.failure, state.steps, !improved);
    }

    /** Lowers one choice as far as the failure allows, by bisection. */
    private static boolean lower(Shrinking state, int at) {
        long high = state.best[at];
        if (high == 0) {
            return false;
        }
        if (state.attempt(with(state.best, at, 0))) {
            return true;
        }
        boolean improved = false;
        long low = 0;
        while (high - low > 1 && at < state.best.length && state.withinBudget()) {
            long middle = low + (high - low) / 2;
            if (state.attempt(with(state.best, at, middle))) {
                high = middle;
                improved = true;
            } else {
                low = middle;
            }
        }
        return improved;
    }

    private final class Shrinking {
        private final Class<?> kind;
        private final long deadline = System.nanoTime() + SHRINK_TIME.toNanos();
        long[] best;
        int[] spans;
        Object[] inputs;
        Throwable failure;
        int steps;
        int evaluations;

        Shrinking(long[] best, int[] spans, Object[] inputs, Throwable failure) {
            this.kind = failure.getClass();
            this.best = best;
            this.spans = spans;
            this.inputs = inputs;
            this.failure = failure;
        }

        boolean withinBudget() {
            return evaluations < SHRINK_EVALUATIONS && System.nanoTime() < deadline;
        }

        /** Replays the candidate choices; keeps them if the body fails as before on a simpler input. */
        boolean attempt(long[] candidate) {
            evaluations++;
            Source source = Source.replay(candidate);
            Object[] replayed;
            try {
                replayed = generate(source);
            } catch (RuntimeException e) {
                return false; // choices no generator can use, e.g. a filter that rejects them
            }
            Throwable outcome = evaluate(replayed);
            Property.takeClassification();
            long[] used = source.choices();
            // Same kind of failure, so that shrinking does not slip from the bug found to another one.
            if (outcome == null || outcome == Discarded.INSTANCE || outcome.getClass() != kind
                    || !simpler(used, best)) {
                return false;
            }
            best = used;
            spans = source.spans();
            inputs = replayed;
            failure = outcome;
            steps++;
            return true;
        }
    }

    /** Shortlex order: fewer choices, or as many and lower at the first difference. */
    static boolean simpler(long[] candidate, long[] best) {
        if (candidate.length != best.length) {
            return candidate.length < best.length;
        }
        return Arrays.compare(candidate, best) < 0;
    }

    private static long[] deleted(long[] choices, int start, int length) {
        long[] result = new long[choices.length - length];
        System.arraycopy(choices, 0, result, 0, start);
        System.arraycopy(choices, start + length, result, start, choices.length - start - length);
        return result;
    }

    private static boolean zero(long[] choices, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (choices[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static long[] zeroed(long[] choices, int start, int length) {
        long[] result = choices.clone();
        Arrays.fill(result, start, start + length, 0);
        return result;
    }

    private static long[] with(long[] choices, int at, long value) {
        long[] result = choices.clone();
        result[at] = value;
        return result;
    }

    static long seed() {
        String configured = System.getProperty(Property.SEED_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return Property.DEFAULT_SEED;
        }
        if (configured.strip().equalsIgnoreCase("random")) {
            return new SecureRandom().nextLong();
        }
        try {
            return Long.parseLong(configured.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + Property.SEED_PROPERTY
                    + " must be a number or 'random': '" + configured + "'", e);
        }
    }

    private int tries() {
        String configured = System.getProperty(Property.TRIES_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return settings.tries();
        }
        try {
            int tries = Integer.parseInt(configured.strip());
            if (tries >= 1) {
                return tries;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + Property.TRIES_PROPERTY
                + " must be a whole number of at least 1: '" + configured + "'");
    }

    /** Each property its own stream: the seed mixed with the property's name (SplitMix64's finaliser). */
    static long mix(long seed, String name) {
        long z = seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

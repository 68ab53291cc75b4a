package org.crmkit.proptest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Property checks inside plain JUnit (or any) tests: a property is a statement that holds for every
 * input a generator gives, checked on many generated inputs and, when one fails, on ever simpler
 * variants of it until the simplest failing input is found.
 *
 * <pre>{@code
 * @Test
 * void additionIsCommutative() {
 *     Property.forAll(amounts, amounts).check((a, b) -> assertThat(a.plus(b)).isEqualTo(b.plus(a)));
 * }
 * }</pre>
 *
 * <p>Each check first tries the simplest input (every choice 0) and the largest (every choice at its
 * bound), then {@value #DEFAULT_TRIES} random inputs unless {@link ForAll1#tries(int) tries} says
 * otherwise. The random inputs come from a seed: by default the fixed {@value #DEFAULT_SEED}, mixed with
 * the test's class and method name so that every property sees its own inputs, run after run. The
 * system property {@value #SEED_PROPERTY} sets another seed, or {@code random} for a new one each run;
 * {@value #TRIES_PROPERTY} sets the number of random tries of every property (say 100000 for a long
 * hunt). A failure is an {@link AssertionError} that names the seed to rerun with, the simplest failing
 * input found and the one first found.
 */
public final class Property {
    /** The system property that sets the seed: a number, or {@code random}. */
    public static final String SEED_PROPERTY = "crmkit.property.seed";
    /** The system property that sets the number of random tries of every property. */
    public static final String TRIES_PROPERTY = "crmkit.property.tries";
    /** The seed used unless {@value #SEED_PROPERTY} says otherwise. */
    public static final long DEFAULT_SEED = 20261207L;
    /** The number of random tries unless the property or {@value #TRIES_PROPERTY} says otherwise. */
    public static final int DEFAULT_TRIES = 1000;

    private static final ThreadLocal<Map<String, Boolean>> CLASSIFICATION = ThreadLocal.withInitial(LinkedHashMap::new);

    private Property() {
    }

    /**
     * Discards the current input when the condition does not hold: the property says nothing about
     * it. A discarded input does not count as a try; a property that discards far more inputs than it
     * tries fails, since it would check too little.
     *
     * @param condition whether the input is one the property speaks about
     */
    public static void assume(boolean condition) {
        if (!condition) {
            throw Discarded.INSTANCE;
        }
    }

    /**
     * Classifies the current input under a label, for the coverage that {@link ForAll1#cover} requires.
     *
     * @param label the label; not null
     * @param holds whether the input has the labelled quality
     */
    public static void classify(String label, boolean holds) {
        Objects.requireNonNull(label, "label");
        CLASSIFICATION.get().merge(label, holds, Boolean::logicalOr);
    }

    /** The labels classified during the current input, cleared. */
    static Map<String, Boolean> takeClassification() {
        Map<String, Boolean> labels = new LinkedHashMap<>(CLASSIFICATION.get());
        CLASSIFICATION.get().clear();
        return labels;
    }

    /**
     * A property of one input.
     *
     * @param <A> the input's type
     * @param a its generator; not null
     * @return the property, to configure and check
     */
    public static <A> ForAll1<A> forAll(Gen<A> a) {
        return new ForAll1<>(List.of(a), Settings.DEFAULT);
    }

    /**
     * A property of two inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param a the first input's generator; not null
     * @param b the second input's generator; not null
     * @return the property, to configure and check
     */
    public static <A, B> ForAll2<A, B> forAll(Gen<A> a, Gen<B> b) {
        return new ForAll2<>(List.of(a, b), Settings.DEFAULT);
    }

    /**
     * A property of three inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <C> the third input's type
     * @param a the first input's generator; not null
     * @param b the second input's generator; not null
     * @param c the third input's generator; not null
     * @return the property, to configure and check
     */
    public static <A, B, C> ForAll3<A, B, C> forAll(Gen<A> a, Gen<B> b, Gen<C> c) {
        return new ForAll3<>(List.of(a, b, c), Settings.DEFAULT);
    }

    /**
     * A property of four inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <C> the third input's type
     * @param <D> the fourth input's type
     * @param a the first input's generator; not null
     * @param b the second input's generator; not null
     * @param c the third input's generator; not null
     * @param d the fourth input's generator; not null
     * @return the property, to configure and check
     */
    public static <A, B, C, D> ForAll4<A, B, C, D> forAll(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d) {
        return new ForAll4<>(List.of(a, b, c, d), Settings.DEFAULT);
    }

    /**
     * A property of five inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <C> the third input's type
     * @param <D> the fourth input's type
     * @param <E> the fifth input's type
     * @param a the first input's generator; not null
     * @param b the second input's generator; not null
     * @param c the third input's generator; not null
     * @param d the fourth input's generator; not null
     * @param e the fifth input's generator; not null
     * @return the property, to configure and check
     */
    public static <A, B, C, D, E> ForAll5<A, B, C, D, E> forAll(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d,
            Gen<E> e) {
        return new ForAll5<>(List.of(a, b, c, d, e), Settings.DEFAULT);
    }

    /** How a property is checked. */
    record Settings(int tries, List<Coverage> coverage) {
        static final Settings DEFAULT = new Settings(DEFAULT_TRIES, List.of());

        Settings withTries(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("tries must be at least 1: " + count);
            }
            return new Settings(count, coverage);
        }

        Settings withCoverage(String label, double minPercent) {
            Objects.requireNonNull(label, "label");
            if (!(minPercent >= 0 && minPercent < 100)) {
                throw new IllegalArgumentException("minPercent must lie in [0, 100): " + minPercent);
            }
            List<Coverage> more = new ArrayList<>(coverage);
            more.add(new Coverage(label, minPercent));
            return new Settings(tries, List.copyOf(more));
        }
    }

    /** A share of the tries that must be classified under a label. */
    record Coverage(String label, double minPercent) {
    }

    /**
     * What the properties of one to five inputs share: their settings.
     *
     * @param <S> the property's own type
     */
    public abstract static class Base<S extends Base<S>> {
        final List<Gen<?>> generators;
        final Settings settings;

        Base(List<Gen<?>> generators, Settings settings) {
            this.generators = generators;
            this.settings = settings;
        }

        abstract S with(Settings changed);

        /**
         * Sets the number of random tries (the simplest and the largest input are tried as well).
         *
         * @param count the number of random inputs, at least 1
         * @return this property with that many tries
         */
        public S tries(int count) {
            return with(settings.withTries(count));
        }

        /**
         * Requires that more than {@code minPercent} of the tries are classified under {@code label}
         * by {@link Property#classify}, so that a property cannot pass by never meeting the case it
         * is about.
         *
         * @param label the label; not null
         * @param minPercent the share of tries to exceed, from 0 to 100
         * @return this property with the requirement
         */
        public S cover(String label, double minPercent) {
            return with(settings.withCoverage(label, minPercent));
        }

        void run(Runner.Body body) {
            new Runner(Runner.callerName(), settings, generators, body).run();
        }
    }

    /**
     * A property of one input.
     *
     * @param <A> the input's type
     */
    public static final class ForAll1<A> extends Base<ForAll1<A>> {
        ForAll1(List<Gen<?>> generators, Settings settings) {
            super(generators, settings);
        }

        @Override
        ForAll1<A> with(Settings changed) {
            return new ForAll1<>(generators, changed);
        }

        /**
         * Checks the property; it fails when the body throws for some input.
         *
         * @param body the statement about an input, asserting with any assertion library; not null
         */
        @SuppressWarnings("unchecked")
        public void check(Body1<A> body) {
            Objects.requireNonNull(body, "body");
            run(args -> body.check((A) args[0]));
        }
    }

    /**
     * A property of two inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     */
    public static final class ForAll2<A, B> extends Base<ForAll2<A, B>> {
        ForAll2(List<Gen<?>> generators, Settings settings) {
            super(generators, settings);
        }

        @Override
        ForAll2<A, B> with(Settings changed) {
            return new ForAll2<>(generators, changed);
        }

        /**
         * Checks the property; it fails when the body throws for some inputs.
         *
         * @param body the statement about the inputs; not null
         */
        @SuppressWarnings("unchecked")
        public void check(Body2<A, B> body) {
            Objects.requireNonNull(body, "body");
            run(args -> body.check((A) args[0], (B) args[1]));
        }
    }

    /**
     * A property of three inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <C> the third input's type
     */
    public static final class ForAll3<A, B, C> extends Base<ForAll3<A, B, C>> {
        ForAll3(List<Gen<?>> generators, Settings settings) {
            super(generators, settings);
        }

        @Override
        ForAll3<A, B, C> with(Settings changed) {
            return new ForAll3<>(generators, changed);
        }

        /**
         * Checks the property; it fails when the body throws for some inputs.
         *
         * @param body the statement about the inputs; not null
         */
        @SuppressWarnings("unchecked")
        public void check(Body3<A, B, C> body) {
            Objects.requireNonNull(body, "body");
            run(args -> body.check((A) args[0], (B) args[1], (C) args[2]));
        }
    }

    /**
     * A property of four inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <C> the third input's type
     * @param <D> the fourth input's type
     */
    public static final class ForAll4<A, B, C, D> extends Base<ForAll4<A, B, C, D>> {
        ForAll4(List<Gen<?>> generators, Settings settings) {
            super(generators, settings);
        }

        @Override
        ForAll4<A, B, C, D> with(Settings changed) {
            return new ForAll4<>(generators, changed);
        }

        /**
         * Checks the property; it fails when the body throws for some inputs.
         *
         * @param body the statement about the inputs; not null
         */
        @SuppressWarnings("unchecked")
        public void check(Body4<A, B, C, D> body) {
            Objects.requireNonNull(body, "body");
            run(args -> body.check((A) args[0], (B) args[1], (C) args[2], (D) args[3]));
        }
    }

    /**
     * A property of five inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <C> the third input's type
     * @param <D> the fourth input's type
     * @param <E> the fifth input's type
     */
    public static final class ForAll5<A, B, C, D, E> extends Base<ForAll5<A, B, C, D, E>> {
        ForAll5(List<Gen<?>> generators, Settings settings) {
            super(generators, settings);
        }

        @Override
        ForAll5<A, B, C, D, E> with(Settings changed) {
            return new ForAll5<>(generators, changed);
        }

        /**
         * Checks the property; it fails when the body throws for some inputs.
         *
         * @param body the statement about the inputs; not null
         */
        @SuppressWarnings("unchecked")
        public void check(Body5<A, B, C, D, E> body) {
            Objects.requireNonNull(body, "body");
            run(args -> body.check((A) args[0], (B) args[1], (C) args[2], (D) args[3], (E) args[4]));
        }
    }

    /**
     * A statement about one input.
     *
     * @param <A> the input's type
     */
    @FunctionalInterface
    public interface Body1<A> {
        /**
         * Checks the statement, throwing (an assertion error, say) when it does not hold.
         *
         * @param a the input
         * @throws Exception when the statement does not hold
         */
        void check(A a) throws Exception;
    }

    /**
     * A statement about two inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     */
    @FunctionalInterface
    public interface Body2<A, B> {
        /**
         * Checks the statement, throwing when it does not hold.
         *
         * @param a the first input
         * @param b the second input
         * @throws Exception when the statement does not hold
         */
        void check(A a, B b) throws Exception;
    }

    /**
     * A statement about three inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <C> the third input's type
     */
    @FunctionalInterface
    public interface Body3<A, B, C> {
        /**
         * Checks the statement, throwing when it does not hold.
         *
         * @param a the first input
         * @param b the second input
         * @param c the third input
         * @throws Exception when the statement does not hold
         */
        void check(A a, B b, C c) throws Exception;
    }

    /**
     * A statement about four inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <C> the third input's type
     * @param <D> the fourth input's type
     */
    @FunctionalInterface
    public interface Body4<A, B, C, D> {
        /**
         * Checks the statement, throwing when it does not hold.
         *
         * @param a the first input
         * @param b the second input
         * @param c the third input
         * @param d the fourth input
         * @throws Exception when the statement does not hold
         */
        void check(A a, B b, C c, D d) throws Exception;
    }

    /**
     * A statement about five inputs.
     *
     * @param <A> the first input's type
     * @param <B> the second input's type
     * @param <C> the third input's type
     * @param <D> the fourth input's type
     * @param <E> the fifth input's type
     */
    @FunctionalInterface
    public interface Body5<A, B, C, D, E> {
        /**
         * Checks the statement, throwing when it does not hold.
         *
         * @param a the first input
         * @param b the second input
         * @param c the third input
         * @param d the fourth input
         * @param e the fifth input
         * @throws Exception when the statement does not hold
         */
        void check(A a, B b, C c, D d, E e) throws Exception;
    }
}

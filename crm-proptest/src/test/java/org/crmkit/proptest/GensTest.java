package org.crmkit.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GensTest {
    private static final int DRAWS = 10_000;

    private static <T> List<T> draw(Gen<T> generator) {
        Source source = Source.random(new SplittableRandom(7));
        List<T> values = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            values.add(generator.generate(source));
        }
        return values;
    }

    private static <T> Map<T, Long> counts(List<T> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    @Test
    void integersStayInTheirRangeAndReachEveryValue() {
        List<Integer> values = draw(Gens.integers(-3, 3));

        assertThat(new HashSet<>(values)).containsExactlyInAnyOrder(-3, -2, -1, 0, 1, 2, 3);
    }

    @Test
    void integersAreUniformApartFromTheEdgeCases() {
        Map<Integer, Long> counts = counts(draw(Gens.integers(0, 9)));

        // 1,000 expected per value; edges (0, 1, 8, 9) get about 1/16 of the draws on top.
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(800L, 1300L));
    }

    @Test
    void negativeValuesComeInProportionToTheirShareOfTheRange() {
        long negatives = draw(Gens.integers(-10, 989)).stream().filter(x -> x < 0).count();

        // 1% of the values are negative, plus 3 of the 7 edge cases (-10, -9, -1) in 1/16 of the draws: 3.7%.
        assertThat(negatives).isBetween(250L, 500L);
    }

    @Test
    void edgeCasesOfALargeRangeComeUp() {
        Set<Integer> values = new HashSet<>(draw(Gens.integers(0, 1_000_000)));

        assertThat(values).contains(0, 1, 999_999, 1_000_000);
    }

    @Test
    void longsCoverBothSignsAndTheExtremes() {
        List<Long> values = draw(Gens.longs());

        assertThat(values).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L);
        assertThat(values.stream().filter(x -> x < 0).count()).isBetween(4000L, 6000L);
    }

    @Test
    void bigIntegersBeyondALongStayInRange() {
        BigInteger bound = BigInteger.TEN.pow(30);
        List<BigInteger> values = draw(Gens.bigIntegers(bound.negate(), bound));

        assertThat(values).allSatisfy(x -> assertThat(x.abs()).isLessThanOrEqualTo(bound));
        assertThat(values.stream().filter(x -> x.abs().compareTo(BigInteger.TEN.pow(29)) > 0).count())
                .as("most values are large").isGreaterThan(DRAWS / 2);
    }

    @Test
    void bigIntegersBeyondALongShrinkToTheBoundary() {
        BigInteger bound = BigInteger.TEN.pow(30);
        BigInteger limit = BigInteger.TEN.pow(20);

        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(Gens.bigIntegers(bound.negate(), bound))
                        .check(x -> assertThat(x).isLessThan(limit)));

        assertThat(failure.shrunkInputs()).containsExactly(limit);
    }

    @Test
    void bigDecimalsHaveTheScaleAndStayInRange() {
        List<BigDecimal> values = draw(Gens.bigDecimals(new BigDecimal("1.01"), new BigDecimal("20"), 2));

        assertThat(values).allSatisfy(x -> {
            assertThat(x.scale()).isEqualTo(2);
            assertThat(x).isBetween(new BigDecimal("1.01"), new BigDecimal("20.00"));
        });
        assertThat(values).contains(new BigDecimal("1.01"), new BigDecimal("20.00"));
    }

    @Test
    void doublesStayInRangeAndIncludeTheirBounds() {
        List<Double> values = draw(Gens.doubles(-20, 0.9999));

        assertThat(values).allSatisfy(x -> assertThat(x).isBetween(-20.0, 0.9999));
        assertThat(values).contains(-20.0, 0.9999, 0.0);
        assertThat(values.stream().filter(x -> x < 0).count()).as("negative in proportion").isGreaterThan(8500L);
    }

    @Test
    void doublesWithAScaleHaveAtMostThatManyDecimals() {
        List<Double> values = draw(Gens.doubles(0.05, 30, 2));

        assertThat(values).allSatisfy(x -> {
            assertThat(x).isBetween(0.05, 30.0);
            assertThat(BigDecimal.valueOf(x).stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
        });
    }

    @Test
    void datesStayInRangeAndIncludeTheirBounds() {
        LocalDate first = LocalDate.of(1990, 1, 1);
        LocalDate last = LocalDate.of(2100, 12, 31);
        List<LocalDate> values = draw(Gens.dates(first, last));

        assertThat(values).allSatisfy(day -> assertThat(day).isBetween(first, last)).contains(first, last);
    }

    @Test
    void shortListsAreMoreLikelyThanLongOnesButEveryLengthComesUp() {
        Map<Integer, Long> lengths = counts(draw(Gens.integers(0, 9).list(0, 4)).stream().map(List::size).toList());

        // P(length k) = sqrt((k + 1) / 5) - sqrt(k / 5): 44.7%, 18.5%, 14.2%, 12.0%, 10.6%.
        double[] expected = {0.447, 0.185, 0.142, 0.120, 0.106};
        assertThat(lengths).containsOnlyKeys(0, 1, 2, 3, 4);
        for (int k = 0; k < expected.length; k++) {
            assertThat(lengths.get(k) / (double) DRAWS).as("share of length %d", k).isCloseTo(expected[k], within(0.02));
        }
    }

    @Test
    void listsRespectTheirMinimum() {
        assertThat(draw(Gens.integers(0, 9).list(3, 5))).allSatisfy(list -> assertThat(list).hasSizeBetween(3, 5));
    }

    @Test
    void uniqueListsAndSetsHoldNoRepeatedKey() {
        assertThat(draw(Gens.integers(0, 20).uniqueList(1, 10, x -> x % 7)))
                .allSatisfy(list -> assertThat(list.stream().map(x -> x % 7)).doesNotHaveDuplicates());
        assertThat(draw(Gens.integers(0, 3).set(4, 4))).allSatisfy(set -> assertThat(set).hasSize(4));
    }

    @Test
    void uniqueListsThatCannotReachTheirMinimumSaySo() {
        assertThatThrownBy(() -> Gens.integers(0, 2).set(4, 4).generate(Source.random(new SplittableRandom(1))))
                .isInstanceOf(Unsatisfiable.class)
                .hasMessage("could not generate 4 values with different keys");
    }

    @Test
    void frequencyFollowsTheWeights() {
        Map<String, Long> counts = counts(draw(Gens.frequency(Gens.weighted(9, Gens.constant("often")),
                Gens.weighted(1, Gens.constant("rarely")))));

        assertThat(counts.get("rarely")).isBetween(800L, 1200L);
    }

    @Test
    void oneOfAndOfPickEveryAlternative() {
        assertThat(new HashSet<>(draw(Gens.oneOf(Gens.constant("a"), Gens.of("b", "c")))))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(new HashSet<>(draw(Gens.of(Thread.State.class)))).hasSize(Thread.State.values().length);
    }

    @Test
    void replayingTheRecordedChoicesGivesTheSameValue() {
        Gen<List<BigDecimal>> generator = Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("400000"), 2).list(0, 30);
        Source random = Source.random(new SplittableRandom(11));
        List<BigDecimal> value = generator.generate(random);

        assertThat(generator.generate(Source.replay(random.choices()))).isEqualTo(value);
    }

    @Test
    void theSimplestInputIsZeroEmptyAndFirst() {
        Source empty = Source.replay(new long[0]);

        assertThat(Gens.integers(-5, 12).generate(empty)).isZero();
        assertThat(Gens.integers(3, 12).generate(empty)).isEqualTo(3);
        assertThat(Gens.integers(-12, -3).generate(empty)).isEqualTo(-3);
        assertThat(Gens.integers(0, 9).list(0, 5).generate(empty)).isEmpty();
        assertThat(Gens.integers(0, 9).optional(0.5).generate(empty)).isEmpty();
        assertThat(Gens.of("first", "second").generate(empty)).isEqualTo("first");
        assertThat(Gens.doubles(-4, 4).generate(empty)).isZero();
    }

    @Test
    void theLargestInputTakesEveryBound() {
        Source largest = Source.constant(Long.MAX_VALUE);

        assertThat(Gens.integers(3, 12).generate(largest)).isEqualTo(12);
        assertThat(Gens.integers(0, 9).list(0, 5).generate(largest)).hasSize(5);
        assertThat(Gens.of("first", "second").generate(largest)).isEqualTo("second");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Gens.integers(5, 4)).hasMessage("max 4 is below min 5");
        assertThatThrownBy(() -> Gens.integers(0, 1).list(3, 2))
                .hasMessage("sizes must satisfy 0 <= min <= max: min 3, max 2");
        assertThatThrownBy(() -> Gens.of()).hasMessage("give at least one value");
        assertThatThrownBy(() -> Gens.weighted(0, Gens.constant(1))).hasMessage("weight must be at least 1: 0");
        assertThatThrownBy(() -> Source.replay(new long[] {-1})).hasMessage("a recorded choice is never negative: -1");
    }
}

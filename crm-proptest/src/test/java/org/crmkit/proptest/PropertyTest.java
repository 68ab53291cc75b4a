package org.crmkit.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PropertyTest {
    private static final Gen<Integer> SMALL = Gens.integers(0, 1000);

    @AfterEach
    void clearSystemProperties() {
        System.clearProperty(Property.SEED_PROPERTY);
        System.clearProperty(Property.TRIES_PROPERTY);
    }

    @Test
    void aPropertyThatHoldsPassesAfterTheFixedAndTheRandomTries() {
        List<Integer> seen = new ArrayList<>();

        Property.forAll(SMALL).tries(50).check(x -> {
            seen.add(x);
            assertThat(x).isBetween(0, 1000);
        });

        assertThat(seen).hasSize(52);
        assertThat(seen.get(0)).as("the simplest input comes first").isZero();
        assertThat(seen.get(1)).as("then the largest").isEqualTo(1000);
    }

    @Test
    void theDefaultIsAThousandRandomTries() {
        int[] count = {0};

        Property.forAll(SMALL).check(x -> count[0]++);

        assertThat(count[0]).isEqualTo(Property.DEFAULT_TRIES + 2);
    }

    @Test
    void aFailingIntegerShrinksToTheBoundary() {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(SMALL).check(x -> assertThat(x).isLessThan(500)));

        assertThat(failure.shrunkInputs()).containsExactly(500);
        assertThat((Integer) failure.originalInputs().get(0)).isGreaterThanOrEqualTo(500);
        assertThat(failure.getCause()).isInstanceOf(AssertionError.class).hasMessageContaining("500");
    }

    @Test
    void aFailingListShrinksToItsOneGuiltyElement() {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(SMALL.list(0, 30))
                        .check(xs -> assertThat(xs).allSatisfy(x -> assertThat(x).isLessThan(10))));

        assertThat(failure.shrunkInputs()).containsExactly(List.of(10));
    }

    @Test
    void aSumThatGrowsTooLargeShrinksToAMinimalList() {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(SMALL.list(0, 30))
                        .check(xs -> assertThat(xs.stream().mapToInt(Integer::intValue).sum()).isLessThan(1500)));

        @SuppressWarnings("unchecked")
        List<Integer> shrunk = (List<Integer>) failure.shrunkInputs().get(0);
        assertThat(shrunk).hasSize(2);
        assertThat(shrunk.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1500);
    }

    /** An element of many choices: more than any fixed block of choices shrinking deletes. */
    record Wide(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l) {
        int max() {
            return java.util.stream.IntStream.of(a, b, c, d, e, f, g, h, i, j, k, l).max().getAsInt();
        }
    }

    @Test
    void aListOfWideElementsShrinksToItsOneGuiltyElement() {
        Gen<Integer> digit = Gens.integers(0, 9);
        Gen<Wide> wide = source -> new Wide(digit.generate(source), digit.generate(source), digit.generate(source),
                digit.generate(source), digit.generate(source), digit.generate(source), digit.generate(source),
                digit.generate(source), digit.generate(source), digit.generate(source), digit.generate(source),
                digit.generate(source));

        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(wide.list(0, 20))
                        .check(list -> assertThat(list).allSatisfy(element -> assertThat(element.max()).isLessThan(9))));

        assertThat(failure.shrunkInputs()).containsExactly(List.of(new Wide(9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        // Each element goes in one step as a whole (about 36 steps here; some 380 block by block).
        assertThat(failure.shrinkSteps()).isLessThan(80);
    }

    @Test
    void shrinkingSeesThroughMapAndFlatMap() {
        Gen<String> words = Gens.integers(1, 8).flatMap(length -> Gens.of('a', 'b', 'c').list(length, length))
                .map(letters -> letters.stream().map(String::valueOf).reduce("", String::concat));

        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(words).check(word -> assertThat(word).doesNotContain("c")));

        assertThat(failure.shrunkInputs()).containsExactly("c");
    }

    @Test
    void shrinkingKeepsTheKindOfFailure() {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(SMALL).check(x -> {
                    if (x > 900) {
                        throw new IllegalStateException("large: " + x);
                    }
                    assertThat(x).isGreaterThan(0);
                }));

        assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
        assertThat(failure.shrunkInputs()).containsExactly(0);
    }

    @Test
    void aPropertyCheckedByAHelperIsNamedAfterEachTestThatCallsIt() {
        PropertyFailure first = catchThrowableOfType(PropertyFailure.class, () -> sharedCheck(SMALL));
        PropertyFailure second = catchThrowableOfType(PropertyFailure.class, PropertyTest::callsTheSharedCheck);

        assertThat(first.property()).isEqualTo("PropertyTest#aPropertyCheckedByAHelperIsNamedAfterEachTestThatCallsIt");
        assertThat(second.property()).isEqualTo("PropertyTest#aPropertyCheckedByAHelperIsNamedAfterEachTestThatCallsIt");
        assertThat(sharedCheckName()).isEqualTo("PropertyTest#aPropertyCheckedByAHelperIsNamedAfterEachTestThatCallsIt");
    }

    @Test
    void anotherTestCallingTheSameHelperGetsItsOwnNameAndSeedStream() {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () -> sharedCheck(SMALL));

        assertThat(failure.property()).isEqualTo("PropertyTest#anotherTestCallingTheSameHelperGetsItsOwnNameAndSeedStream");
    }

    /** A check several tests share, as a suite runs one property against several databases. */
    private static void sharedCheck(Gen<Integer> values) {
        Property.forAll(values).check(x -> assertThat(x).isLessThan(500));
    }

    private static void callsTheSharedCheck() {
        sharedCheck(SMALL);
    }

    private static String sharedCheckName() {
        return Runner.callerName();
    }

    @Test
    void theMessageNamesThePropertyTheSeedAndBothInputs() {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(SMALL, Gens.booleans()).check((x, flag) -> assertThat(x).isLessThan(700)));

        assertThat(failure.property()).isEqualTo("PropertyTest#theMessageNamesThePropertyTheSeedAndBothInputs");
        assertThat(failure.seed()).isEqualTo(Property.DEFAULT_SEED);
        assertThat(failure).hasMessageStartingWith("Property PropertyTest#theMessageNamesThePropertyTheSeedAndBothInputs"
                        + " failed on the largest input (before 1000 random tries) with seed 20261207"
                        + " (rerun with -Dcrmkit.property.seed=20261207)\n")
                .hasMessageContaining("Simplest failing input (")
                .hasMessageContaining("\n  [0] 700\n  [1] false\n")
                .hasMessageContaining("First failing input:\n  [0] 1000\n  [1] true\n")
                .hasMessageContaining("Failure: ");
    }

    @Test
    void aRandomFailureNamesItsTry() {
        // Fails neither on the simplest (0) nor on the largest (1000) input.
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(SMALL).check(x -> assertThat(x < 100 || x > 900).as("%d outside 100..900", x).isTrue()));

        assertThat(failure).hasMessageContaining(" failed on try ").hasMessageContaining(" of 1000 with seed ");
        assertThat(failure.shrunkInputs()).containsExactly(100);
    }

    @Test
    void theSameSeedGivesTheSameInputs() {
        System.setProperty(Property.SEED_PROPERTY, "42");

        assertThat(inputsSeen()).isEqualTo(inputsSeen());
    }

    @Test
    void anotherSeedGivesOtherInputs() {
        System.setProperty(Property.SEED_PROPERTY, "42");
        List<Long> first = inputsSeen();
        System.setProperty(Property.SEED_PROPERTY, "43");

        assertThat(inputsSeen()).isNotEqualTo(first);
    }

    @Test
    void aRandomSeedIsReportedSoTheFailureCanBeRerun() {
        // Neither the simplest (0) nor the largest (1000) input fails: only random tries find 901..950,
        // so the first failing input depends on the seed, and the rerun must find the same one.
        System.setProperty(Property.SEED_PROPERTY, "random");
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(SMALL)
                .check(x -> assertThat(x <= 900 || x > 950).as("%d in 901..950", x).isTrue()));
        System.setProperty(Property.SEED_PROPERTY, Long.toString(failure.seed()));

        PropertyFailure again = catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(SMALL)
                .check(x -> assertThat(x <= 900 || x > 950).as("%d in 901..950", x).isTrue()));

        assertThat(again.seed()).isEqualTo(failure.seed());
        assertThat(again.originalInputs()).isEqualTo(failure.originalInputs());
        assertThat(again.shrunkInputs()).isEqualTo(failure.shrunkInputs()).containsExactly(901);
    }

    @Test
    void propertiesOfOtherNamesSeeOtherInputsUnderTheSameSeed() {
        List<Long> here = Elsewhere.inputsSeen();
        List<Long> elsewhere = new ArrayList<>();

        Property.forAll(Gens.longs()).tries(20).check(elsewhere::add);

        assertThat(elsewhere).isNotEqualTo(here);
    }

    @Test
    void theTriesCanBeRaisedForEveryPropertyBySystemProperty() {
        System.setProperty(Property.TRIES_PROPERTY, "3000");
        int[] count = {0};

        Property.forAll(SMALL).tries(10).check(x -> count[0]++);

        assertThat(count[0]).isEqualTo(3002);
    }

    @Test
    void badSystemPropertiesAreNamed() {
        System.setProperty(Property.SEED_PROPERTY, "forty-two");
        assertThatThrownBy(() -> Property.forAll(SMALL).check(x -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property crmkit.property.seed must be a number or 'random': 'forty-two'");

        System.clearProperty(Property.SEED_PROPERTY);
        System.setProperty(Property.TRIES_PROPERTY, "0");
        assertThatThrownBy(() -> Property.forAll(SMALL).check(x -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property crmkit.property.tries must be a whole number of at least 1: '0'");
    }

    @Test
    void assumptionsDiscardInputsWithoutCountingThem() {
        int[] checked = {0};

        Property.forAll(SMALL).tries(100).check(x -> {
            Property.assume(x % 2 == 0);
            checked[0]++;
            assertThat(x % 2).isZero();
        });

        assertThat(checked[0]).isEqualTo(102);
    }

    @Test
    void aPropertyThatDiscardsAlmostEverythingFails() {
        assertThatThrownBy(() -> Property.forAll(SMALL).tries(100).check(x -> Property.assume(x == 7)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("inputs discarded by assumptions against")
                .hasMessageContaining("the property checks too little");
    }

    @Test
    void coverageBelowTheRequiredShareFails() {
        assertThatThrownBy(() -> Property.forAll(SMALL).tries(200).cover("above 990", 20)
                .check(x -> Property.classify("above 990", x > 990)))
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("(?s)PropertyTest#coverageBelowTheRequiredShareFails: only \\d+ of 200 tries"
                        + " \\(\\d+\\.\\d%\\) were classified 'above 990', the property requires more than 20% .*");
    }

    @Test
    void coverageAboveTheRequiredSharePasses() {
        Property.forAll(SMALL).tries(200).cover("above 500", 30)
                .check(x -> Property.classify("above 500", x > 500));
    }

    @Test
    void aFilterThatRejectsEverythingIsReported() {
        assertThatThrownBy(() -> Property.forAll(SMALL.filter(x -> x > 5000)).check(x -> { }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("could not generate an input with seed")
                .hasMessageEndingWith("a filter rejected every value generated");
    }

    @Test
    void optionalsShrinkToEmpty() {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(SMALL.optional(0.9), SMALL).check((maybe, x) -> assertThat(x).isLessThan(3)));

        assertThat(failure.shrunkInputs()).containsExactly(Optional.empty(), 3);
    }

    /** Properties checked in another class, so named and seeded after it. */
    private static final class Elsewhere {
        static List<Long> inputsSeen() {
            List<Long> seen = new ArrayList<>();
            Property.forAll(Gens.longs()).tries(20).check(seen::add);
            return seen;
        }
    }

    private static List<Long> inputsSeen() {
        List<Long> seen = new ArrayList<>();
        Property.forAll(Gens.longs()).tries(20).check(seen::add);
        return seen;
    }
}

package org.crmkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.crmkit.core.InvalidValueException;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateWindowTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "{0} months up to {1} start on {2}")
    @CsvSource({
        // the Javadoc example
        "12, 2026-03-31, 2025-04-01",
        // month ends whose earlier month is shorter: whole calendar months
        "1,  2026-03-31, 2026-03-01",
        "3,  2026-03-31, 2026-01-01",
        "6,  2026-03-31, 2025-10-01",
        "13, 2026-03-31, 2025-03-01",
        "1,  2024-03-31, 2024-03-01",
        // month ends whose earlier month is longer: still whole calendar months
        "1,  2026-04-30, 2026-04-01",
        "1,  2024-02-29, 2024-02-01",
        "3,  2026-06-30, 2026-04-01",
        "12, 2025-02-28, 2024-03-01",
        "1,  2026-02-28, 2026-02-01",
        // leap day
        "12, 2024-02-29, 2023-03-01",
        "24, 2024-02-29, 2022-03-01",
        "48, 2024-02-29, 2020-03-01",
        // mid-month: the day after the same day some months earlier
        "1,  2026-03-15, 2026-02-16",
        "12, 2026-03-15, 2025-03-16",
        "1,  2026-01-01, 2025-12-02",
        "12, 2026-12-31, 2026-01-01",
    })
    void trailingMonthsEndOnTheAsOfDay(int months, LocalDate asOf, LocalDate start) {
        assertThat(DateWindow.trailingMonths(months, asOf)).isEqualTo(DateWindow.of(start, asOf));
    }

    @ParameterizedTest(name = "{0} days up to {1} start on {2}")
    @CsvSource({
        "7,   2026-03-31, 2026-03-25",
        "1,   2026-03-31, 2026-03-31",
        "29,  2024-02-29, 2024-02-01",
        "366, 2024-12-31, 2024-01-01",
        "365, 2026-12-31, 2026-01-01",
        "31,  2026-01-05, 2025-12-06",
    })
    void trailingDaysEndOnTheAsOfDay(int days, LocalDate asOf, LocalDate start) {
        assertThat(DateWindow.trailingDays(days, asOf)).isEqualTo(DateWindow.of(start, asOf));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsFewerThanOneMonth(int months) {
        assertThatThrownBy(() -> DateWindow.trailingMonths(months, day("2026-03-31")))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("trailing months must be at least 1, was " + months);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsFewerThanOneDay(int days) {
        assertThatThrownBy(() -> DateWindow.trailingDays(days, day("2026-03-31")))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("trailing days must be at least 1, was " + days);
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        assertThatThrownBy(() -> DateWindow.of(day("2026-02-01"), day("2026-01-31")))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("DateWindow must not end (2026-01-31) before it starts (2026-02-01)");
    }

    @Test
    void oneDayWindowIsAllowed() {
        DateWindow window = DateWindow.of(day("2026-02-01"), day("2026-02-01"));

        assertThat(window.lengthInDays()).isEqualTo(1);
        assertThat(window.contains(day("2026-02-01"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "2025-03-31, false",
        "2025-04-01, true",
        "2025-10-15, true",
        "2026-03-31, true",
        "2026-04-01, false",
    })
    void containsBothEnds(LocalDate day, boolean contained) {
        DateWindow window = DateWindow.of(day("2025-04-01"), day("2026-03-31"));

        assertThat(window.contains(day)).isEqualTo(contained);
    }

    @ParameterizedTest(name = "{0} span {1} = {2}")
    @CsvSource({
        "2026-01-01..2026-01-31, 2026-03-01..2026-03-31, 2026-01-01..2026-03-31",
        "2026-03-01..2026-03-31, 2026-01-01..2026-01-31, 2026-01-01..2026-03-31",
        "2026-01-01..2026-02-15, 2026-02-01..2026-03-31, 2026-01-01..2026-03-31",
        "2026-01-01..2026-12-31, 2026-05-01..2026-05-31, 2026-01-01..2026-12-31",
        "2026-05-01..2026-05-31, 2026-05-01..2026-05-31, 2026-05-01..2026-05-31",
    })
    void spanIsTheSmallestWindowCoveringBoth(String a, String b, String span) {
        assertThat(window(a).span(window(b))).isEqualTo(window(span)).hasToString(span);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-01..2026-01-01, 1",
        "2024-02-01..2024-02-29, 29",
        "2026-01-01..2026-12-31, 365",
        "2024-01-01..2024-12-31, 366",
    })
    void countsItsDays(String window, long days) {
        assertThat(window(window).lengthInDays()).isEqualTo(days);
    }

    @Test
    void printsBothEnds() {
        assertThat(DateWindow.of(day("2025-04-01"), day("2026-03-31"))).hasToString("2025-04-01..2026-03-31");
    }

    @Test
    void rejectsNullEnds() {
        assertThatThrownBy(() -> DateWindow.of(null, day("2026-01-01")))
                .isInstanceOf(NullPointerException.class).hasMessage("start");
        assertThatThrownBy(() -> DateWindow.of(day("2026-01-01"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("end");
    }

    private static final Gen<LocalDate> AS_OF_DAYS = Gens.dates(day("1990-01-01"), day("2100-12-31"));

    @Test
    void trailingDaysHaveExactlyThatManyDays() {
        Property.forAll(Gens.integers(1, 5000), AS_OF_DAYS).check((days, asOf) -> {
            DateWindow window = DateWindow.trailingDays(days, asOf);

            assertThat(window.end()).isEqualTo(asOf);
            assertThat(window.lengthInDays()).isEqualTo((long) days);
        });
    }

    @Test
    void trailingMonthsEndOnTheAsOfDayAndCoverAboutThatManyMonths() {
        Property.forAll(Gens.integers(1, 60), AS_OF_DAYS).check((months, asOf) -> {
            DateWindow window = DateWindow.trailingMonths(months, asOf);

            assertThat(window.end()).isEqualTo(asOf);
            assertThat(window.contains(asOf)).isTrue();
            // n months hold between 28n and 31n days, give or take the clipped day at a month end
            assertThat(window.lengthInDays()).isBetween(28L * months - 3, 31L * months + 3);
        });
    }

    @Test
    void windowsEndingOnConsecutiveMonthEndsTileWithoutSharingADay() {
        Property.forAll(Gens.integers(1, 24), AS_OF_DAYS).check((months, anyDay) -> {
            LocalDate monthEnd = anyDay.withDayOfMonth(anyDay.lengthOfMonth());
            LocalDate earlierEnd = monthEnd.minusMonths(months)
                    .withDayOfMonth(monthEnd.minusMonths(months).lengthOfMonth());

            DateWindow later = DateWindow.trailingMonths(months, monthEnd);
            DateWindow earlier = DateWindow.trailingMonths(months, earlierEnd);

            assertThat(later.start()).isEqualTo(earlierEnd.plusDays(1)).isEqualTo(earlier.end().plusDays(1));
            assertThat(later.start().getDayOfMonth()).isEqualTo(1);
        });
    }

    @Test
    void spanContainsEveryDayOfBothWindows() {
        Property.forAll(windows(), windows()).check((a, b) -> {
            DateWindow span = a.span(b);

            assertThat(span).isEqualTo(b.span(a));
            assertThat(span.contains(a.start()) && span.contains(a.end())).isTrue();
            assertThat(span.contains(b.start()) && span.contains(b.end())).isTrue();
            assertThat(span.start()).isIn(a.start(), b.start());
            assertThat(span.end()).isIn(a.end(), b.end());
        });
    }

    static Gen<DateWindow> windows() {
        Gen<LocalDate> starts = Gens.dates(day("2000-01-01"), day("2030-12-31"));
        Gen<Integer> lengths = Gens.integers(0, 800);
        return source -> {
            LocalDate start = starts.generate(source);
            int length = lengths.generate(source);
            return DateWindow.of(start, start.plusDays(length));
        };
    }

    private static DateWindow window(String text) {
        String[] ends = text.split("\\.\\.");
        return DateWindow.of(day(ends[0]), day(ends[1]));
    }
}

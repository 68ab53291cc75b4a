package org.crmkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.crmkit.core.InvalidValueException;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsQueryTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final LocalDate END_OF_MARCH = LocalDate.of(2026, 3, 31);

    private static MetricsQuery query(LocalDate asOf, DateWindow window) {
        return new MetricsQuery(asOf, window, SHANGHAI, CNY);
    }

    private static DateWindow window(String start, String end) {
        return DateWindow.of(LocalDate.parse(start), LocalDate.parse(end));
    }

    @ParameterizedTest(name = "quarter {0} as of 2026-03-31 is {1}..{2}")
    @CsvSource({
        "0, 2026-01-01, 2026-03-31",
        "1, 2025-10-01, 2025-12-31",
        "2, 2025-07-01, 2025-09-30",
        "3, 2025-04-01, 2025-06-30",
        "4, 2025-01-01, 2025-03-31",
    })
    void quartersAtAQuarterEndAreCalendarQuarters(int index, String start, String end) {
        MetricsQuery query = query(END_OF_MARCH, DateWindow.trailingMonths(12, END_OF_MARCH));

        assertThat(query.quarter(index)).isEqualTo(window(start, end));
    }

    @ParameterizedTest(name = "quarter {0} as of 2026-06-30 is {1}..{2}")
    @CsvSource({
        "0, 2026-04-01, 2026-06-30",
        "1, 2026-01-01, 2026-03-31",
        "2, 2025-10-01, 2025-12-31",
        "3, 2025-07-01, 2025-09-30",
    })
    void quartersAsOfTheEndOfAThirtyDayMonthAreStillCalendarQuarters(int index, String start, String end) {
        MetricsQuery query = new MetricsQuery(LocalDate.of(2026, 6, 30),
                DateWindow.trailingMonths(12, LocalDate.of(2026, 6, 30)), SHANGHAI, CNY);

        assertThat(query.quarter(index)).isEqualTo(window(start, end));
    }

    @ParameterizedTest(name = "quarter {0} as of 2026-05-15 is {1}..{2}")
    @CsvSource({
        "0, 2026-02-16, 2026-05-15",
        "1, 2025-11-16, 2026-02-15",
        "2, 2025-08-16, 2025-11-15",
        "3, 2025-05-16, 2025-08-15",
    })
    void quartersRollBackFromTheAsOfDay(int index, String start, String end) {
        LocalDate asOf = LocalDate.of(2026, 5, 15);
        MetricsQuery query = query(asOf, DateWindow.trailingMonths(12, asOf));

        assertThat(query.quarter(index)).isEqualTo(window(start, end));
    }

    @Test
    void rejectsANegativeQuarterIndex() {
        MetricsQuery query = query(END_OF_MARCH, DateWindow.trailingMonths(12, END_OF_MARCH));

        assertThatThrownBy(() -> query.quarter(-1))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("quarter index must not be negative, was -1");
    }

    @Test
    void rejectsAWindowThatEndsAfterTheAsOfDay() {
        assertThatThrownBy(() -> query(END_OF_MARCH, window("2026-01-01", "2026-04-01")))
                .isExactlyInstanceOf(InvalidValueException.class)
                .hasMessage("MetricsQuery window 2026-01-01..2026-04-01 must not end after the as-of day 2026-03-31");
    }

    @Test
    void acceptsAWindowThatEndsOnOrBeforeTheAsOfDay() {
        assertThat(query(END_OF_MARCH, window("2026-03-31", "2026-03-31")).window().end()).isEqualTo(END_OF_MARCH);
        assertThat(query(END_OF_MARCH, window("2025-01-01", "2025-12-31")).window().end())
                .isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @ParameterizedTest(name = "window {0}..{1} as of 2026-03-31 needs purchases {2}..{3}")
    @CsvSource({
        "2025-04-01, 2026-03-31, 2025-04-01, 2026-03-31",
        "2024-04-01, 2026-03-31, 2024-04-01, 2026-03-31",
        "2026-03-01, 2026-03-31, 2025-04-01, 2026-03-31",
        "2025-01-01, 2025-01-31, 2025-01-01, 2026-03-31",
        "2025-06-01, 2025-06-30, 2025-04-01, 2026-03-31",
    })
    void purchaseSpanCoversTheWindowAndTheFourQuarters(String windowStart, String windowEnd, String spanStart,
            String spanEnd) {
        MetricsQuery query = query(END_OF_MARCH, window(windowStart, windowEnd));

        assertThat(query.purchaseSpan()).isEqualTo(window(spanStart, spanEnd));
    }

    @Test
    void rejectsNullComponentsNamingThem() {
        DateWindow window = DateWindow.trailingMonths(12, END_OF_MARCH);
        assertThatThrownBy(() -> new MetricsQuery(null, window, SHANGHAI, CNY))
                .isInstanceOf(NullPointerException.class).hasMessage("asOf");
        assertThatThrownBy(() -> new MetricsQuery(END_OF_MARCH, null, SHANGHAI, CNY))
                .isInstanceOf(NullPointerException.class).hasMessage("window");
        assertThatThrownBy(() -> new MetricsQuery(END_OF_MARCH, window, null, CNY))
                .isInstanceOf(NullPointerException.class).hasMessage("zone");
        assertThatThrownBy(() -> new MetricsQuery(END_OF_MARCH, window, SHANGHAI, null))
                .isInstanceOf(NullPointerException.class).hasMessage("currency");
    }

    @Test
    void quartersAreContiguousAndDoNotOverlap() {
        Property.forAll(Gens.dates(LocalDate.parse("1900-01-01"), LocalDate.parse("2200-12-31")), Gens.integers(0, 10))
                .check((asOf, index) -> {
                    MetricsQuery query = query(asOf, DateWindow.trailingDays(1, asOf));
                    DateWindow later = query.quarter(index);
                    DateWindow earlier = query.quarter(index + 1);

                    assertThat(earlier.end().plusDays(1)).isEqualTo(later.start());
                    assertThat(earlier.contains(later.start())).isFalse();
                    assertThat(later.contains(earlier.end())).isFalse();
                });
    }

    @Test
    void latestQuarterEndsOnTheAsOfDayAndEveryQuarterIsThreeMonthsLong() {
        Property.forAll(Gens.dates(LocalDate.parse("1900-01-01"), LocalDate.parse("2200-12-31")),
                        Gens.integers(0, MetricsQuery.ACTIVE_QUARTER_LOOKBACK - 1))
                .check((asOf, index) -> {
                    MetricsQuery query = query(asOf, DateWindow.trailingDays(1, asOf));

                    assertThat(query.quarter(0).end()).isEqualTo(asOf);
                    // three consecutive calendar months hold 89 (Feb-Apr) to 92 (Jul-Sep) days
                    assertThat(query.quarter(index).lengthInDays()).isBetween(89L, 92L);
                });
    }

    @Test
    void purchaseSpanEndsOnTheAsOfDayAndCoversWindowAndQuarters() {
        Property.forAll(Gens.dates(LocalDate.parse("1950-01-01"), LocalDate.parse("2150-12-31")),
                        Gens.integers(1, 36), Gens.integers(0, 400))
                .check((asOf, windowMonths, windowEndsDaysEarly) -> {
                    DateWindow window = DateWindow.trailingMonths(windowMonths, asOf.minusDays(windowEndsDaysEarly));
                    MetricsQuery query = query(asOf, window);
                    DateWindow span = query.purchaseSpan();

                    assertThat(span.end()).isEqualTo(asOf);
                    assertThat(span.contains(window.start())).isTrue();
                    assertThat(span.contains(window.end())).isTrue();
                    for (int i = 0; i < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; i++) {
                        assertThat(span.contains(query.quarter(i).start())).as("quarter %d", i).isTrue();
                    }
                    assertThat(span.start()).isIn(window.start(),
                            query.quarter(MetricsQuery.ACTIVE_QUARTER_LOOKBACK - 1).start());
                });
    }

    @Test
    void theWindowsMomentsRunFromItsFirstMidnightToTheMidnightAfterItsLastDayInTheZone() {
        MetricsQuery query = query(END_OF_MARCH, window("2025-04-01", "2026-03-31"));

        assertThat(query.windowStart()).isEqualTo(java.time.Instant.parse("2025-03-31T16:00:00Z"));
        assertThat(query.windowEndExclusive()).isEqualTo(java.time.Instant.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void aWindowFromTheFirstRepresentableDayStillHasAFirstMoment() {
        MetricsQuery query = new MetricsQuery(END_OF_MARCH, DateWindow.of(LocalDate.MIN, END_OF_MARCH), SHANGHAI, CNY);

        assertThat(query.windowStart()).isBefore(java.time.Instant.parse("0000-01-01T00:00:00Z"));
        assertThat(query.windowStart().atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.MIN);
    }

    @Test
    void rejectsTheLastRepresentableDayBecauseItsQuartersWouldOverflow() {
        assertThatThrownBy(() -> new MetricsQuery(LocalDate.MAX,
                DateWindow.of(LocalDate.MAX.minusDays(1), LocalDate.MAX), SHANGHAI, CNY))
                .isInstanceOf(org.crmkit.core.InvalidValueException.class)
                .hasMessage("MetricsQuery asOf must be before +999999999-12-31, was +999999999-12-31");
    }
}

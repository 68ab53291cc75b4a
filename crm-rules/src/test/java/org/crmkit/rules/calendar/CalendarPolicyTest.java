package org.crmkit.rules.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.rules.PolicyDocuments.Broken.MEANING;
import static org.crmkit.rules.PolicyDocuments.Broken.STRUCTURE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingInterval;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyDocuments;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The calendars section of policy files. */
class CalendarPolicyTest {
    private static final String HEAD = """
            id: cal
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            tiers:
              - name: any
                when: {spend: {gt: 0}}
            calendars:
            """;

    private static Policy parse(String calendars) {
        return PolicyDocuments.load(HEAD + calendars, "cal.yaml");
    }

    private static List<String> problems(String calendars, Optional<Path> folder, PolicyDocuments.Broken broken) {
        return PolicyDocuments.rejected(HEAD + calendars, "cal.yaml", folder, broken);
    }

    @Test
    void theStandardPolicyWorksMondayToFridayNineToSixInShanghai() {
        BusinessCalendar office = PolicyLoader.standard().calendar("office_hours").orElseThrow();

        assertThat(office.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(office.week()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(office.week().get(DayOfWeek.FRIDAY)).containsExactly(WorkingInterval.parse("09:00-18:00"));
        assertThat(PolicyLoader.standard().calendar("24x7")).hasValueSatisfying(
                calendar -> assertThat(calendar.alwaysOpen()).isTrue());
    }

    @Test
    void readsHoursPerDayOrRangeWithLunchBreaksHolidaysAndMakeUpDays() {
        Policy policy = parse("""
                  office:
                    time_zone: Europe/Berlin
                    hours:
                      mon-thu: ["09:00-12:00", "13:30-18:00"]
                      fri: ["09:00-15:00"]
                    holidays: [2026-12-24]
                    extra_working_days: [2026-12-19]
                    extra_working_hours: ["10:00-14:00"]
                  night:
                    hours:
                      sat-sun: ["00:00-24:00"]
                """);

        BusinessCalendar office = policy.calendar("office").orElseThrow();
        assertThat(office.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(office.hoursOn(LocalDate.of(2026, 12, 21))).hasSize(2);
        assertThat(office.hoursOn(LocalDate.of(2026, 12, 18))).containsExactly(WorkingInterval.parse("09:00-15:00"));
        assertThat(office.hoursOn(LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(office.hoursOn(LocalDate.of(2026, 12, 19))).containsExactly(WorkingInterval.parse("10:00-14:00"));
        assertThat(office.hoursOn(LocalDate.of(2026, 12, 20))).isEmpty();
        BusinessCalendar night = policy.calendar("night").orElseThrow();
        assertThat(night.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(night.hoursOn(LocalDate.of(2026, 12, 20))).containsExactly(WorkingInterval.WHOLE_DAY);
    }

    @Test
    void extraWorkingDaysWorkTheFirstWorkingWeekdaysHoursByDefault() {
        BusinessCalendar office = parse("""
                  office:
                    hours:
                      tue-fri: ["08:00-16:00"]
                    extra_working_days: [2026-02-14]
                """).calendar("office").orElseThrow();

        assertThat(office.hoursOn(LocalDate.of(2026, 2, 14))).containsExactly(WorkingInterval.parse("08:00-16:00"));
    }

    @Test
    void readsHolidaysAndMakeUpDaysFromAFileBesideThePolicy(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("cn-2026.csv"), """
                date,type,name
                2026-02-16,holiday,Spring Festival
                2026-02-17,Holiday,Spring Festival
                2026-02-14,working_day,make-up day
                """);
        Path policyFile = folder.resolve("policy.yaml");
        String policy = HEAD + """
                  office:
                    hours:
                      mon-fri: ["09:00-18:00"]
                    files: [cn-2026.csv]
                """;
        PolicyDocuments.assertSchemaAccepts(policy);
        Files.writeString(policyFile, policy);

        BusinessCalendar office = PolicyLoader.load(policyFile).calendar("office").orElseThrow();

        assertThat(office.holidays()).containsExactly(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17));
        assertThat(office.extraWorkingDays()).containsExactly(LocalDate.of(2026, 2, 14));
    }

    @Test
    void reportsProblemsInsideACalendarFileWithItsLines(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("days.csv");
        Files.writeString(file, """
                date,type
                2026-02-16,holiday
                2026-02-30,holiday
                2026-02-14,off
                """);

        assertThat(problems("""
                  office:
                    hours: {mon-fri: ["09:00-18:00"]}
                    files: [days.csv]
                """, Optional.of(folder), MEANING)).containsExactly(
                file + ":3: column 'date': must be a date like 2026-01-01, was '2026-02-30'",
                file + ":4: column 'type': expected holiday or working_day, was 'off'");
    }

    @Test
    void aCalendarFileIsReadAsEveryCsvFileIsWithItsProblemsAtTheirLines(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("days.csv");
        byte[] text = ("\uFEFFtype, date ,name\r\n\nholiday,2026-02-16,\"Spring, Festival\"\nholiday,2026-02-17\n"
                + "holiday,\"2026-02-18\"x,late\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);
        String calendars = """
                  office:
                    hours: {mon-fri: ["09:00-18:00"]}
                    files: [days.csv]
                """;

        assertThat(problems(calendars, Optional.of(folder), MEANING)).containsExactly(
                file + ":4: row has 2 fields, the header has 3",
                file + ":5: column 'date': malformed quoting: unexpected text after the closing quote of a value"
                        + " (quotes inside a quoted value are doubled: \"\")");

        byte[] latin1 = "date,type\n2026-02-16,holiday\n2026-02-17,f?te\n".getBytes(StandardCharsets.US_ASCII);
        latin1[latin1.length - 4] = (byte) 0xEA;
        Files.write(file, latin1);
        assertThat(problems(calendars, Optional.of(folder), MEANING)).containsExactly(
                file + ":3: not UTF-8 text: bad byte sequence at byte offset " + (latin1.length - 4));
        Files.delete(file);
        assertThat(problems(calendars, Optional.of(folder), MEANING)).containsExactly(
                "cal.yaml:12: calendars.office.files[0]: no such calendar file: " + file);
    }

    @Test
    void takesPublicHolidaysFromJollyday() {
        BusinessCalendar bavaria = parse("""
                  munich:
                    time_zone: Europe/Berlin
                    hours: {mon-fri: ["08:00-17:00"]}
                    jollyday: {country: de, subdivisions: [by]}
                """).calendar("munich").orElseThrow();

        assertThat(bavaria.holidays()).contains(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 10, 3),
                LocalDate.of(2030, 12, 25));
        assertThat(bavaria.holidays()).doesNotContain(LocalDate.of(2026, 3, 17));
    }

    static Stream<Arguments> brokenCalendars() {
        return Stream.of(
                Arguments.of(STRUCTURE, """
                          office:
                            hours: {weekdays: ["09:00-18:00"]}
                        """, "cal.yaml:11: calendars.office.hours.weekdays: unknown day 'weekdays', expected mon,"
                        + " tue, wed, thu, fri, sat, sun or a range such as mon-fri"),
                Arguments.of(MEANING, """
                          office:
                            hours: {fri-mon: ["09:00-18:00"]}
                        """, "cal.yaml:11: calendars.office.hours.fri-mon: day range 'fri-mon' must run forward"
                        + " within one week, e.g. mon-fri"),
                Arguments.of(MEANING, """
                          office:
                            hours:
                              mon-fri: ["09:00-18:00"]
                              fri: ["10:00-12:00"]
                        """, "cal.yaml:13: calendars.office.hours.fri: fri is already given by 'mon-fri'"),
                Arguments.of(MEANING, """
                          office:
                            hours: {mon: ["09:00-13:00", "12:00-18:00"]}
                        """, "cal.yaml:10: calendars.office: calendar 'office': working intervals 09:00-13:00 and"
                        + " 12:00-18:00 of MONDAY overlap"),
                Arguments.of(MEANING, """
                          office:
                            hours: {mon: ["18:00-09:00"]}
                        """, "cal.yaml:11: calendars.office.hours.mon[0]: working interval must end after it starts,"
                        + " was '18:00-09:00'"),
                Arguments.of(MEANING, """
                          office:
                            hours: {mon: []}
                        """, "cal.yaml:11: calendars.office.hours: has no working time on any day; use always_open:"
                        + " true for a 24x7 calendar"),
                Arguments.of(MEANING, """
                          office:
                            always_open: true
                            hours: {mon: ["09:00-18:00"]}
                        """, "cal.yaml:10: calendars.office: an always-open calendar takes no hours"),
                Arguments.of(STRUCTURE, """
                          24x7:
                            always_open: true
                        """, "cal.yaml:10: calendars.24x7: '24x7' is built in and cannot be redefined"),
                Arguments.of(STRUCTURE, """
                          Office Hours:
                            hours: {mon: ["09:00-18:00"]}
                        """, "cal.yaml:10: calendars.Office Hours: calendar name must be lower-case letters, digits,"
                        + " '_' or '-', starting with a letter, was 'Office Hours'"),
                Arguments.of(MEANING, """
                          office:
                            hours: {mon: ["09:00-18:00"]}
                            holidays: [2026-02-16]
                            extra_working_days: [2026-02-16]
                        """, "cal.yaml:10: calendars.office: calendar 'office': 2026-02-16 is both a holiday and an"
                        + " extra working day"),
                Arguments.of(MEANING, """
                          office:
                            hours: {mon: ["09:00-18:00"]}
                            jollyday: {country: xx}
                        """, "cal.yaml:12: calendars.office.jollyday.country: Jollyday has no holidays for country"
                        + " 'xx'"),
                Arguments.of(MEANING, """
                          office:
                            hours: {mon: ["09:00-18:00"]}
                            files: [days.csv]
                        """, "cal.yaml:12: calendars.office.files[0]: calendar files need a policy loaded from a file,"
                        + " to resolve 'days.csv' against its folder"));
    }

    @ParameterizedTest
    @MethodSource("brokenCalendars")
    void rejectsBrokenCalendarsWithLocatedMessages(PolicyDocuments.Broken broken, String calendars, String expected) {
        assertThat(problems(calendars, Optional.empty(), broken)).containsExactly(expected);
    }
}

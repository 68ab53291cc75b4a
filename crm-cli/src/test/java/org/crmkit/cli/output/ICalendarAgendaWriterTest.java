package org.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/** The iCalendar of an empty plan: the VTIMEZONE of the plan's zone, which ical4j reads back as that zone. */
class ICalendarAgendaWriterTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static String emptyPlan(ZoneId zone, LocalDate from, LocalDate to) throws IOException {
        StringWriter out = new StringWriter();
        AgendaFormat.ICS.writer(new AgendaContext(from, to, zone, "empty",
                Instant.parse("2026-03-31T04:00:00Z"))).write(List.of(), out);
        return out.toString();
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as("%s", validation).isFalse();
        return calendar;
    }

    @Test
    void aPlanAcrossBothChangesOfSummerTimeHasAnObservanceForEach() throws Exception {
        String ics = emptyPlan(BERLIN, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 11, 30));

        assertThat(ics).contains("""
                BEGIN:VTIMEZONE\r
                TZID:Europe/Berlin\r
                BEGIN:STANDARD\r
                DTSTART:20251026T030000\r
                TZOFFSETFROM:+0200\r
                TZOFFSETTO:+0100\r
                END:STANDARD\r
                BEGIN:DAYLIGHT\r
                DTSTART:20260329T020000\r
                TZOFFSETFROM:+0100\r
                TZOFFSETTO:+0200\r
                END:DAYLIGHT\r
                BEGIN:STANDARD\r
                DTSTART:20261025T030000\r
                TZOFFSETFROM:+0200\r
                TZOFFSETTO:+0100\r
                END:STANDARD\r
                END:VTIMEZONE\r
                END:VCALENDAR\r
                """);
    }

    @Test
    void ical4jReadsTheZonesOffsetOnEveryDayOfThePlan() throws Exception {
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);
        Calendar calendar = parse(emptyPlan(BERLIN, from, to));

        TimeZone read = new TimeZone(calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow());
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Instant noon = day.atTime(12, 0).atZone(BERLIN).toInstant();
            assertThat(read.getOffset(noon.toEpochMilli())).as("offset at noon on %s", day)
                    .isEqualTo(BERLIN.getRules().getOffset(noon).getTotalSeconds() * 1000);
        }
    }

    @Test
    void aZoneThatNeverChangesHasOneObservanceSince1970() throws Exception {
        String ics = emptyPlan(ZoneOffset.ofHoursMinutes(-3, -30), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));

        parse(ics);
        assertThat(ics).contains("""
                TZID:-03:30\r
                BEGIN:STANDARD\r
                DTSTART:19700101T000000\r
                TZOFFSETFROM:-0330\r
                TZOFFSETTO:-0330\r
                END:STANDARD\r
                """);
    }
}

package org.crmkit.rules.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingInterval;
import org.crmkit.rules.internal.section.Node.ListNode;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Read;
import org.crmkit.rules.internal.section.Shape;
import org.crmkit.rules.io.CsvReader;
import org.crmkit.rules.io.CsvRecord;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;

/**
 * Reads the {@code calendars} section: named business calendars with weekly hours, holidays,
 * extra working days, holiday files and Jollyday holidays. The calendar {@value #ALWAYS_OPEN}
 * always exists.
 */
final class CalendarReader {
    /** The built-in calendar that is always open, in the policy's time zone. */
    static final String ALWAYS_OPEN = org.crmkit.rules.Policy.ALWAYS_OPEN_CALENDAR;
    /** Years around the policy's effective date for which Jollyday holidays are listed. */
    static final int JOLLYDAY_YEARS_AROUND = 10;

    private static final List<String> FIELDS = DocumentShape.CALENDAR.keys();
    private static final List<String> JOLLYDAY_FIELDS = ((Shape.Fields) DocumentShape.CALENDAR.get("jollyday")).keys();
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern DAY_RANGE = Pattern.compile("(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?");

    private final Read read;
    private final Optional<Path> baseDirectory;

    CalendarReader(Read read, Optional<Path> baseDirectory) {
        this.read = read;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Reads the section.
     *
     * @param section the section, if the document has one
     * @param policyZone the policy's zone, the default of every calendar
     * @param effectiveFrom the policy's effective date, centre of the Jollyday years
     * @return the calendars by name, always with {@value #ALWAYS_OPEN}; empty after problems
     */
    Optional<Map<String, BusinessCalendar>> calendars(Optional<Node> section, Optional<ZoneId> policyZone,
            Optional<LocalDate> effectiveFrom) {
        // The built-in always-open calendar is added by Policy itself.
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        if (section.isEmpty()) {
            return policyZone.isPresent() ? Optional.of(calendars) : Optional.empty();
        }
        if (!(section.get() instanceof MapNode map)) {
            read.problems().add(section.get(), "must be a map from calendar name to calendar, was "
                    + section.get().describe());
            return Optional.empty();
        }
        boolean complete = policyZone.isPresent();
        for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
            String name = entry.getKey();
            if (name.equals(ALWAYS_OPEN)) {
                read.problems().add(entry.getValue(), "'" + ALWAYS_OPEN + "' is built in and cannot be redefined");
                complete = false;
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                read.problems().add(entry.getValue(), "calendar name must be lower-case letters, digits, '_' or '-',"
                        + " starting with a letter, was '" + name + "'");
                complete = false;
                continue;
            }
            Optional<BusinessCalendar> calendar = calendar(name, entry.getValue(), policyZone, effectiveFrom);
            calendar.ifPresent(value -> calendars.put(name, value));
            complete &= calendar.isPresent();
        }
        return complete ? Optional.of(calendars) : Optional.empty();
    }

    private Optional<BusinessCalendar> calendar(String name, Node node, Optional<ZoneId> policyZone,
            Optional<LocalDate> effectiveFrom) {
        Optional<MapNode> map = read.map(node, FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode fields = map.get();
        Optional<ZoneId> zone = read.optional(fields, "time_zone").map(read::zone).orElse(policyZone);
        boolean alwaysOpen = read.optional(fields, "always_open").flatMap(read::bool).orElse(false);
        if (alwaysOpen) {
            List<String> others = fields.entries().keySet().stream()
                    .filter(key -> !key.equals("always_open") && !key.equals("time_zone")).toList();
            if (!others.isEmpty()) {
                read.problems().add(node, "an always-open calendar takes no " + String.join(", ", others));
                return Optional.empty();
            }
            return zone.map(value -> BusinessCalendar.alwaysOpen(name, value));
        }
        Optional<Map<DayOfWeek, List<WorkingInterval>>> week = read.required(fields, "hours").flatMap(this::week);
        Set<LocalDate> holidays = new TreeSet<>();
        Set<LocalDate> extraDays = new TreeSet<>();
        boolean complete = week.isPresent() && zone.isPresent();
        complete &= read.optional(fields, "holidays").map(list -> dates(list, holidays)).orElse(true);
        complete &= read.optional(fields, "extra_working_days").map(list -> dates(list, extraDays)).orElse(true);
        Optional<List<WorkingInterval>> extraHours = read.optional(fields, "extra_working_hours").map(this::intervals)
                .orElse(Optional.of(List.of()));
        complete &= extraHours.isPresent();
        Optional<Node> files = read.optional(fields, "files");
        if (files.isPresent()) {
            complete &= files(files.get(), holidays, extraDays);
        }
        Optional<Node> jollyday = read.optional(fields, "jollyday");
        Set<LocalDate> publicHolidays = new TreeSet<>();
        if (jollyday.isPresent() && effectiveFrom.isPresent()) {
            complete &= jollyday(jollyday.get(), effectiveFrom.get(), publicHolidays);
        }
        if (!complete) {
            return Optional.empty();
        }
        // A make-up working day the company lists wins over a public holiday Jollyday knows.
        publicHolidays.removeAll(extraDays);
        holidays.addAll(publicHolidays);
        try {
            return Optional.of(new BusinessCalendar(name, zone.get(), false, week.get(), holidays, extraDays,
                    extraHours.get()));
        } catch (InvalidValueException e) {
            read.problems().add(node, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Map<DayOfWeek, List<WorkingInterval>>> week(Node node) {
        if (!(node instanceof MapNode map)) {
            read.problems().add(node, "must be a map from days (mon, mon-fri, ...) to working intervals, was "
                    + node.describe());
            return Optional.empty();
        }
        Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, String> givenBy = new EnumMap<>(DayOfWeek.class);
        boolean complete = true;
        for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
            Optional<List<DayOfWeek>> days = days(entry.getKey(), entry.getValue());
            Optional<List<WorkingInterval>> hours = intervals(entry.getValue());
            if (days.isEmpty() || hours.isEmpty()) {
                complete = false;
                continue;
            }
            for (DayOfWeek day : days.get()) {
                if (givenBy.containsKey(day)) {
                    read.problems().add(entry.getValue(), day.toString().substring(0, 3).toLowerCase(Locale.ROOT)
                            + " is already given by '" + givenBy.get(day) + "'");
                    complete = false;
                } else {
                    givenBy.put(day, entry.getKey());
                    week.put(day, hours.get());
                }
            }
        }
        if (complete && week.values().stream().allMatch(List::isEmpty)) {
            read.problems().add(node, "has no working time on any day; use always_open: true for a 24x7 calendar");
            return Optional.empty();
        }
        return complete ? Optional.of(week) : Optional.empty();
    }

    private Optional<List<DayOfWeek>> days(String key, Node node) {
        var matcher = DAY_RANGE.matcher(key.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            read.problems().add(node, "unknown day '" + key + "', expected mon, tue, wed, thu, fri, sat, sun"
                    + " or a range such as mon-fri");
            return Optional.empty();
        }
        DayOfWeek first = day(matcher.group(1));
        DayOfWeek last = matcher.group(2) == null ? first : day(matcher.group(2));
        if (last.compareTo(first) < 0) {
            read.problems().add(node, "day range '" + key + "' must run forward within one week, e.g. mon-fri");
            return Optional.empty();
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            days.add(day);
            if (day == last) {
                return Optional.of(days);
            }
        }
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equalsIgnoreCase(abbreviation)) {
                return day;
            }
        }
        throw new IllegalStateException("the pattern admits only day abbreviations: " + abbreviation);
    }

    private Optional<List<WorkingInterval>> intervals(Node node) {
        List<WorkingInterval> intervals = new ArrayList<>();
        return read.values(node, WorkingInterval::parse, intervals) ? Optional.of(intervals) : Optional.empty();
    }

    private boolean dates(Node node, Set<LocalDate> into) {
        Optional<ListNode> list = read.list(node);
        if (list.isEmpty()) {
            return false;
        }
        boolean complete = true;
        for (Node item : list.get().items()) {
            Optional<LocalDate> date = read.date(item);
            date.ifPresent(into::add);
            complete &= date.isPresent();
        }
        return complete;
    }

    /** Reads holiday files: CSV with the columns {@code date} and {@code type} (holiday or working_day). */
    private boolean files(Node node, Set<LocalDate> holidays, Set<LocalDate> extraDays) {
        Optional<ListNode> list = read.list(node);
        if (list.isEmpty()) {
            return false;
        }
        boolean complete = true;
        for (Node item : list.get().items()) {
            Optional<String> name = read.text(item);
            if (name.isEmpty()) {
                complete = false;
                continue;
            }
            if (baseDirectory.isEmpty()) {
                read.problems().add(item, "calendar files need a policy loaded from a file, to resolve '"
                        + name.get() + "' against its folder");
                complete = false;
                continue;
            }
            complete &= holidayFile(item, baseDirectory.get().resolve(name.get()), holidays, extraDays);
        }
        return complete;
    }

    private boolean holidayFile(Node item, Path file, Set<LocalDate> holidays, Set<LocalDate> extraDays) {
        String source = file.toString();
        if (Files.notExists(file)) {
            // Said at the policy's line that names the file, which is what the user has to fix.
            read.problems().add(item, "no such calendar file: " + source);
            return false;
        }
        HolidayRows rows = new HolidayRows(source, holidays, extraDays);
        CsvReader.Outcome outcome = CsvReader.read(InputFile.of(file), rows::record);
        outcome.problem().ifPresent(read.problems()::addExternal);
        if (!outcome.readable()) {
            return false;
        }
        if (outcome.records() == 0) {
            read.problems().addExternal(InputProblem.atLine(source, 1, HolidayRows.HEADER_NEEDED));
            return false;
        }
        return outcome.complete() && rows.complete;
    }

    /** The rows of a holiday file: its header names the columns date and type, in any order among others. */
    private final class HolidayRows {
        static final String HEADER_NEEDED = "the header needs the columns date and type";

        private final String source;
        private final Set<LocalDate> holidays;
        private final Set<LocalDate> extraDays;
        private int fields = -1;
        private int date = -1;
        private int type = -1;
        private boolean complete = true;

        HolidayRows(String source, Set<LocalDate> holidays, Set<LocalDate> extraDays) {
            this.source = source;
            this.holidays = holidays;
            this.extraDays = extraDays;
        }

        CsvRecord record(CsvRecord row) {
            if (fields < 0) {
                fields = row.size();
                List<String> names = row.texts();
                date = names.indexOf("date");
                type = names.indexOf("type");
                if (date < 0 || type < 0) {
                    problem(InputProblem.atLine(source, row.line(), HEADER_NEEDED));
                }
            } else if (date >= 0 && type >= 0) {
                row(row);
            }
            return row;
        }

        private void row(CsvRecord row) {
            if (row.size() != fields) {
                problem(CsvReader.fieldCount(source, row.line(), row.size(), fields));
                return;
            }
            String dateText = row.text(date);
            String typeText = row.text(type);
            LocalDate day;
            try {
                day = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                problem(InputProblem.atColumn(source, row.line(), "date", "must be a date like 2026-01-01, was '"
                        + dateText + "'"));
                return;
            }
            switch (typeText.toLowerCase(Locale.ROOT)) {
                case "holiday" -> holidays.add(day);
                case "working_day" -> extraDays.add(day);
                default -> problem(InputProblem.atColumn(source, row.line(), "type",
                        "expected holiday or working_day, was '" + typeText + "'"));
            }
        }

        private void problem(InputProblem problem) {
            read.problems().addExternal(problem);
            complete = false;
        }
    }

    private boolean jollyday(Node node, LocalDate effectiveFrom, Set<LocalDate> holidays) {
        Optional<MapNode> map = read.map(node, JOLLYDAY_FIELDS);
        if (map.isEmpty()) {
            return false;
        }
        Optional<String> country = read.required(map.get(), "country").flatMap(read::text);
        List<String> subdivisions = new ArrayList<>();
        Optional<Node> subdivisionNode = read.optional(map.get(), "subdivisions");
        boolean complete = country.isPresent();
        if (subdivisionNode.isPresent()) {
            Optional<ListNode> list = read.list(subdivisionNode.get());
            complete &= list.isPresent();
            for (Node item : list.map(ListNode::items).orElse(List.of())) {
                Optional<String> code = read.text(item);
                code.map(value -> value.toLowerCase(Locale.ROOT)).ifPresent(subdivisions::add);
                complete &= code.isPresent();
            }
        }
        if (!complete) {
            return false;
        }
        if (!JollydayHolidays.available()) {
            read.problems().add(node, "Jollyday is not on the class path; add de.focus-shift:jollyday-core and"
                    + " de.focus-shift:jollyday-jaxb to use it");
            return false;
        }
        if (!JollydayHolidays.supports(country.get())) {
            read.problems().add(map.get().entries().get("country"), "Jollyday has no holidays for country '"
                    + country.get() + "'");
            return false;
        }
        holidays.addAll(JollydayHolidays.publicHolidays(country.get(), subdivisions.toArray(String[]::new),
                effectiveFrom.getYear() - JOLLYDAY_YEARS_AROUND, effectiveFrom.getYear() + JOLLYDAY_YEARS_AROUND));
        return true;
    }
}

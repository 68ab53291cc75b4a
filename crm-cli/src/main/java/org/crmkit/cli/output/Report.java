package org.crmkit.cli.output;

import java.io.IOException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What one command prints, declared once for JSON Lines and CSV: which lines each of its inputs
 * makes (one per customer, say, or one per fact of a weekly review), the fields of each line, and
 * the CSV header. {@link OutputFormat#writer(Report)} writes any report in either format; the
 * reports are made by {@link Reports}. Immutable and thread-safe.
 *
 * @param <R> what the command hands over to be written, one at a time
 */
public final class Report<R> {
    private final Lines<R> json;
    private final Lines<R> csv;
    private final List<String> csvHeader;
    /** Where each kind of CSV line's cells go in the header. */
    private final Map<Columns<?>, int[]> csvPlaces;

    private Report(Lines<R> json, Lines<R> csv, List<String> csvHeader, List<Columns<?>> csvRows) {
        this.json = json;
        this.csv = csv;
        this.csvHeader = List.copyOf(csvHeader);
        this.csvPlaces = new IdentityHashMap<>();
        for (Columns<?> row : csvRows) {
            csvPlaces.put(row, places(row, this.csvHeader));
        }
    }

    /** One line per input, the same fields in JSON and CSV. */
    static <R> Report<R> of(Columns<R> fields) {
        Lines<R> lines = (input, line) -> line.write(fields, input);
        return new Report<>(lines, lines, fields.csvNames(), List.of(fields));
    }

    /**
     * One JSON line per input, and the CSV rows a function makes of it: for a JSON line with a
     * list of objects, which CSV writes as a row per object.
     */
    static <R, C> Report<R> of(Columns<R> fields, Columns<C> csvFields, Function<R, List<C>> csvRows) {
        Lines<R> csv = (input, line) -> {
            for (C row : csvRows.apply(input)) {
                line.write(csvFields, row);
            }
        };
        return new Report<>((input, line) -> line.write(fields, input), csv, csvFields.csvNames(),
                List.of(csvFields));
    }

    /**
     * Lines of several kinds, each with its own fields (the sections of a weekly review): a JSON
     * line has its own kind's fields only; the CSV header names every field of every kind, and a
     * row has empty cells where a field belongs to another kind.
     *
     * @param csvHeader every field of every kind, in CSV column order
     * @param kinds the fields of each kind of line
     * @param lines the lines of an input, each written with one of the kinds
     */
    static <R> Report<R> sections(List<String> csvHeader, List<Columns<?>> kinds, Lines<R> lines) {
        return new Report<>(lines, lines, csvHeader, kinds);
    }

    Lines<R> json() {
        return json;
    }

    Lines<R> csv() {
        return csv;
    }

    List<String> csvHeader() {
        return csvHeader;
    }

    /** @return where the CSV cells of a kind of line go in the header */
    int[] csvPlaces(Columns<?> row) {
        int[] places = csvPlaces.get(row);
        if (places == null) {
            throw new IllegalStateException("a CSV line of fields " + row.csvNames() + " this report does not declare");
        }
        return places;
    }

    private static int[] places(Columns<?> row, List<String> header) {
        row.listOfObjects().ifPresent(name -> {
            throw new IllegalArgumentException("field '" + name + "' is a list of objects, which a CSV row cannot"
                    + " hold: declare the report's CSV rows apart");
        });
        Set<String> seen = new HashSet<>();
        int[] places = new int[row.csvNames().size()];
        for (int i = 0; i < places.length; i++) {
            String name = row.csvNames().get(i);
            places[i] = header.indexOf(name);
            if (places[i] < 0 || !seen.add(name)) {
                throw new IllegalArgumentException("CSV field '" + name + "' is " + (places[i] < 0
                        ? "not in the header " + header : "declared twice"));
            }
        }
        return places;
    }

    /** The lines an input makes. */
    @FunctionalInterface
    interface Lines<R> {
        void each(R input, Line line) throws IOException;
    }

    /** Where lines go: one format's encoder. */
    interface Line {
        <S> void write(Columns<S> fields, S row) throws IOException;
    }

    @Override
    public String toString() {
        return "Report" + Objects.toString(csvHeader);
    }
}

package org.crmkit.cli.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.rules.io.CsvReader;
import org.crmkit.rules.io.InputFile;

/**
 * One CSV file read in full with crmkit's one reader ({@link CsvReader}: RFC 4180, UTF-8 with an
 * optional byte order mark, values trimmed, blank lines skipped), a header row naming the columns
 * in any order; columns the caller does not ask for are ignored.
 *
 * <p>Structural problems (missing file, bad encoding, malformed quoting, a row whose field count
 * differs from the header's, a missing required column) are reported while reading; rows that
 * cannot be aligned with the header are left out, and {@link #complete()} tells whether any was.
 */
final class CsvTable {
    private final String name;
    private final Map<String, Integer> columns;
    private final List<CsvRow> rows;
    private final boolean complete;

    private CsvTable(String name, Map<String, Integer> columns, List<CsvRow> rows, boolean complete) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
        this.complete = complete;
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @param required the columns that must be in the header
     * @param optional the other columns the caller reads; every other column is ignored
     * @param problems where problems are reported
     * @return the table, or empty when the file cannot be used at all (missing, unreadable, no
     *     header, a required column missing)
     */
    static Optional<CsvTable> read(InputFile file, List<String> required, List<String> optional, Problems problems) {
        String name = file.name();
        List<CsvRow> raw = new ArrayList<>();
        CsvReader.Outcome outcome = CsvReader.read(file, record -> {
            raw.add(new CsvRow(record.line(), record.texts()));
            return record;
        });
        outcome.problem().ifPresent(problems::add);
        if (!outcome.readable()) {
            return Optional.empty();
        }
        boolean complete = outcome.complete();
        if (raw.isEmpty()) {
            if (complete) {
                problems.add(CsvReader.emptyFile(name));
            }
            return Optional.empty();
        }
        CsvRow header = raw.get(0);
        Optional<Map<String, Integer>> columns = Header.columns(name, header.line(), header.values(), required,
                optional, problems::add);
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        List<CsvRow> rows = new ArrayList<>();
        for (CsvRow row : raw.subList(1, raw.size())) {
            if (row.values().size() != header.values().size()) {
                problems.add(CsvReader.fieldCount(name, row.line(), row.values().size(), header.values().size()));
                complete = false;
                continue;
            }
            rows.add(row);
        }
        return Optional.of(new CsvTable(name, columns.get(), List.copyOf(rows), complete));
    }

    /** @return the file's name as the user gave it */
    String name() {
        return name;
    }

    /** @return the rows after the header whose fields line up with it, in file order */
    List<CsvRow> rows() {
        return rows;
    }

    /** @return false when some rows could not be read, so that checks across files must not trust this one */
    boolean complete() {
        return complete;
    }

    /**
     * A row's value in a column.
     *
     * @param row the row
     * @param column the column's header name
     * @return the trimmed value; empty when the column is not in the file or the value is empty
     */
    String value(CsvRow row, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.values().get(index);
    }
}

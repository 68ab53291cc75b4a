package org.crmkit.cli.csv;

import java.util.List;

/**
 * One record of a CSV file after the header, with the line it starts on. Immutable.
 *
 * @param line the 1-based line where the record starts
 * @param values the trimmed values, in the file's column order
 */
record CsvRow(int line, List<String> values) {
    CsvRow {
        values = List.copyOf(values);
    }
}

package org.crmkit.cli.csv;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CSV file read in full: RFC 4180 as Jackson's CSV module parses it, UTF-8 with an optional
 * byte order mark, a header row naming the columns in any order. Values are trimmed; blank lines
 * are skipped; columns the caller does not ask for are ignored.
 *
 * <p>Structural problems (missing file, bad encoding, malformed quoting, a row whose field count
 * differs from the header's, a missing required column) are reported while reading; rows that
 * cannot be aligned with the header are left out, and {@link #complete()} tells whether any was.
 */
final class CsvTable {
    /** Thread-safe once configured; parsers are created per file. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            // Spaces around separators are not data, and a quote after them still opens a quoted value.
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

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
    static Optional<CsvTable> read(Path file, List<String> required, List<String> optional, Problems problems) {
        String name = file.toString();
        Optional<String> text = readText(file, name, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<RawRow> raw = new ArrayList<>();
        boolean complete = parse(name, text.get(), raw, problems);
        if (raw.isEmpty()) {
            if (complete) {
                problems.add(CsvProblem.atLine(name, 1, "no header row: the file is empty"));
            }
            return Optional.empty();
        }
        RawRow header = raw.get(0);
        Optional<Map<String, Integer>> columns = columns(name, header, required, optional, problems);
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        List<CsvRow> rows = new ArrayList<>();
        for (RawRow row : raw.subList(1, raw.size())) {
            if (row.values().size() != header.values().size()) {
                problems.add(CsvProblem.atLine(name, row.line(), "row has " + row.values().size() + " field"
                        + (row.values().size() == 1 ? "" : "s") + ", the header has " + header.values().size()));
                complete = false;
                continue;
            }
            rows.add(new CsvRow(row.line(), row.values()));
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

    private static Optional<String> readText(Path file, String name, Problems problems) {
        if (Files.isDirectory(file)) {
            problems.add(CsvProblem.inFile(name, "is a directory, not a CSV file"));
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.add(CsvProblem.inFile(name, "no such file"));
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.add(CsvProblem.inFile(name, "cannot be read: permission denied"));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(CsvProblem.inFile(name, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            problems.add(CsvProblem.atLine(name, lineOf(bytes, in.position()),
                    "not UTF-8 text: bad byte sequence at byte offset " + in.position()));
            return Optional.empty();
        }
        String text = out.flip().toString();
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Parses every record; returns false when malformed quoting stopped the parse early. */
    private static boolean parse(String name, String text, List<RawRow> rows, Problems problems) {
        int rowLine = 1;
        List<String> values = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(new StringReader(text))) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    depth++;
                    if (depth == 2) {
                        rowLine = parser.currentLocation().getLineNr();
                        values = new ArrayList<>();
                    }
                } else if (token == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth == 1 && !isBlankLine(values)) {
                        rows.add(new RawRow(rowLine, List.copyOf(values)));
                    }
                } else if (token == JsonToken.VALUE_STRING) {
                    values.add(parser.getText().strip());
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            Optional<String> column = rows.isEmpty() || values.size() >= rows.get(0).values().size()
                    ? Optional.empty() : Optional.of(rows.get(0).values().get(values.size()));
            problems.add(new CsvProblem(name, rowLine, column.filter(header -> !header.isEmpty()),
                    "malformed quoting: " + describe(e)));
            return false;
        } catch (IOException e) {
            // Reading from a String fails only through parse errors, handled above.
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Missing closing quote")) {
            return "a quoted value is not closed before the end of the file";
        }
        if (message.startsWith("Unexpected character") && message.contains("Expected column separator")) {
            return "unexpected text after the closing quote of a value (quotes inside a quoted value are doubled: \"\")";
        }
        return message;
    }

    /** An empty line parses as one empty value; it is not a record. */
    private static boolean isBlankLine(List<String> values) {
        return values.size() == 1 && values.get(0).isEmpty();
    }

    private static Optional<Map<String, Integer>> columns(String name, RawRow header, List<String> required,
            List<String> optional, Problems problems) {
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        boolean usable = true;
        for (int i = 0; i < header.values().size(); i++) {
            String column = header.values().get(i);
            if (!required.contains(column) && !optional.contains(column)) {
                continue;
            }
            Integer earlier = first.putIfAbsent(column, i);
            if (earlier != null) {
                problems.at(name, header.line(), column, "appears twice in the header (fields " + (earlier + 1)
                        + " and " + (i + 1) + ")");
                usable = false;
            } else {
                columns.put(column, i);
            }
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                problems.at(name, header.line(), column, "required column is missing");
                usable = false;
            }
        }
        return usable ? Optional.of(Map.copyOf(columns)) : Optional.empty();
    }

    /** A record as parsed, before it is checked against the header. */
    private record RawRow(int line, List<String> values) {
    }
}

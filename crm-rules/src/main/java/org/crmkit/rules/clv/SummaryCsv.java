package org.crmkit.rules.clv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crmkit.core.InvalidValueException;

/**
 * Reads customer summary files (see {@link PurchaseSummaries#readFile}). Every problem is an
 * {@link InvalidValueException} whose message starts with {@code file:line:}, names the column and
 * quotes the bad value.
 */
final class SummaryCsv {
    /** Thread-safe once configured. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();
    /** Plain decimals only, as orders.csv's amounts and quantities: no exponent, no grouping. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** The columns of one of the two forms. */
    private record Form(String frequency, String recency, String value) {
    }

    private static final Form LIFETIMES = new Form("frequency", "recency", "monetary_value");
    private static final Form LITERATURE = new Form("x", "t_x", "zbar");
    private static final String ID = "ID";
    private static final String AGE = "T";

    private record Row(int line, List<String> values) {
    }

    private final String name;
    private final ClvTimeUnit unit;
    private final Map<String, Integer> columns = new LinkedHashMap<>();

    private SummaryCsv(String name, ClvTimeUnit unit) {
        this.name = name;
        this.unit = unit;
    }

    static SummaryFile read(Path file, ClvTimeUnit unit) {
        SummaryCsv reader = new SummaryCsv(file.toString(), unit);
        return reader.summaries(reader.rows(reader.text(file)));
    }

    private String text(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidValueException(name + ": no such file");
        } catch (IOException e) {
            throw new InvalidValueException(name + ": cannot be read: " + e.getMessage());
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
            // The decoder stops at the bad sequence: count the line breaks before it.
            throw problem(lineOf(bytes, in.position()),
                    "not UTF-8 text: bad byte sequence at byte offset " + in.position());
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Every non-blank record with its line. */
    private List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        int line = 1;
        try (MappingIterator<List<String>> records = MAPPER.readerForListOf(String.class).readValues(text)) {
            while (records.hasNextValue()) {
                List<String> values = records.nextValue();
                line = records.getParser().currentTokenLocation().getLineNr();
                if (!(values.size() == 1 && values.get(0).isBlank())) {
                    rows.add(new Row(line, values.stream().map(String::strip).toList()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw problem(line, "not a readable CSV file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (rows.isEmpty()) {
            throw problem(1, "no header row: the file is empty");
        }
        return rows;
    }

    private SummaryFile summaries(List<Row> rows) {
        Row header = rows.get(0);
        for (int i = 0; i < header.values().size(); i++) {
            Integer before = columns.putIfAbsent(header.values().get(i), i);
            if (before != null) {
                throw problem(header.line(), "column '" + header.values().get(i) + "' appears twice in the header");
            }
        }
        Form form = form(header);
        Optional<String> valueColumn = Optional.of(form.value()).filter(columns::containsKey);
        Map<String, Integer> firstLine = new HashMap<>();
        List<PurchaseSummary> summaries = new ArrayList<>(rows.size() - 1);
        for (Row row : rows.subList(1, rows.size())) {
            if (row.values().size() != header.values().size()) {
                throw problem(row.line(), "row has " + row.values().size() + " fields, the header has "
                        + header.values().size());
            }
            String id = value(row, ID);
            if (id.isEmpty()) {
                throw problem(row.line(), ID, "is empty");
            }
            Integer earlier = firstLine.putIfAbsent(id, row.line());
            if (earlier != null) {
                throw problem(row.line(), ID, "duplicate customer '" + id + "', first on line " + earlier);
            }
            BigDecimal frequencyValue = number(row, form.frequency());
            BigDecimal ageValue = number(row, AGE);
            BigDecimal recencyValue = number(row, form.recency());
            Optional<BigDecimal> averageValue = valueColumn.map(column -> number(row, column));
            int frequency = frequency(row, form.frequency(), frequencyValue);
            BigDecimal maxAge = PurchaseSummaries.maxAge(unit);
            if (ageValue.compareTo(maxAge) > 0) {
                throw problem(row.line(), AGE, "must be at most " + maxAge.toPlainString() + " " + unit.key()
                        + " (100 years), was '" + value(row, AGE) + "'");
            }
            if (recencyValue.compareTo(ageValue) > 0) {
                throw problem(row.line(), form.recency(), "recency '" + value(row, form.recency())
                        + "' is more than T '" + value(row, AGE) + "'");
            }
            if (frequency == 0 && recencyValue.signum() != 0) {
                throw problem(row.line(), form.recency(), "must be 0 when " + form.frequency() + " is 0, was '"
                        + value(row, form.recency()) + "'");
            }
            if (frequency > 0 && recencyValue.signum() == 0) {
                throw problem(row.line(), form.recency(), "must be more than 0 when " + form.frequency() + " is "
                        + frequency);
            }
            long maxFrequency = PurchaseSummaries.maxFrequency(recencyValue, unit);
            if (frequency > maxFrequency) {
                throw problem(row.line(), form.frequency(), "must be at most " + maxFrequency + ", one purchase a day"
                        + " over " + form.recency() + " = " + value(row, form.recency()) + " " + unit.key()
                        + ", was '" + value(row, form.frequency()) + "'");
            }
            BigDecimal average = BigDecimal.ZERO;
            if (averageValue.isPresent()) {
                String column = valueColumn.get();
                average = averageValue.get();
                if (frequency == 0 && average.signum() != 0) {
                    throw problem(row.line(), column, "must be 0 when " + form.frequency() + " is 0, was '"
                            + value(row, column) + "'");
                }
                if (average.compareTo(PurchaseSummaries.MAX_AVERAGE_VALUE) > 0) {
                    throw problem(row.line(), column, "must be at most "
                            + PurchaseSummaries.MAX_AVERAGE_VALUE.toPlainString() + ", was '" + value(row, column) + "'");
                }
            }
            double recency = recencyValue.doubleValue();
            double age = ageValue.doubleValue();
            summaries.add(new PurchaseSummary(id, frequency, recency, age, average));
        }
        return new SummaryFile(summaries, valueColumn.isPresent());
    }

    private Form form(Row header) {
        boolean literature = columns.containsKey(LITERATURE.frequency());
        boolean lifetimes = columns.containsKey(LIFETIMES.frequency());
        if (literature && lifetimes) {
            throw problem(header.line(), "the header has both 'x' and 'frequency'; use one form:"
                    + " ID,frequency,recency,T or ID,x,t_x,T,zbar");
        }
        Form form = literature ? LITERATURE : LIFETIMES;
        for (String column : List.of(ID, form.frequency(), form.recency(), AGE)) {
            if (!columns.containsKey(column)) {
                throw problem(header.line(), "missing column '" + column + "'; the header has "
                        + String.join(",", columns.keySet()) + ", expected ID,frequency,recency,T or ID,x,t_x,T,zbar");
            }
        }
        return form;
    }

    private String value(Row row, String column) {
        return row.values().get(columns.get(column));
    }

    private BigDecimal number(Row row, String column) {
        String text = value(row, column);
        if (!NUMBER.matcher(text).matches()) {
            throw problem(row.line(), column, "not a decimal number: '" + text + "'");
        }
        BigDecimal number = new BigDecimal(text);
        if (number.signum() < 0) {
            throw problem(row.line(), column, "must not be negative, was '" + text + "'");
        }
        return number;
    }

    private int frequency(Row row, String column, BigDecimal number) {
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw problem(row.line(), column, "must be a whole number of purchases, was '" + value(row, column) + "'");
        }
        // Far beyond every bound checked later; saturating keeps the "at most" message for huge values.
        return number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : number.intValue();
    }

    private InvalidValueException problem(int line, String message) {
        return new InvalidValueException(name + ":" + line + ": " + message);
    }

    private InvalidValueException problem(int line, String column, String message) {
        return new InvalidValueException(name + ":" + line + ": column '" + column + "': " + message);
    }
}

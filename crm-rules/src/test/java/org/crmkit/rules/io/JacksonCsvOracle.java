package org.crmkit.rules.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What reading a CSV file gives by the rules crmkit read its files with before it had a reader of
 * its own: the whole file decoded as UTF-8, then Jackson's CSV parser with {@code TRIM_SPACES},
 * every value stripped, blank lines skipped, each record at the line Jackson says it starts on.
 * The reference the one reader is checked against; it is not what the reader is built from.
 */
final class JacksonCsvOracle {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /**
     * What a read gave.
     *
     * @param records each record as {@code line:[values]}; none when the file is unreadable
     * @param problem the problem as printed, if any
     */
    record Read(List<String> records, Optional<String> problem) {
    }

    private JacksonCsvOracle() {
    }

    static Read read(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            return new Read(List.of(), Optional.of(name + ":" + line + ": not UTF-8 text: bad byte sequence at byte"
                    + " offset " + in.position()));
        }
        String text = out.flip().toString();
        return parse(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static Read parse(String name, String text) {
        List<String> records = new ArrayList<>();
        List<String> header = null;
        int recordLine = 1;
        List<String> values = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(new StringReader(text))) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    depth++;
                    if (depth == 2) {
                        recordLine = parser.currentLocation().getLineNr();
                        values = new ArrayList<>();
                    }
                } else if (token == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth == 1 && !(values.size() == 1 && values.get(0).isEmpty())) {
                        records.add(recordLine + ":" + values);
                        if (header == null) {
                            header = values;
                        }
                    }
                } else if (token == JsonToken.VALUE_STRING) {
                    values.add(parser.getText().strip());
                }
            }
            return new Read(records, Optional.empty());
        } catch (JsonProcessingException e) {
            String column = header == null || values.size() >= header.size() || header.get(values.size()).isEmpty()
                    ? "" : "column '" + header.get(values.size()) + "': ";
            return new Read(records, Optional.of(name + ":" + recordLine + ": " + column + "malformed quoting: "
                    + describe(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}

package org.crmkit.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.PersistenceException;

/** Lists of strings as JSON arrays, for a column that keeps a list (the outbox's reasons). */
final class JsonStrings {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonStrings() {
    }

    /**
     * Writes a list.
     *
     * @param strings the strings
     * @return the JSON array
     */
    static String write(List<String> strings) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (String string : strings) {
                json.writeString(string);
            }
            json.writeEndArray();
        } catch (IOException e) {
            // A StringWriter does not fail.
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Reads a list that {@link #write} wrote.
     *
     * @param text the JSON array
     * @param what what holds it, for the message
     * @return the strings
     * @throws PersistenceException if the text is not an array of strings
     */
    static List<String> read(String text, String what) {
        List<String> strings = new ArrayList<>();
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not an array");
            }
            for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    throw new IOException(token + " where a string belongs");
                }
                strings.add(json.getText());
            }
        } catch (IOException e) {
            throw new PersistenceException(what + " is not a JSON array of strings", e);
        }
        return List.copyOf(strings);
    }
}

package org.crmkit.cli.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The current row of a {@link CsvStream}: its line and its values, trimmed as {@link CsvTable}
 * trims them, as ranges of one reused character array, so that reading a value allocates nothing
 * until its text is asked for. Not thread-safe; valid only during the handler's call.
 */
final class StreamRow {
    private char[] chars = new char[256];
    private int length;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;
    private int valueStart;
    private int line;

    /** Scratch of a batching reader: the hashes of two ids of the row, 0 when not plain. */
    long hash0;
    long hash1;
    /** Scratch of a batching reader: the row's customer, or -1. */
    int customer;

    void begin(int rowLine) {
        line = rowLine;
        length = 0;
        size = 0;
    }

    /** @return the line the row starts on, 1-based */
    int line() {
        return line;
    }

    /** @return the number of values */
    int size() {
        return size;
    }

    /** @return the backing characters of every value; see {@link #start(int)} and {@link #end(int)} */
    char[] chars() {
        return chars;
    }

    /** @return where a value starts in {@link #chars()} */
    int start(int index) {
        return starts[index];
    }

    /** @return where a value ends (exclusive) in {@link #chars()} */
    int end(int index) {
        return ends[index];
    }

    /** @return the length of a value, 0 for an empty one */
    int length(int index) {
        return ends[index] - starts[index];
    }

    /** @return a value as text */
    String text(int index) {
        return new String(chars, starts[index], ends[index] - starts[index]);
    }

    /** @return every value as text */
    List<String> texts() {
        List<String> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            texts.add(text(i));
        }
        return texts;
    }

    /** An empty line parses as one empty value; it is not a record. */
    boolean isBlank() {
        return size == 1 && starts[0] == ends[0];
    }

    void addEmpty() {
        startValue();
        finish(length, length);
    }

    void startValue() {
        valueStart = length;
    }

    void append(char c) {
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        chars[length++] = c;
    }

    void append(char[] from, int offset, int count) {
        if (length + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
        }
        System.arraycopy(from, offset, chars, length, count);
        length += count;
    }

    /** Jackson trims characters up to U+0020 at the end of an unquoted value (the start was skipped); then strip. */
    void endUnquoted() {
        int end = length;
        while (end > valueStart && chars[end - 1] <= ' ') {
            end--;
        }
        strip(valueStart, end);
    }

    /** A quoted value is kept as written by Jackson, then stripped. */
    void endQuoted() {
        strip(valueStart, length);
    }

    /** {@link String#strip()}: no white space is outside the basic plane, so a char test equals its code point test. */
    private void strip(int from, int to) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        finish(start, end);
    }

    private void finish(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }
}

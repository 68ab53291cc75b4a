package org.crmkit.rules.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A record of a CSV file as {@link CsvReader} fills it: the line it starts on and its values, as
 * ranges of one character array that the next record reuses, so that reading a value allocates
 * nothing until its text is asked for ({@link #text}). Values are trimmed as the reader describes.
 * Not thread-safe, and valid only during the {@link CsvReader.RecordHandler}'s call, unless the
 * handler keeps the record and hands the reader another to fill.
 */
public final class CsvRecord {
    private char[] chars = new char[256];
    private int length;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;
    private int valueStart;
    private int line;

    /** An empty record, for a reader to fill. */
    public CsvRecord() {
    }

    /** Starts the record afresh at a line; the values of the last record are gone. */
    void begin(int recordLine) {
        line = recordLine;
        length = 0;
        size = 0;
    }

    /** @return the 1-based line the record starts on */
    public int line() {
        return line;
    }

    /** @return the number of values */
    public int size() {
        return size;
    }

    /** @return the characters of every value; see {@link #start(int)} and {@link #end(int)} */
    public char[] chars() {
        return chars;
    }

    /**
     * @param index the value's position in the record, from 0
     * @return where the value starts in {@link #chars()}
     */
    public int start(int index) {
        return starts[index];
    }

    /**
     * @param index the value's position in the record, from 0
     * @return where the value ends (exclusive) in {@link #chars()}
     */
    public int end(int index) {
        return ends[index];
    }

    /**
     * @param index the value's position in the record, from 0
     * @return the value's length, 0 for an empty value
     */
    public int length(int index) {
        return ends[index] - starts[index];
    }

    /**
     * @param index the value's position in the record, from 0
     * @return the value as text
     */
    public String text(int index) {
        return new String(chars, starts[index], ends[index] - starts[index]);
    }

    /** @return every value as text, in the record's order */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            texts.add(text(i));
        }
        return texts;
    }

    /** @return whether the line is blank: one empty value, which is not a record */
    public boolean isBlank() {
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

    /** Characters up to U+0020 at the end of an unquoted value are not data (the start was skipped); then strip. */
    void endUnquoted() {
        int end = length;
        while (end > valueStart && chars[end - 1] <= ' ') {
            end--;
        }
        strip(valueStart, end);
    }

    /** A quoted value is kept as written, then stripped. */
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

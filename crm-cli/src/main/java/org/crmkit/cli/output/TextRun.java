package org.crmkit.cli.output;

import java.io.Writer;
import java.util.Arrays;

/**
 * A run's rendered text in a growing array of chars: copying the generator's chars into a
 * {@code StringBuilder} would check every one for a compact string only to turn them back into
 * chars for the output's encoder. One thread renders a run, so no locking is needed.
 */
final class TextRun extends Writer implements RowWriter.Rendered {
    private char[] chars;
    private int length;

    TextRun(int capacity) {
        chars = new char[Math.max(16, capacity)];
    }

    @Override
    public void write(char[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, chars, length, count);
        length += count;
    }

    @Override
    public void write(String string, int offset, int count) {
        ensure(count);
        string.getChars(offset, offset + count, chars, length);
        length += count;
    }

    private void ensure(int count) {
        if (length + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
        }
    }

    /** Writes the text rendered so far. */
    void writeTo(Writer out) throws java.io.IOException {
        out.write(chars, 0, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}

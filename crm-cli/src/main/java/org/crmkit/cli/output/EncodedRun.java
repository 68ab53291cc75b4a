package org.crmkit.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A run of lines rendered as UTF-8 bytes on a worker thread, written by the thread that owns the
 * output: as bytes to an {@link EncodedOutput}, decoded to any other writer. Not thread-safe.
 */
final class EncodedRun extends OutputStream implements RowWriter.Rendered {
    private byte[] bytes;
    private int length;

    EncodedRun(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    private void ensure(int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
    }

    /** Writes the text rendered so far. */
    void writeTo(Writer out) throws IOException {
        if (out instanceof EncodedOutput encoded) {
            encoded.writeEncoded(bytes, 0, length);
        } else {
            out.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
    }
}

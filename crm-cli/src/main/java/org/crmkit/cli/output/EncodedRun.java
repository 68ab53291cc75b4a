package org.crmkit.cli.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A run of lines rendered as UTF-8 bytes on a worker thread, written by the thread that owns the
 * output: as bytes to an {@link EncodedOutput}, decoded to any other writer. Not thread-safe.
 */
final class EncodedRun extends ByteArrayOutputStream implements RowWriter.Rendered {
    EncodedRun(int capacity) {
        super(Math.max(16, capacity));
    }

    /** Writes the text rendered so far. */
    void writeTo(Writer out) throws IOException {
        if (out instanceof EncodedOutput encoded) {
            encoded.writeEncoded(buf, 0, count);
        } else {
            out.write(toString(StandardCharsets.UTF_8));
        }
    }
}

package org.crmkit.cli.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A print writer to a byte stream in UTF-8 that also takes text already encoded: the runs that
 * worker threads render as UTF-8 bytes ({@link RowWriter.Rows#render}) go to the stream as they
 * are, so that the thread writing the output does not encode a million customers' lines again.
 * As with any {@link PrintWriter}, a failure to write sets {@link #checkError()} rather than
 * throwing. Not thread-safe beyond what {@link PrintWriter} guarantees.
 */
public final class EncodedOutput extends PrintWriter {
    private static final int BUFFER = 1 << 16;

    private final OutputStream bytes;

    private EncodedOutput(OutputStream bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        this.bytes = bytes;
    }

    /**
     * Writes to a byte stream, buffered.
     *
     * @param target where the bytes go; closed with this writer; not null
     * @return the writer
     */
    public static EncodedOutput of(OutputStream target) {
        return new EncodedOutput(new BufferedOutputStream(target, BUFFER));
    }

    /**
     * Writes text already encoded in UTF-8 after everything written before.
     *
     * @param utf8 the bytes; not null
     * @param offset where they start
     * @param length how many there are
     */
    void writeEncoded(byte[] utf8, int offset, int length) {
        synchronized (lock) {
            // Text written through the writer waits in its encoder: it goes first.
            flush();
            try {
                bytes.write(utf8, offset, length);
            } catch (IOException e) {
                setError();
            }
        }
    }
}

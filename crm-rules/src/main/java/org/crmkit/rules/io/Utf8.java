package org.crmkit.rules.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The one way crmkit decodes its input files: strictly as UTF-8, where a byte sequence that is not
 * UTF-8 is an error reported at its byte offset and line, never replaced; a byte order mark at the
 * start is not text.
 */
public final class Utf8 {
    /** The byte order mark, U+FEFF, which may start a UTF-8 file and is not part of its text. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8() {
    }

    /** @return a new decoder of UTF-8 that reports bad bytes instead of replacing them */
    public static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The message of bytes that are not UTF-8, as every reader of crmkit words it.
     *
     * @param offset the offset of the first bad byte in the file
     * @return e.g. {@code not UTF-8 text: bad byte sequence at byte offset 20}
     */
    public static String badBytes(long offset) {
        return "not UTF-8 text: bad byte sequence at byte offset " + offset;
    }

    /**
     * Decodes a whole file's bytes.
     *
     * @param bytes the bytes; not null
     * @param name the file's name, for the problem; not null
     * @return the text, without a byte order mark
     * @throws InvalidInputException with the problem at the line of the first bad byte
     *     ({@link #badBytes})
     */
    public static String decode(byte[] bytes, String name) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(name, "name");
        CharsetDecoder decoder = decoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidInputException(InputProblem.atLine(name, 1 + lineFeeds(bytes, 0, in.position()),
                    badBytes(in.position())));
        }
        out.flip();
        if (out.hasRemaining() && out.get(0) == BYTE_ORDER_MARK) {
            out.position(1);
        }
        return out.toString();
    }

    /** @return how many line feeds (byte 0x0A, never part of another character in UTF-8) lie in the range */
    static int lineFeeds(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += bytes[i] == '\n' ? 1 : 0;
        }
        return count;
    }
}

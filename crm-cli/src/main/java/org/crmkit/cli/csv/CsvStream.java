package org.crmkit.cli.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads one CSV file as a stream of rows, one at a time, with the rules of {@link CsvTable}: RFC
 * 4180 as Jackson's CSV module parses it with {@code TRIM_SPACES} (characters up to U+0020 around
 * an unquoted value are not data, a quote after them still opens a quoted value), every value then
 * stripped of white space, UTF-8 with an optional byte order mark, blank lines skipped, lines
 * counted as physical lines ({@code \n}, {@code \r\n} or a lone {@code \r}, inside quoted values
 * too). Nothing but the current row is held: the file is decoded in chunks and each value copied
 * into the row.
 *
 * <p>Problems go to the file's {@link FileProblems}: a file that cannot be read, malformed quoting
 * (which ends the rows, as in {@link CsvTable}; the rest of the file is still decoded, since text
 * that is not UTF-8 anywhere in the file replaces every other problem of the file, as
 * {@link CsvTable} decodes the whole file before it parses).
 */
final class CsvStream {
    private static final int BYTE_CHUNK = 1 << 20;
    private static final int CHAR_CHUNK = 1 << 20;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Receives the rows; the first row is the header. */
    interface RowHandler {
        /**
         * Called for each row that is not blank, in file order.
         *
         * @param row the row
         * @return the row to fill next: the same one, or another if the handler keeps this one
         */
        StreamRow row(StreamRow row);
    }

    /**
     * How a file went.
     *
     * @param readable false when the file could not be read or decoded: it counts as absent
     * @param complete false when malformed quoting ended the rows early (or the file is unreadable)
     * @param rows the rows given to the handler, header included
     */
    record Outcome(boolean readable, boolean complete, long rows) {
    }

    /** Malformed quoting, as Jackson's parser reports it. */
    private static final class MalformedQuoting extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedQuoting(String message) {
            super(message, null, false, false);
        }
    }

    private final Path file;
    private final String name;
    private final FileProblems problems;
    private final ReadProgress progress;

    private final char[] buf;
    private int pos;
    private int limit;
    private boolean closed;
    private int pendingLF;
    private int line = 1;

    private InputStream in;
    private final ByteBuffer bytes;
    private final CharsetDecoder decoder;
    private long bytesBefore;
    private boolean endOfBytes;
    private boolean decoderFlushed;
    private long badByteOffset = -1;
    private boolean first = true;

    /** Whether this reads one chunk of a file that is already decoded, see {@link #readChunk}. */
    private final boolean chunk;

    private CsvStream(Path file, FileProblems problems, ReadProgress progress) {
        this.file = file;
        this.name = file.toString();
        this.problems = problems;
        this.progress = progress;
        this.chunk = false;
        this.buf = new char[CHAR_CHUNK];
        this.bytes = ByteBuffer.allocate(BYTE_CHUNK);
        this.decoder = utf8();
    }

    private CsvStream(char[] chars, int length, boolean fileStart) {
        this.file = null;
        this.name = "";
        this.problems = null;
        this.progress = ReadProgress.NONE;
        this.chunk = true;
        this.buf = chars;
        this.bytes = null;
        this.decoder = null;
        this.limit = length;
        this.first = false;
        if (fileStart && length > 0 && chars[0] == BYTE_ORDER_MARK) {
            pos = 1;
        }
    }

    /**
     * Reads a file row by row.
     *
     * @param file the file
     * @param problems where the file's problems go
     * @param progress told how many bytes were read
     * @param handler receives the rows
     * @return how reading went
     */
    static Outcome read(Path file, FileProblems problems, ReadProgress progress, RowHandler handler) {
        return new CsvStream(file, problems, progress).run(handler);
    }

    /** @return a decoder of UTF-8 that reports bad bytes instead of replacing them */
    static CharsetDecoder utf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * What the read of a chunk found.
     *
     * @param wellFormed false when the quoting was malformed, or a quoted value was still open at
     *     the chunk's end: then the chunk did not start or end where a row does, or the file is
     *     broken there, and only a read of the whole file can tell which and report it
     * @param rows the rows given to the handler
     * @param lines the lines the chunk spans: every line break in it (the chunk ends with one,
     *     unless it ends the file), so the next chunk starts on the line that many further
     */
    record ChunkOutcome(boolean wellFormed, long rows, int lines) {
    }

    /**
     * Reads one chunk of a file, cut at a line break and decoded, as the rows that reading the file
     * from the start gives there if a row starts at the chunk's start: the same values, and line
     * numbers counted from 1 at the chunk's start. A chunk whose quoting does not work out
     * ({@link ChunkOutcome#wellFormed()} false) reports nothing; its rows handed out so far count
     * for nothing.
     *
     * @param chars the chunk's characters; not changed
     * @param length how many there are
     * @param fileStart whether the chunk starts the file, where a byte order mark is skipped
     * @param row the row to fill first
     * @param handler receives the rows
     * @return how the chunk went
     */
    static ChunkOutcome readChunk(char[] chars, int length, boolean fileStart, StreamRow row, RowHandler handler) {
        CsvStream stream = new CsvStream(chars, length, fileStart);
        long rows = 0;
        StreamRow next = row;
        try {
            while (stream.hasMore()) {
                next.begin(stream.line);
                while (stream.nextValue(next)) {
                    // values are added to the row
                }
                if (!next.isBlank()) {
                    rows++;
                    next = handler.row(next);
                }
            }
        } catch (MalformedQuoting e) {
            return new ChunkOutcome(false, rows, stream.line - 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ChunkOutcome(true, rows, stream.line - 1);
    }

    private Outcome run(RowHandler handler) {
        if (Files.isDirectory(file)) {
            problems.replaceAll(CsvProblem.inFile(name, "is a directory, not a CSV file"));
            return new Outcome(false, false, 0);
        }
        try (InputStream stream = Files.newInputStream(file)) {
            in = stream;
            return parse(handler);
        } catch (NoSuchFileException e) {
            problems.replaceAll(CsvProblem.inFile(name, "no such file"));
        } catch (AccessDeniedException e) {
            problems.replaceAll(CsvProblem.inFile(name, "cannot be read: permission denied"));
        } catch (IOException e) {
            problems.replaceAll(CsvProblem.inFile(name, "cannot be read: " + e.getMessage()));
        } catch (BadUtf8 e) {
            problems.replaceAll(CsvProblem.atLine(name, lineOfByte(badByteOffset),
                    "not UTF-8 text: bad byte sequence at byte offset " + badByteOffset));
        }
        return new Outcome(false, false, 0);
    }

    /** Thrown inside the parse when the bytes are not UTF-8; unchecked to pass through the handler. */
    private static final class BadUtf8 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadUtf8() {
            super(null, null, false, false);
        }
    }

    private Outcome parse(RowHandler handler) throws IOException {
        StreamRow row = new StreamRow();
        long rows = 0;
        boolean complete = true;
        Optional<List<String>> header = Optional.empty();
        if (hasMore()) {
            try {
                while (true) {
                    row.begin(line);
                    while (nextValue(row)) {
                        // values are added to the row
                    }
                    if (!row.isBlank()) {
                        if (header.isEmpty()) {
                            header = Optional.of(row.texts());
                        }
                        rows++;
                        row = handler.row(row);
                    }
                    if (closed || !hasMore()) {
                        break;
                    }
                }
            } catch (MalformedQuoting e) {
                complete = false;
                Optional<String> column = header.isEmpty() || row.size() >= header.get().size() ? Optional.empty()
                        : Optional.of(header.get().get(row.size()));
                problems.quoting(new CsvProblem(name, row.line(), column.filter(text -> !text.isEmpty()),
                        "malformed quoting: " + e.getMessage()));
                // The rest is not parsed, but it must still be UTF-8.
                while (!closed) {
                    pos = limit;
                    fill();
                }
            }
        }
        return new Outcome(true, complete, rows);
    }

    /** Adds the next value to the row; false at the end of the row (nothing added). */
    private boolean nextValue(StreamRow row) throws IOException, MalformedQuoting {
        if (pendingLF != 0 || closed) {
            if (!closed) {
                handleLF();
            }
            return false;
        }
        int c = -1;
        while (pos < limit || fill()) {
            char ch = buf[pos++];
            if (ch > ' ' || ch == '\r' || ch == '\n') {
                c = ch;
                break;
            }
        }
        if (c < 0) {
            row.addEmpty();
            return true;
        }
        if (c == '\r' || c == '\n') {
            pendingLF = c;
            row.addEmpty();
            return true;
        }
        if (c == '"') {
            quoted(row);
            return true;
        }
        if (c == ',') {
            row.addEmpty();
            return true;
        }
        row.startValue();
        row.append((char) c);
        outer:
        while (pos < limit || fill()) {
            int start = pos;
            int i = pos;
            int end = limit;
            char[] chars = buf;
            while (i < end) {
                char ch = chars[i];
                if (ch == ',' || ch == '\n' || ch == '\r') {
                    row.append(chars, start, i - start);
                    pos = i + 1;
                    if (ch != ',') {
                        pendingLF = ch;
                    }
                    break outer;
                }
                i++;
            }
            row.append(chars, start, end - start);
            pos = end;
        }
        row.endUnquoted();
        return true;
    }

    private void quoted(StreamRow row) throws IOException, MalformedQuoting {
        row.startValue();
        while (true) {
            if (pos >= limit && !fill()) {
                throw new MalformedQuoting("a quoted value is not closed before the end of the file");
            }
            int start = pos;
            int i = pos;
            int end = limit;
            char[] chars = buf;
            while (i < end) {
                char ch = chars[i];
                if (ch == '"' || ch == '\r' || ch == '\n') {
                    break;
                }
                i++;
            }
            row.append(chars, start, i - start);
            pos = i;
            if (i == end) {
                continue;
            }
            char ch = chars[pos++];
            if (ch == '"') {
                if ((pos < limit || fill()) && buf[pos] == '"') {
                    row.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            row.append(ch);
            if (ch == '\n') {
                line++;
            } else if (!(pos < limit || fill()) || buf[pos] != '\n') {
                line++;
            }
        }
        while (pos < limit || fill()) {
            char ch = buf[pos++];
            if (ch == ',') {
                break;
            }
            if (ch <= ' ') {
                if (ch == '\r' || ch == '\n') {
                    pendingLF = ch;
                    break;
                }
                continue;
            }
            throw new MalformedQuoting("unexpected text after the closing quote of a value (quotes inside a quoted"
                    + " value are doubled: \"\")");
        }
        row.endQuoted();
    }

    private void handleLF() throws IOException {
        if (pendingLF == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
        pendingLF = 0;
        line++;
    }

    private boolean hasMore() throws IOException {
        return pos < limit || fill();
    }

    /** Decodes the next chunk of characters; false (and closed) at the end of the file. */
    private boolean fill() throws IOException {
        if (closed) {
            return false;
        }
        if (chunk) {
            closed = true;
            pos = 0;
            limit = 0;
            return false;
        }
        CharBuffer out = CharBuffer.wrap(buf);
        while (out.position() == 0) {
            if (!endOfBytes && bytes.hasRemaining()) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfBytes = true;
                } else {
                    bytes.position(bytes.position() + read);
                    progress.bytesRead(read);
                }
            }
            bytes.flip();
            int before = bytes.position();
            CoderResult result = decoder.decode(bytes, out, endOfBytes);
            if (result.isError()) {
                badByteOffset = bytesBefore + bytes.position();
                throw new BadUtf8();
            }
            bytesBefore += bytes.position() - before;
            bytes.compact();
            if (endOfBytes && bytes.position() == 0 && !result.isOverflow()) {
                if (!decoderFlushed) {
                    decoderFlushed = true;
                    if (decoder.flush(out).isError()) {
                        badByteOffset = bytesBefore;
                        throw new BadUtf8();
                    }
                }
                if (out.position() == 0) {
                    closed = true;
                    pos = 0;
                    limit = 0;
                    return false;
                }
            }
        }
        pos = 0;
        limit = out.position();
        if (first) {
            first = false;
            if (buf[0] == BYTE_ORDER_MARK) {
                pos = 1;
                if (limit == 1) {
                    return fill();
                }
            }
        }
        return true;
    }

    /** The line of a byte: one more than the line feeds before it; read again, as this is the error path. */
    private int lineOfByte(long offset) {
        int lines = 1;
        try (InputStream again = Files.newInputStream(file)) {
            byte[] chunk = new byte[BYTE_CHUNK];
            long seen = 0;
            int read;
            while (seen < offset && (read = again.read(chunk)) > 0) {
                for (int i = 0; i < read && seen < offset; i++, seen++) {
                    if (chunk[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }
}

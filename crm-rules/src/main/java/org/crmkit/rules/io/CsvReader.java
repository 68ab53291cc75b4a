package org.crmkit.rules.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * crmkit's one CSV reader, for every CSV file the library and the command line read. It streams:
 * the bytes are decoded in chunks and only the current record is held.
 *
 * <ul>
 *   <li><b>Encoding.</b> Strict UTF-8 ({@link Utf8}); a byte order mark at the start is skipped.
 *       Bytes that are not UTF-8 anywhere make the whole file unreadable, reported at the line
 *       of the first bad byte: {@code orders.csv:3: not UTF-8 text: bad byte sequence at byte
 *       offset 56}; the records handed out before count for nothing then.</li>
 *   <li><b>Records.</b> RFC 4180: values separated by commas, records by {@code \n},
 *       {@code \r\n} or a lone {@code \r}; a value in double quotes may hold commas, line breaks
 *       and doubled quotes ({@code ""}). Blank lines are skipped. Every record carries the 1-based
 *       line it starts on, counting every line break, inside quoted values too.</li>
 *   <li><b>Spaces.</b> Characters up to U+0020 around a value are not data (a quote after them
 *       still opens a quoted value), and every value is then stripped of white space
 *       ({@link String#strip()}); the rules of Jackson's CSV parser with {@code TRIM_SPACES},
 *       which crmkit read its files with before.</li>
 *   <li><b>Problems.</b> A file that cannot be opened or is not UTF-8 is unreadable; malformed
 *       quoting (a quoted value not closed before the end of the file, or text after a closing
 *       quote) ends the records there, at the line of the record, naming the column of the header
 *       (the first record) it happened in. {@link Outcome#problem()} holds the problem; what the
 *       records' values mean is the caller's to check.</li>
 * </ul>
 *
 * <pre>{@code
 * CsvReader.Outcome outcome = CsvReader.read(InputFile.of(Path.of("orders.csv")), record -> {
 *     System.out.println(record.line() + ": " + record.texts());
 *     return record;
 * });
 * outcome.problem().ifPresent(problem -> System.err.println(problem));
 * }</pre>
 */
public final class CsvReader {
    private static final int BYTE_CHUNK = 1 << 20;
    private static final int CHAR_CHUNK = 1 << 20;
    private static final String NOT_CLOSED = "a quoted value is not closed before the end of the file";
    private static final String TEXT_AFTER_QUOTE = "unexpected text after the closing quote of a value (quotes inside"
            + " a quoted value are doubled: \"\")";

    /** Receives the records of a file, the header first. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * Called with each record that is not a blank line, in file order.
         *
         * @param record the record, valid until the next call
         * @return the record to fill next: the same one, or another if the handler keeps this one
         */
        CsvRecord accept(CsvRecord record);
    }

    /**
     * How reading a file went. Immutable and thread-safe.
     *
     * @param readable false when the file could not be opened, read or decoded: it counts as
     *     absent, and the records handed out count for nothing
     * @param complete false when malformed quoting ended the records early (or the file is unreadable)
     * @param records the records handed to the handler, the header included
     * @param problem why the file is unreadable or incomplete; present exactly then; not null
     */
    public record Outcome(boolean readable, boolean complete, long records, Optional<InputProblem> problem) {
        /** Checks the invariants. */
        public Outcome {
            Objects.requireNonNull(problem, "problem");
            if ((readable && complete) == problem.isPresent() || (!readable && complete)) {
                throw new IllegalArgumentException("an outcome has a problem exactly when the file is unreadable or"
                        + " incomplete: readable " + readable + ", complete " + complete + ", problem " + problem);
            }
        }
    }

    /**
     * How reading a chunk went ({@link #readChunk}). Immutable and thread-safe.
     *
     * @param wellFormed false when the quoting was malformed, or a quoted value was still open at
     *     the chunk's end: then the chunk did not start or end where a record does, or the file is
     *     broken there, and only a read of the whole file from its start can tell which and report it
     * @param records the records handed to the handler
     * @param lines the line breaks in the chunk: the next chunk starts that many lines further
     */
    public record ChunkOutcome(boolean wellFormed, long records, int lines) {
    }

    /** Malformed quoting. */
    private static final class MalformedQuoting extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedQuoting(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown inside the parse when the bytes are not UTF-8; unchecked to pass through the handler. */
    private static final class BadUtf8 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadUtf8() {
            super(null, null, false, false);
        }
    }

    private final String name;
    private final LongConsumer bytesRead;

    private final char[] buf;
    private int pos;
    private int limit;
    private boolean closed;
    private int pendingLineBreak;
    private int line = 1;

    private InputStream in;
    private final ByteBuffer bytes;
    private final CharsetDecoder decoder;
    private long bytesBefore;
    /** The line feeds in the bytes decoded so far, for the line of a bad byte. */
    private long lineFeedsBefore;
    private boolean endOfBytes;
    private boolean decoderFlushed;
    private long badByteOffset = -1;
    private long badByteLine;
    private boolean first = true;

    /** Whether this reads one chunk that is already decoded, see {@link #readChunk}. */
    private final boolean chunk;

    private CsvReader(String name, LongConsumer bytesRead) {
        this.name = name;
        this.bytesRead = bytesRead;
        this.chunk = false;
        this.buf = new char[CHAR_CHUNK];
        this.bytes = ByteBuffer.allocate(BYTE_CHUNK);
        this.decoder = Utf8.decoder();
    }

    private CsvReader(char[] chars, int length, boolean fileStart) {
        this.name = "";
        this.bytesRead = read -> { };
        this.chunk = true;
        this.buf = chars;
        this.bytes = null;
        this.decoder = null;
        this.limit = length;
        this.first = false;
        if (fileStart && length > 0 && chars[0] == Utf8.BYTE_ORDER_MARK) {
            pos = 1;
        }
    }

    /**
     * The problem of a CSV file without even a header row, as every reader of one reports it.
     *
     * @param source the file's name; not null
     * @return {@code name:1: no header row: the file is empty}
     */
    public static InputProblem emptyFile(String source) {
        return InputProblem.atLine(source, 1, "no header row: the file is empty");
    }

    /**
     * The problem of a record whose number of fields is not the header's, as every reader of a
     * CSV file reports it.
     *
     * @param source the file's name; not null
     * @param line the record's line
     * @param fields the record's number of fields
     * @param headerFields the header's
     * @return e.g. {@code name:7: row has 4 fields, the header has 5}
     */
    public static InputProblem fieldCount(String source, int line, int fields, int headerFields) {
        return InputProblem.atLine(source, line, "row has " + fields + " field" + (fields == 1 ? "" : "s")
                + ", the header has " + headerFields);
    }

    /**
     * Reads a file record by record.
     *
     * @param file the file; not null
     * @param handler receives the records; not null
     * @return how reading went
     */
    public static Outcome read(InputFile file, RecordHandler handler) {
        return read(file, read -> { }, handler);
    }

    /**
     * Reads a file record by record, telling how far it has come.
     *
     * @param file the file; not null
     * @param bytesRead told the number of bytes of each read from the file; not null
     * @param handler receives the records; not null
     * @return how reading went; a file that cannot be opened is unreadable
     */
    public static Outcome read(InputFile file, LongConsumer bytesRead, RecordHandler handler) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bytesRead, "bytesRead");
        Objects.requireNonNull(handler, "handler");
        String name = file.name();
        if (Files.isDirectory(file.path())) {
            return unreadable(InputProblem.inFile(name, "is a directory, not a CSV file"));
        }
        try (InputStream stream = Files.newInputStream(file.path())) {
            return read(stream, name, bytesRead, handler);
        } catch (NoSuchFileException e) {
            return unreadable(InputProblem.inFile(name, "no such file"));
        } catch (AccessDeniedException e) {
            return unreadable(InputProblem.inFile(name, "cannot be read: permission denied"));
        } catch (IOException e) {
            return unreadable(InputProblem.inFile(name, "cannot be read: " + e.getMessage()));
        } catch (UncheckedIOException e) {
            return unreadable(InputProblem.inFile(name, "cannot be read: " + e.getCause().getMessage()));
        }
    }

    /**
     * Reads a stream record by record, to its end; the caller closes it.
     *
     * @param in the bytes; not null
     * @param name what problems call the input; not null
     * @param bytesRead told the number of bytes of each read; not null
     * @param handler receives the records; not null
     * @return how reading went
     * @throws UncheckedIOException if reading the stream fails
     */
    public static Outcome read(InputStream in, String name, LongConsumer bytesRead, RecordHandler handler) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytesRead, "bytesRead");
        Objects.requireNonNull(handler, "handler");
        CsvReader reader = new CsvReader(name, bytesRead);
        reader.in = in;
        try {
            return reader.parse(handler);
        } catch (BadUtf8 e) {
            return unreadable(InputProblem.atLine(name, Math.toIntExact(reader.badByteLine),
                    Utf8.badBytes(reader.badByteOffset)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one chunk of a file, cut after a line break and decoded, as the records that reading
     * the whole file from its start gives there if a record starts at the chunk's start: the same
     * values, with lines counted from 1 at the chunk's start. For readers that read a file's
     * chunks side by side; a chunk whose quoting does not work out reports nothing, and its records
     * handed out so far count for nothing.
     *
     * @param chars the chunk's characters, as {@link Utf8#decoder()} decodes its bytes; not changed
     * @param length how many there are
     * @param fileStart whether the chunk starts the file, where a byte order mark is skipped
     * @param record the record to fill first; not null
     * @param handler receives the records; not null
     * @return how the chunk went
     */
    public static ChunkOutcome readChunk(char[] chars, int length, boolean fileStart, CsvRecord record,
            RecordHandler handler) {
        CsvReader reader = new CsvReader(chars, length, fileStart);
        long records = 0;
        CsvRecord next = record;
        try {
            while (reader.hasMore()) {
                next.begin(reader.line);
                while (reader.nextValue(next)) {
                    // values are added to the record
                }
                if (!next.isBlank()) {
                    records++;
                    next = handler.accept(next);
                }
            }
        } catch (MalformedQuoting e) {
            return new ChunkOutcome(false, records, reader.line - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChunkOutcome(true, records, reader.line - 1);
    }

    private static Outcome unreadable(InputProblem problem) {
        return new Outcome(false, false, 0, Optional.of(problem));
    }

    private Outcome parse(RecordHandler handler) throws IOException {
        CsvRecord record = new CsvRecord();
        long records = 0;
        Optional<List<String>> header = Optional.empty();
        if (hasMore()) {
            try {
                while (true) {
                    record.begin(line);
                    while (nextValue(record)) {
                        // values are added to the record
                    }
                    if (!record.isBlank()) {
                        if (header.isEmpty()) {
                            header = Optional.of(record.texts());
                        }
                        records++;
                        record = handler.accept(record);
                    }
                    if (closed || !hasMore()) {
                        break;
                    }
                }
            } catch (MalformedQuoting e) {
                Optional<String> column = header.isEmpty() || record.size() >= header.get().size() ? Optional.empty()
                        : Optional.of(header.get().get(record.size())).filter(text -> !text.isEmpty());
                String message = "malformed quoting: " + e.getMessage();
                int at = record.line();
                InputProblem problem = column.map(text -> InputProblem.atColumn(name, at, text, message))
                        .orElseGet(() -> InputProblem.atLine(name, at, message));
                // The rest is not parsed, but it must still be UTF-8.
                while (!closed) {
                    pos = limit;
                    fill();
                }
                return new Outcome(true, false, records, Optional.of(problem));
            }
        }
        return new Outcome(true, true, records, Optional.empty());
    }

    /** Adds the next value to the record; false at the end of the record (nothing added). */
    private boolean nextValue(CsvRecord record) throws IOException, MalformedQuoting {
        if (pendingLineBreak != 0 || closed) {
            if (!closed) {
                endLine();
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
            record.addEmpty();
            return true;
        }
        if (c == '\r' || c == '\n') {
            pendingLineBreak = c;
            record.addEmpty();
            return true;
        }
        if (c == '"') {
            quoted(record);
            return true;
        }
        if (c == ',') {
            record.addEmpty();
            return true;
        }
        record.startValue();
        record.append((char) c);
        outer:
        while (pos < limit || fill()) {
            int start = pos;
            int i = pos;
            int end = limit;
            char[] chars = buf;
            while (i < end) {
                char ch = chars[i];
                if (ch == ',' || ch == '\n' || ch == '\r') {
                    record.append(chars, start, i - start);
                    pos = i + 1;
                    if (ch != ',') {
                        pendingLineBreak = ch;
                    }
                    break outer;
                }
                i++;
            }
            record.append(chars, start, end - start);
            pos = end;
        }
        record.endUnquoted();
        return true;
    }

    private void quoted(CsvRecord record) throws IOException, MalformedQuoting {
        record.startValue();
        while (true) {
            if (pos >= limit && !fill()) {
                throw new MalformedQuoting(NOT_CLOSED);
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
            record.append(chars, start, i - start);
            pos = i;
            if (i == end) {
                continue;
            }
            char ch = chars[pos++];
            if (ch == '"') {
                if ((pos < limit || fill()) && buf[pos] == '"') {
                    record.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            record.append(ch);
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
                    pendingLineBreak = ch;
                    break;
                }
                continue;
            }
            throw new MalformedQuoting(TEXT_AFTER_QUOTE);
        }
        record.endQuoted();
    }

    /** Ends the line of a record: a {@code \r} and the {@code \n} after it are one line break. */
    private void endLine() throws IOException {
        if (pendingLineBreak == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
        pendingLineBreak = 0;
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
                    bytesRead.accept(read);
                }
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, out, endOfBytes);
            int consumed = bytes.position();
            lineFeedsBefore += Utf8.lineFeeds(bytes.array(), 0, consumed);
            if (result.isError()) {
                badByte(bytesBefore + consumed);
            }
            bytesBefore += consumed;
            bytes.compact();
            if (endOfBytes && bytes.position() == 0 && !result.isOverflow()) {
                if (!decoderFlushed) {
                    decoderFlushed = true;
                    if (decoder.flush(out).isError()) {
                        badByte(bytesBefore);
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
            if (buf[0] == Utf8.BYTE_ORDER_MARK) {
                pos = 1;
                if (limit == 1) {
                    return fill();
                }
            }
        }
        return true;
    }

    /** Stops the read at a bad byte, whose line is one more than the line feeds before it. */
    private void badByte(long offset) {
        badByteOffset = offset;
        badByteLine = lineFeedsBefore + 1;
        throw new BadUtf8();
    }
}

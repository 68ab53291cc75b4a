package org.crmkit.cli.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.crmkit.rules.io.CsvReader;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.Utf8;

/**
 * Reads one CSV file on several threads: a reader thread cuts the bytes into chunks after a line
 * break, and each worker decodes ({@link Utf8#decoder()}), parses ({@link CsvReader#readChunk}:
 * the one reader's quoting and trimming), checks and records whole chunks with a
 * {@link StreamTable} of its own, which sums into columns of its own for the caller to add up. The
 * chunks' problems are put together in file order, their lines counted on from the chunks before,
 * so that the file's problems are those of a read in file order: the same, in the same order,
 * the same first {@value FileProblems#KEPT} of each kind, and as many.
 *
 * <p>A line break does not end a row inside a quoted value, which only a read from the start can
 * tell. A chunk is therefore read as if a row started at its start, and the guess is checked: a
 * row starts at every chunk's start exactly when no chunk ends inside a quoted value (each chunk
 * read from a row's start, the first from the file's). When a chunk's quoting does not work out,
 * or its bytes are not UTF-8, or the file cannot be read, or the caller's check says so (ids that
 * may repeat, whose first line only file order tells), the read gives up, and the caller reads
 * the file in file order: that read finds and reports whatever went wrong, as before.
 */
final class ChunkedRead {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChunkedRead.class);

    /**
     * Bytes per chunk by default: large enough that a chunk's hand-over costs nothing, small enough
     * that a few in flight take little memory.
     */
    static final int CHUNK_BYTES = 1 << 20;

    /** A chunk: its number in the file and its bytes, from the start of a line to after a line break. */
    private record Chunk(long number, byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(-1, new byte[0], 0);

    /** What a worker found in a chunk, waiting for the chunks before it. */
    private record Done(FileProblems problems, CsvReader.ChunkOutcome outcome) {
    }

    private final InputFile file;
    private final int chunkBytes;
    private final ReadProgress progress;
    private final BooleanSupplier giveUp;
    private final BlockingQueue<Chunk> full = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> free;
    private volatile boolean stopped;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** The problems of the chunks put together so far, and where the next chunk starts; guarded by this. */
    private final FileProblems found = new FileProblems();
    private final Map<Long, Done> waiting = new HashMap<>();
    private long next;
    private int lines;
    private long rows;

    private ChunkedRead(InputFile file, int threads, int chunkBytes, ReadProgress progress, BooleanSupplier giveUp) {
        this.file = file;
        this.chunkBytes = chunkBytes;
        this.progress = progress;
        this.giveUp = giveUp;
        // Two chunks per worker in flight, one being filled: memory stays a few chunks whatever the file.
        int buffers = 2 * threads + 1;
        this.free = new ArrayBlockingQueue<>(buffers);
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[chunkBytes]);
        }
    }

    /**
     * Reads a file with one table per thread.
     *
     * @param file the file
     * @param tables one per thread, none used yet; the first reads the header
     * @param problems where the file's problems go, if the read does not give up
     * @param chunkBytes bytes per chunk (a chunk grows to hold a longer line)
     * @param progress told of the bytes read, on the reader thread
     * @param giveUp asked after each chunk whether to give up (true) and let the file be read in file order
     * @return whether the file was read; if not, nothing went to {@code problems}, and what the
     *     tables summed up counts for nothing
     */
    static boolean read(InputFile file, List<? extends StreamTable> tables, FileProblems problems, int chunkBytes,
            ReadProgress progress, BooleanSupplier giveUp) {
        ChunkedRead read = new ChunkedRead(file, tables.size(), chunkBytes, progress, giveUp);
        if (!read.run(tables)) {
            LOG.debug("read {} again in file order", file);
            return false;
        }
        problems.append(read.found, 0);
        return true;
    }

    private boolean run(List<? extends StreamTable> tables) {
        InputStream in;
        try {
            in = Files.newInputStream(file.path());
        } catch (IOException | RuntimeException e) {
            return false;
        }
        Thread reader = new Thread(() -> guarded(() -> cut(in)), "crm-read");
        reader.setDaemon(true);
        reader.start();
        List<Thread> workers = new ArrayList<>();
        try {
            StreamTable first = tables.get(0);
            Worker own = new Worker(first);
            // The header first, in file order, for every table to take.
            Chunk chunk = END;
            while (!first.headerRead() && (chunk = take()) != END) {
                own.read(chunk);
            }
            if (chunk != END) {
                for (int i = 1; i < tables.size(); i++) {
                    StreamTable table = tables.get(i);
                    table.sameHeaderAs(first);
                    Thread worker = new Thread(() -> new Worker(table).run(), "crm-read-" + i);
                    worker.setDaemon(true);
                    workers.add(worker);
                    worker.start();
                }
                own.run();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (stopped) {
                // Workers that failed take no more chunks and give back no buffers: the reader may
                // wait for one for ever.
                reader.interrupt();
            }
            reader.join();
        } catch (InterruptedException e) {
            stopped = true;
            reader.interrupt();
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        } catch (RuntimeException | Error e) {
            stopped = true;
            reader.interrupt();
            workers.forEach(Thread::interrupt);
            throw e;
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", file, e.getMessage());
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (stopped) {
            return false;
        }
        synchronized (this) {
            if (rows == 0) {
                found.header(CsvReader.emptyFile(file.name()));
            }
        }
        return true;
    }

    /** What a thread of the read does. */
    @FunctionalInterface
    private interface Task {
        void run() throws IOException, InterruptedException;
    }

    /**
     * Runs a thread's task: what goes wrong stops the read, and a failure other than reading the
     * file is kept for the caller, so that it is thrown there; reading the file fails again, and
     * is reported, in the read in file order.
     */
    private void guarded(Task task) {
        try {
            task.run();
        } catch (IOException e) {
            stopped = true;
        } catch (InterruptedException e) {
            stopped = true;
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            stopped = true;
        }
    }

    /** The reader thread: cuts the file into chunks after their last line break, in order. */
    private void cut(InputStream in) throws IOException, InterruptedException {
        try {
            byte[] buffer = free.take();
            int filled = 0;
            long number = 0;
            boolean end = false;
            while (!stopped) {
                while (filled < buffer.length && !end) {
                    int read = in.read(buffer, filled, buffer.length - filled);
                    if (read < 0) {
                        end = true;
                    } else {
                        filled += read;
                        progress.bytesRead(read);
                    }
                }
                if (end) {
                    if (filled > 0) {
                        full.add(new Chunk(number, buffer, filled));
                    }
                    break;
                }
                int cut = filled;
                while (cut > 0 && buffer[cut - 1] != '\n') {
                    cut--;
                }
                if (cut == 0) {
                    // A line longer than a chunk: the chunk grows until it holds a line break.
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    continue;
                }
                byte[] following = free.take();
                if (following.length < filled - cut + 1) {
                    following = new byte[buffer.length];
                }
                System.arraycopy(buffer, cut, following, 0, filled - cut);
                full.add(new Chunk(number++, buffer, cut));
                buffer = following;
                filled -= cut;
            }
        } finally {
            full.add(END);
        }
    }

    private Chunk take() throws InterruptedException {
        Chunk chunk = full.take();
        if (chunk == END) {
            // For the other workers too.
            full.add(END);
        }
        return chunk;
    }

    /** Reads chunks with one table until the end of the file, or until the read gives up. */
    private final class Worker {
        private final StreamTable table;
        private final CharsetDecoder decoder = Utf8.decoder();
        private char[] chars = new char[0];

        Worker(StreamTable table) {
            this.table = table;
        }

        void run() {
            guarded(() -> {
                for (Chunk chunk = take(); chunk != END; chunk = take()) {
                    read(chunk);
                }
            });
        }

        void read(Chunk chunk) throws InterruptedException {
            int length;
            try {
                length = stopped ? -1 : decode(chunk);
            } finally {
                // The bytes are no longer needed, decoded or not: the reader fills them again.
                free.put(chunk.bytes());
            }
            if (length < 0) {
                stopped = true;
                return;
            }
            FileProblems problems = new FileProblems();
            CsvReader.ChunkOutcome outcome = table.readChunk(chars, length, chunk.number() == 0, problems);
            if (!outcome.wellFormed() || giveUp.getAsBoolean()) {
                stopped = true;
                return;
            }
            done(chunk.number(), new Done(problems, outcome));
        }

        /** @return the characters decoded into {@link #chars}, or -1 when the bytes are not UTF-8 */
        private int decode(Chunk chunk) {
            if (chars.length < chunk.length()) {
                chars = new char[Math.max(chunk.length(), chunkBytes)];
            }
            CharBuffer out = CharBuffer.wrap(chars);
            decoder.reset();
            if (decoder.decode(ByteBuffer.wrap(chunk.bytes(), 0, chunk.length()), out, true).isError()
                    || decoder.flush(out).isError()) {
                return -1;
            }
            return out.position();
        }
    }

    /** Puts a chunk's problems after those of the chunks before it, once they are all in. */
    private synchronized void done(long number, Done done) {
        waiting.put(number, done);
        for (Done in = waiting.remove(next); in != null; in = waiting.remove(next)) {
            found.append(in.problems(), lines);
            lines += in.outcome().lines();
            rows += in.outcome().records();
            next++;
        }
    }
}

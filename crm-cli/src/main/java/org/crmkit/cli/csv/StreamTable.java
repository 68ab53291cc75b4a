package org.crmkit.cli.csv;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.io.CsvReader;
import org.crmkit.rules.io.CsvRecord;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;

/**
 * One CSV file read row by row through crmkit's one reader ({@link CsvReader}), with the checks
 * of {@link CsvTable}: the header names every required column once, and every row has as many
 * fields as the header. Rows that pass go to {@link #record}; the values' problems are reported
 * with {@link #problem}, with the same file, line, column and message as {@link Cells}. Not
 * thread-safe.
 */
abstract class StreamTable implements CsvReader.RecordHandler {
    private final List<String> required;
    private final List<String> optional;
    protected final String name;
    /** Where the problems go: the file's, or while a chunk is read, the chunk's. */
    protected FileProblems problems;
    private int headerSize = -1;
    private boolean usable;
    private boolean fieldsComplete = true;
    private boolean readable;
    private Map<String, Integer> columns = Map.of();
    /** What the memory loads of {@link #prefetch} overlap into; read by nothing. */
    protected long touched;
    /** Whether the current row's values were all good so far. */
    protected boolean ok;
    protected int line;
    /**
     * What {@link #prefetch} found for the current row: the hashes of two of its ids (0 when not
     * plain) and its customer (-1 when unknown); 0, 0 and -1 for a table that does not batch.
     */
    protected long hash0;
    protected long hash1;
    protected int customer = -1;

    /** Rows handed to {@link #record} at once, after {@link #prefetch}; 1 for one at a time. */
    private final int batchSize;
    /** Batches in circulation between the parsing and the recording thread. */
    private static final int BATCHES = 8;
    private static final Batch END = new Batch(0);
    private BlockingQueue<Batch> full;
    private BlockingQueue<Batch> free;
    /** The batch the parsing thread fills. */
    private Batch filling;
    /** The batch of a chunk being read ({@link #readChunk}), recorded on the same thread when full; else null. */
    private Batch chunkBatch;

    /**
     * Rows parsed and checked against the header, for the recording thread, with what
     * {@link #prefetch} finds for each.
     */
    static final class Batch {
        final CsvRecord[] rows;
        /** Per row: scratch of {@link #prefetch}, see {@link StreamTable#hash0}. */
        final long[] hash0;
        final long[] hash1;
        final int[] customer;
        int count;

        Batch(int size) {
            rows = new CsvRecord[size];
            hash0 = new long[size];
            hash1 = new long[size];
            customer = new int[size];
            for (int i = 0; i < size; i++) {
                rows[i] = new CsvRecord();
            }
        }
    }

    /** The row {@link #values} views. */
    private CsvRecord valuesRow;
    private final RowValues rowValues = new RowValues() {
        @Override
        public <T> Optional<T> required(String column, Parser<T> parser) {
            int index = column(column);
            return present(valuesRow, index, column) ? parse(valuesRow, index, column, parser) : Optional.empty();
        }

        @Override
        public <T> Optional<T> optional(String column, Parser<T> parser) {
            int index = column(column);
            return isEmpty(valuesRow, index) ? Optional.empty() : parse(valuesRow, index, column, parser);
        }

        @Override
        public Optional<String> optionalText(String column) {
            int index = column(column);
            return isEmpty(valuesRow, index) ? Optional.empty() : Optional.of(valuesRow.text(index));
        }

        @Override
        public void problem(String column, String message) {
            StreamTable.this.problem(column, message);
        }

        @Override
        public boolean ok() {
            return ok;
        }
    };

    StreamTable(InputFile file, FileProblems problems, List<String> required, List<String> optional) {
        this(file, problems, required, optional, 1);
    }

    /**
     * @param batchSize rows kept before they are recorded, so that {@link #prefetch} can start the
     *     memory loads of all of them at once instead of waiting for each in turn
     */
    StreamTable(InputFile file, FileProblems problems, List<String> required, List<String> optional, int batchSize) {
        this.name = file.name();
        this.problems = problems;
        this.required = required;
        this.optional = optional;
        this.batchSize = batchSize;
    }

    /**
     * Reads the file.
     *
     * @return whether it was read completely: readable, a usable header, no malformed quoting and
     *     no row with the wrong number of fields (a check across files trusts only such a file)
     */
    boolean read(InputFile file, ReadProgress progress) {
        CsvReader.Outcome outcome = batchSize == 1 ? CsvReader.read(file, progress::bytesRead, this)
                : readOnTwoThreads(file, progress);
        readable = outcome.readable();
        outcome.problem().ifPresent(problem -> {
            if (outcome.readable()) {
                problems.quoting(problem);
            } else {
                // Unreadable: the file counts as absent, whatever its rows gave before.
                problems.replaceAll(problem);
            }
        });
        if (outcome.readable() && outcome.complete() && outcome.records() == 0) {
            problems.header(CsvReader.emptyFile(name));
        }
        return outcome.readable() && outcome.complete() && usable && fieldsComplete;
    }

    /**
     * Reads one chunk of the file on this thread, for {@link ChunkedRead}: parses, checks and
     * records its rows in batches as {@link #read} does, its problems going to the chunk's own.
     * The first table to read the file takes its header from the first chunks; the others are
     * given it by {@link #sameHeaderAs}.
     *
     * @param chars the chunk, decoded
     * @param length its characters
     * @param fileStart whether it starts the file
     * @param chunkProblems where the chunk's problems go, with lines counted from its start
     * @return how the chunk went
     */
    CsvReader.ChunkOutcome readChunk(char[] chars, int length, boolean fileStart, FileProblems chunkProblems) {
        problems = chunkProblems;
        if (chunkBatch == null) {
            chunkBatch = new Batch(Math.max(batchSize, 1));
        }
        CsvReader.ChunkOutcome outcome = CsvReader.readChunk(chars, length, fileStart,
                chunkBatch.rows[chunkBatch.count], this);
        recordChunkBatch();
        return outcome;
    }

    /** @return whether the header row was read */
    boolean headerRead() {
        return headerSize >= 0;
    }

    /**
     * Takes the header of a table that read it, for a table that reads later chunks of the same file.
     *
     * @param first the table that read the header
     */
    void sameHeaderAs(StreamTable first) {
        headerSize = first.headerSize;
        usable = first.usable;
        columns = first.columns;
        started();
    }

    private void recordChunkBatch() {
        recordBatch(chunkBatch);
    }

    private void recordBatch(Batch batch) {
        prefetch(batch);
        for (int i = 0; i < batch.count; i++) {
            hash0 = batch.hash0[i];
            hash1 = batch.hash1[i];
            customer = batch.customer[i];
            recordOne(batch.rows[i]);
        }
        batch.count = 0;
    }

    /**
     * @return whether the file could be read and decoded; when not, it counts as absent, and the
     *     rows seen before the problem was found count for nothing
     */
    boolean readable() {
        return readable;
    }

    @Override
    public final CsvRecord accept(CsvRecord row) {
        if (headerSize < 0) {
            header(row);
            if (chunkBatch != null) {
                return chunkBatch.rows[chunkBatch.count];
            }
            if (batchSize > 1) {
                filling = take(free);
                return filling.rows[0];
            }
            return row;
        }
        if (!usable) {
            return row;
        }
        if (row.size() != headerSize) {
            problems.fields(CsvReader.fieldCount(name, row.line(), row.size(), headerSize));
            fieldsComplete = false;
            return row;
        }
        if (chunkBatch != null) {
            // The row is the batch's next one, as in a batch of the parsing thread below.
            chunkBatch.count++;
            if (chunkBatch.count == chunkBatch.rows.length) {
                recordChunkBatch();
            }
            return chunkBatch.rows[chunkBatch.count];
        }
        if (batchSize == 1) {
            recordOne(row);
            return row;
        }
        // The row is the batch's next one, which the previous call handed out to be filled.
        filling.count++;
        if (filling.count == batchSize) {
            put(full, filling);
            filling = take(free);
        }
        return filling.rows[filling.count];
    }

    /**
     * Parses on a thread of its own while this one records: the parsing thread decodes, splits and
     * checks rows against the header and hands them over in batches; this thread runs
     * {@link #prefetch} and {@link #record} on each batch in file order.
     */
    private CsvReader.Outcome readOnTwoThreads(InputFile file, ReadProgress progress) {
        full = new ArrayBlockingQueue<>(BATCHES + 1);
        free = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch(batchSize));
        }
        AtomicReference<CsvReader.Outcome> outcome = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread parser = new Thread(() -> {
            try {
                outcome.set(CsvReader.read(file, progress::bytesRead, this));
                if (filling != null && filling.count > 0) {
                    put(full, filling);
                }
            } catch (RuntimeException | Error e) {
                failure.set(e);
            } finally {
                full.add(END);
            }
        }, "crm-read");
        parser.setDaemon(true);
        parser.start();
        try {
            for (Batch batch = full.take(); batch != END; batch = full.take()) {
                recordBatch(batch);
                free.put(batch);
            }
            parser.join();
        } catch (InterruptedException e) {
            parser.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + name, e);
        } catch (RuntimeException | Error e) {
            parser.interrupt();
            throw e;
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        return outcome.get();
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading stopped", e);
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading stopped", e);
        }
    }

    private void recordOne(CsvRecord row) {
        ok = true;
        line = row.line();
        record(row);
    }

    /**
     * Called with each batch before its rows are recorded: computes what the rows need into the
     * batch's scratch and touches the memory their records will use, so that the loads overlap.
     *
     * @param batch the batch, its rows and their scratch
     */
    void prefetch(Batch batch) {
    }

    /** Reads a row whose fields line up with the header. */
    abstract void record(CsvRecord row);

    /** @return the column's index in the file, or -1 when the file does not have it */
    int column(String column) {
        return columns.getOrDefault(column, -1);
    }

    /** @return whether the value is empty; a column the file does not have is always empty */
    static boolean isEmpty(CsvRecord row, int column) {
        return column < 0 || row.length(column) == 0;
    }

    /** Reports a problem with a value of the current row. */
    void problem(String column, String message) {
        problems.value(InputProblem.atColumn(name, line, column, message));
        ok = false;
    }

    /** Reports a problem with the current row as a whole, not with one of its columns. */
    void rowProblem(String message) {
        problems.value(InputProblem.atLine(name, line, message));
        ok = false;
    }

    /**
     * The row's values by column name, for readers that turn rows into records as {@link Cells}
     * does for a table read whole. One view serves every row: use it before the next row comes.
     *
     * @param row the current row
     * @return its values
     */
    RowValues values(CsvRecord row) {
        valuesRow = row;
        return rowValues;
    }

    /** Reports "required value is empty" when the value is; returns whether it is there. */
    boolean present(CsvRecord row, int index, String column) {
        if (isEmpty(row, index)) {
            problem(column, "required value is empty");
            return false;
        }
        return true;
    }

    /**
     * Parses a value the full way, reporting a bad one.
     *
     * @return the value, or empty when it is bad (reported)
     */
    <T> Optional<T> parse(CsvRecord row, int index, String column, RowValues.Parser<T> parser) {
        try {
            return Optional.of(parser.parse(row.text(index)));
        } catch (InvalidValueException e) {
            problem(column, e.getMessage());
            return Optional.empty();
        }
    }

    /** Checks an optional value the full way when it is there. */
    void optional(CsvRecord row, String column, RowValues.Parser<?> parser) {
        int index = column(column);
        if (!isEmpty(row, index)) {
            parse(row, index, column, parser);
        }
    }

    /**
     * Checks an id: the fast form, else crm-core's check.
     *
     * @return whether the id is valid (a bad one is reported)
     */
    boolean validId(CsvRecord row, int index, String column, RowValues.Parser<?> check) {
        if (FastValues.isPlainId(row.chars(), row.start(index), row.end(index))) {
            return true;
        }
        return parse(row, index, column, check).isPresent();
    }

    /**
     * Checks an id whose {@link FastValues#plainIdHash} is known.
     *
     * @param plainHash the id's plain hash, 0 when it is not plain
     * @return its hash if valid (a bad one is reported), else 0
     */
    long validId(CsvRecord row, int index, String column, RowValues.Parser<?> check, long plainHash) {
        if (plainHash != 0) {
            return plainHash;
        }
        if (parse(row, index, column, check).isEmpty()) {
            return 0;
        }
        return FastValues.hash(row.chars(), row.start(index), row.end(index));
    }

    private void header(CsvRecord row) {
        headerSize = row.size();
        Optional<Map<String, Integer>> found = Header.columns(name, row.line(), row.texts(), required, optional,
                problems::header);
        usable = found.isPresent();
        columns = found.orElse(Map.of());
        started();
    }

    /** Called once the header is read, for the column indexes. */
    abstract void started();
}

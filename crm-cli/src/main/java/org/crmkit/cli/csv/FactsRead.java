package org.crmkit.cli.csv;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.facts.ActivityFacts;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.ExchangeRates;
import org.crmkit.rules.io.CsvRecord;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;

/**
 * One read of the customer files for one facts query: every row of {@code customers.csv},
 * {@code orders.csv}, {@code interactions.csv} and {@code surveys.csv} validated as {@link CsvImport}
 * validates it (the same checks, messages and order of problems) and summed up into
 * {@link CustomerColumns}, and into {@link HistoryColumns} when the query asks for the purchase
 * history or the window's activity, as it streams by. Each file is read once; a file with suspected
 * duplicate ids (or survey moments) once more, for those only. The case files, when given, are read
 * whole with {@link CsvImport}'s readers right after the customers, whom their customers are checked
 * against; their problems come first, as {@code crm sla} reports them. Not thread-safe; use once.
 */
final class FactsRead {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FactsRead.class);
    /** Fewer bytes than any row that passes the checks: the ids, a day, an amount and a currency. */
    private static final int MIN_ROW_BYTES = 24;

    /**
     * The case files of a read; read whole, since they are few beside the customers.
     *
     * @param complaints {@code complaints.csv}
     * @param events {@code complaint_events.csv}
     * @param histories checks each case's history
     */
    record CaseFiles(InputFile complaints, InputFile events, CaseHistoryCheck histories) {
    }

    /** What a read found: the columns, the currency of the amounts, counts, the cases and the warnings. */
    static final class Result {
        final CustomerColumns customers;
        final Optional<HistoryColumns> history;
        final Currency currency;
        final int scale;
        final long orders;
        final long ordersAfterAsOf;
        final Optional<ImportedCases> cases;
        /** The first {@value FileProblems#KEPT} warnings of the orders file, in file order, and how many there are. */
        final List<InputProblem> warnings;
        final long warningCount;

        private Result(FactsRead read, FileProblems orderProblems) {
            customers = read.customers;
            history = Optional.ofNullable(read.history);
            currency = read.currency;
            scale = read.scale;
            orders = read.orders;
            ordersAfterAsOf = read.ordersAfterAsOf;
            cases = read.cases;
            List<InputProblem> first = new ArrayList<>();
            orderProblems.appendWarningsTo(first, FileProblems.KEPT);
            warnings = List.copyOf(first);
            warningCount = orderProblems.warnings();
        }
    }

    private final Optional<InputFile> customersFile;
    private final InputFile ordersFile;
    private final Optional<InputFile> interactionsFile;
    private final Optional<InputFile> surveysFile;
    private final Optional<CaseFiles> caseFiles;
    private final boolean customersFromOrders;
    private final ReadProgress progress;
    /** Threads that read the orders and interactions side by side, where they can; 1 for file order. */
    private final int threads;
    private final int chunkBytes;

    private final CustomerColumns customers = new CustomerColumns();
    /** The history and activity, when the query asks for either; else null. */
    private HistoryColumns history;
    private final boolean activity;
    private final Categories categories;
    /** The currency of the amounts: the query's, or with customers from orders the first order's (null until read). */
    private Currency currency;
    /** Decimals of the currency; -1 while it is not known. */
    private int scale;
    /** The rates that convert orders in other currencies into the query's; none with customers from orders. */
    private final ExchangeRates exchangeRates;
    /** Whether {@link #exchangeRates} convert any currency. */
    private final boolean converts;
    private final int asOf;
    private final int windowStart;
    private final int windowEnd;
    private final int laterHalfStart;
    private final int[] quarterStart = new int[MetricsQuery.ACTIVE_QUARTER_LOOKBACK];
    private final int[] quarterEnd = new int[MetricsQuery.ACTIVE_QUARTER_LOOKBACK];
    private final ZoneId zone;
    private final ZoneRules zoneRules;
    private final int fixedOffset;
    private boolean customersTrusted;
    private long orders;
    private long ordersAfterAsOf;
    private Optional<ImportedCases> cases = Optional.empty();
    /** The files read in chunks side by side so far, for tests to tell which way a read went. */
    private int filesInChunks;

    /**
     * How the orders and interactions files are read side by side, where they can be.
     *
     * @param threads threads that read a file's chunks; 1 reads in file order
     * @param chunkBytes bytes per chunk; a file no larger is read in file order
     */
    record Split(int threads, int chunkBytes) {
        /** The available processors, at most {@value #MAX_THREADS}, in chunks of {@value ChunkedRead#CHUNK_BYTES} bytes. */
        static final Split DEFAULT = new Split(Math.min(Runtime.getRuntime().availableProcessors(), Split.MAX_THREADS),
                ChunkedRead.CHUNK_BYTES);
        /** Each thread sums into columns of its own, about 32 bytes per customer: a few are enough. */
        static final int MAX_THREADS = 4;

        /** Checks the numbers. */
        Split {
            if (threads < 1 || chunkBytes < 1) {
                throw new IllegalArgumentException("threads and chunk bytes must be positive: " + threads + ", "
                        + chunkBytes);
            }
        }
    }

    /**
     * @param customers {@code customers.csv}; absent only with {@code customersFromOrders}
     * @param customersFromOrders whether the customers are those of the orders, each created on the
     *     day of its first order, all orders in one currency, any ({@code crm clv}); the customers
     *     file then only checks that the orders' customers exist
     * @param split how the orders and interactions are read side by side
     */
    FactsRead(Optional<InputFile> customers, InputFile orders, Optional<InputFile> interactions, Optional<InputFile> surveys,
            Optional<CaseFiles> caseFiles, boolean customersFromOrders, FactsQuery query, ReadProgress progress,
            Split split) {
        this.threads = split.threads();
        this.chunkBytes = split.chunkBytes();
        this.customersFile = customers;
        this.ordersFile = orders;
        this.interactionsFile = interactions;
        this.surveysFile = surveys;
        this.caseFiles = caseFiles;
        this.customersFromOrders = customersFromOrders;
        this.progress = progress;
        MetricsQuery metrics = query.metrics();
        this.activity = query.wants(FactGroup.ACTIVITY);
        this.categories = new Categories(query);
        this.currency = customersFromOrders ? null : metrics.currency();
        this.scale = customersFromOrders ? -1 : Math.max(currency.getDefaultFractionDigits(), 0);
        this.exchangeRates = customersFromOrders ? ExchangeRates.none() : metrics.exchangeRates();
        this.converts = !customersFromOrders && metrics.convertsCurrencies();
        this.asOf = (int) metrics.asOf().toEpochDay();
        this.windowStart = (int) metrics.window().start().toEpochDay();
        this.windowEnd = (int) metrics.window().end().toEpochDay();
        this.laterHalfStart = (int) ActivityFacts.laterHalfStart(metrics.window()).toEpochDay();
        for (int i = 0; i < quarterStart.length; i++) {
            DateWindow quarter = metrics.quarter(i);
            quarterStart[i] = (int) quarter.start().toEpochDay();
            quarterEnd[i] = (int) quarter.end().toEpochDay();
        }
        this.zone = metrics.zone();
        this.zoneRules = zone.getRules();
        this.fixedOffset = zoneRules.isFixedOffset() ? zoneRules.getOffset(Instant.EPOCH).getTotalSeconds()
                : Integer.MIN_VALUE;
        if (query.wants(FactGroup.HISTORY) || activity) {
            history = new HistoryColumns(0, surveys.isPresent());
        }
    }

    /**
     * Reads the files.
     *
     * @return the customers with their sums
     * @throws CsvImportException listing the first problems of every file, and how many there are
     */
    Result run() {
        List<FileProblems> all = new ArrayList<>();
        long started = System.nanoTime();
        customersFile.ifPresent(file -> {
            FileProblems customerProblems = new FileProblems();
            all.add(customerProblems);
            progress.file(file, "reading");
            customersTrusted = new CustomerReader(file, customerProblems).read(file, progress);
            LOG.debug("read {} customers from {} in {} ms", customers.size(), file, millis(started));
        });
        if (history != null) {
            history.grow(customers.size());
        }
        Problems caseProblems = new Problems();
        caseFiles.ifPresent(files -> readCases(files, caseProblems));

        FileProblems orderProblems = new FileProblems();
        all.add(orderProblems);
        progress.file(ordersFile, "reading");
        if (!inChunks(ordersFile, orderProblems, (problems, ids, sums) -> new OrderReader(ordersFile, problems, ids,
                sums))) {
            DuplicateIds orderIds = new DuplicateIds();
            OrderReader reader = new OrderReader(ordersFile, orderProblems, orderIds, customers);
            reader.read(ordersFile, progress);
            reader.addCounts();
            confirm(ordersFile, orderProblems, orderIds, OrderReader.ID, PurchaseId::of);
        }
        if (history != null) {
            history.countPairs();
        }
        LOG.debug("read {} in {} ms", ordersFile, millis(started));

        interactionsFile.ifPresent(file -> {
            FileProblems interactionProblems = new FileProblems();
            all.add(interactionProblems);
            progress.file(file, "reading");
            if (!inChunks(file, interactionProblems, (problems, ids, sums) -> new InteractionReader(file, problems,
                    ids, sums))) {
                DuplicateIds interactionIds = new DuplicateIds();
                new InteractionReader(file, interactionProblems, interactionIds, customers).read(file, progress);
                confirm(file, interactionProblems, interactionIds, InteractionReader.ID, InteractionId::of);
            }
            LOG.debug("read {} in {} ms", file, millis(started));
        });

        surveysFile.ifPresent(file -> {
            FileProblems surveyProblems = new FileProblems();
            all.add(surveyProblems);
            DuplicateIds moments = new DuplicateIds();
            progress.file(file, "reading");
            new SurveyReader(file, surveyProblems, moments).read(file, progress);
            confirmMoments(file, surveyProblems, moments);
            LOG.debug("read {} in {} ms", file, millis(started));
        });

        List<InputProblem> caseList = caseProblems.list();
        long total = caseList.size() + all.stream().mapToLong(FileProblems::count).sum();
        if (total > 0) {
            List<InputProblem> first = new ArrayList<>(caseList);
            int max = caseList.size() + FileProblems.KEPT;
            for (FileProblems problems : all) {
                if (caseFiles.isEmpty()) {
                    problems.appendTo(first, max);
                } else {
                    // With cases, the problems of each file come by line, as CsvImport.readCases sorts them.
                    List<InputProblem> kept = new ArrayList<>();
                    problems.appendTo(kept, Integer.MAX_VALUE);
                    kept.sort(Comparator.comparingInt(InputProblem::line));
                    kept.stream().limit(Math.max(0, max - first.size())).forEach(first::add);
                }
            }
            throw new CsvImportException(first, total);
        }
        return new Result(this, orderProblems);
    }

    /** Makes the table of one thread of a chunked read. */
    @FunctionalInterface
    private interface ChunkTable {
        SummingTable create(FileProblems problems, Fingerprints ids, CustomerColumns sums);
    }

    /**
     * Reads an orders or interactions file in chunks on {@link #threads} threads, each summing into
     * columns of its own, added up at the end, when the read allows it: the metrics alone, of the
     * customers of the customers file (whom a read does not add to), and a file larger than a chunk.
     *
     * @return whether the file was read so; if not, nothing was reported or summed, and the caller
     *     reads it in file order (as it does when ids repeat, or the chunks do not work out)
     */
    private boolean inChunks(InputFile file, FileProblems problems, ChunkTable tables) {
        long size = size(file);
        if (threads < 2 || customersFromOrders || history != null || size <= chunkBytes) {
            return false;
        }
        SharedFingerprints ids = new SharedFingerprints(estimatedRows(file, size));
        List<SummingTable> readers = new ArrayList<>();
        // Each table sums apart, even the first: a read that gives up must leave the read's columns as they were.
        for (int i = 0; i < threads; i++) {
            readers.add(tables.create(new FileProblems(), ids, customers.emptySums()));
        }
        if (!ChunkedRead.read(file, readers, problems, chunkBytes, progress, ids::repeated)) {
            return false;
        }
        for (SummingTable reader : readers) {
            customers.addSums(reader.sums, scale);
            reader.addCounts();
        }
        filesInChunks++;
        return true;
    }

    /** @return how many files were read in chunks side by side so far, not in file order */
    int filesInChunks() {
        return filesInChunks;
    }

    /** About how many rows a file has, from the line breaks in its first bytes; 0 if it cannot be read. */
    private static long estimatedRows(InputFile file, long size) {
        byte[] start = new byte[1 << 16];
        int read = 0;
        try (InputStream in = Files.newInputStream(file.path())) {
            for (int n = 0; n >= 0 && read < start.length; n = in.read(start, read, start.length - read)) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            // The read reports what is wrong with the file.
            return 0;
        }
        int lines = 1;
        for (int i = 0; i < read; i++) {
            lines += start[i] == '\n' ? 1 : 0;
        }
        // A start of blank or very short lines must not size the tables for more rows than the
        // file can hold: a row with an id, a customer, a day, an amount and a currency is longer.
        return read == 0 ? 0 : size / Math.max(MIN_ROW_BYTES, read / lines);
    }

    private static long size(InputFile file) {
        try {
            return Files.size(file.path());
        } catch (IOException | RuntimeException e) {
            // The read in file order reports what is wrong with it.
            return -1;
        }
    }

    /** A table of orders or interactions: it sums into columns, its own or the read's, and counts orders. */
    private abstract class SummingTable extends StreamTable {
        final Fingerprints ids;
        /** Where the rows are summed up: the read's customers, or sums of the table's own. */
        final CustomerColumns sums;
        long orders;
        long ordersAfterAsOf;

        SummingTable(InputFile file, FileProblems problems, List<String> required, List<String> optional,
                Fingerprints ids, CustomerColumns sums) {
            super(file, problems, required, optional, BATCH);
            this.ids = ids;
            this.sums = sums;
        }

        /** Adds the orders counted to the read's. */
        void addCounts() {
            FactsRead.this.orders += orders;
            FactsRead.this.ordersAfterAsOf += ordersAfterAsOf;
        }
    }

    /**
     * The case files, read whole as {@code crm sla} reads them, their customers checked against the
     * customers just read; their problems sorted by file and line, before those of the other files.
     */
    private void readCases(CaseFiles files, Problems problems) {
        String customersName = customersFile.map(InputFile::name).orElse("");
        CustomerCheck check = new CustomerCheck(id -> {
            char[] c = id.value().toCharArray();
            return customers.find(c, 0, c.length, FastValues.hash(c, 0, c.length)) >= 0;
        }, customersName, customersTrusted);
        ImportedCases imported = CsvImport.readCaseFiles(files.complaints(), files.events(), Optional.of(check),
                Optional.empty(), files.histories(), problems);
        List<String> order = List.of(files.complaints().name(), files.events().name());
        problems.sort(Comparator.<InputProblem>comparingInt(problem -> order.indexOf(problem.source()))
                .thenComparingInt(InputProblem::line));
        cases = Optional.of(imported);
        LOG.debug("read {} cases", imported.cases().size());
    }

    /** Rows per batch of the orders and interactions files; see {@link #prefetch}. */
    private static final int BATCH = 64;

    /**
     * For a batch of orders or interactions: hashes the row's id and customer id, starts the loads
     * of their index slots for all rows at once, then finds each row's customer and starts the
     * loads of its sums, so that ten million rows do not wait for memory one load at a time.
     */
    private long prefetch(StreamTable.Batch batch, int id, int customerId, Fingerprints ids, CustomerColumns sums) {
        CsvRecord[] rows = batch.rows;
        long[] hash0 = batch.hash0;
        long[] hash1 = batch.hash1;
        int[] found = batch.customer;
        int count = batch.count;
        for (int i = 0; i < count; i++) {
            CsvRecord row = rows[i];
            char[] c = row.chars();
            hash0[i] = id < 0 ? 0 : FastValues.plainIdHash(c, row.start(id), row.end(id));
            hash1[i] = customerId < 0 ? 0 : FastValues.plainIdHash(c, row.start(customerId), row.end(customerId));
        }
        // Loads only, nothing between them to wait for: the memory system serves them side by side.
        long sink = 0;
        for (int i = 0; i < count; i++) {
            sink += ids.touch(hash0[i]) + customers.touch(hash1[i]);
        }
        for (int i = 0; i < count; i++) {
            CsvRecord row = rows[i];
            int customer = -1;
            if (customerId >= 0 && row.length(customerId) > 0) {
                long hash = hash1[i] != 0 ? hash1[i]
                        : FastValues.hash(row.chars(), row.start(customerId), row.end(customerId));
                customer = customers.find(row.chars(), row.start(customerId), row.end(customerId), hash);
            }
            found[i] = customer;
        }
        for (int i = 0; i < count; i++) {
            sink += sums.touchSums(found[i]);
        }
        if (history != null) {
            for (int i = 0; i < count; i++) {
                sink += history.touch(found[i]);
            }
        }
        return sink;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** The second look at a file whose ids had fingerprints in common, to tell true duplicates. */
    private void confirm(InputFile file, FileProblems problems, DuplicateIds ids, String idColumn,
            RowValues.Parser<?> check) {
        ids.release();
        if (ids.suspects() == 0) {
            return;
        }
        DuplicateIds.Confirmation confirmation = ids.confirmation();
        progress.file(file, "checking duplicate ids");
        StreamTable again = new StreamTable(file, new FileProblems(), List.of(idColumn), List.of()) {
            private int id;

            @Override
            void started() {
                id = column(idColumn);
            }

            @Override
            void record(CsvRecord row) {
                if (!isEmpty(row, id) && validId(row, id, idColumn, check)) {
                    long hash = FastValues.hash(row.chars(), row.start(id), row.end(id));
                    confirmation.id(row.chars(), row.start(id), row.end(id), hash, row.line());
                }
            }
        };
        again.read(file, progress);
        problems.confirm(confirmation.firstLines());
    }

    /**
     * Looks up an order's or interaction's customer, reporting an unknown one when the customers
     * file is trusted; the batch's {@link #prefetch} found it already, if its id is valid.
     */
    private int customer(StreamTable table, CsvRecord row, int index) {
        if (!table.present(row, index, "customer_id")
                || table.validId(row, index, "customer_id", CustomerId::of, table.hash1) == 0) {
            return -1;
        }
        int found = table.customer;
        if (found < 0 && customersFromOrders && customersFile.isEmpty()) {
            // Known from its orders alone: new, or added by an earlier row of the batch.
            long hash = table.hash1 != 0 ? table.hash1 : FastValues.hash(row.chars(), row.start(index), row.end(index));
            found = customers.find(row.chars(), row.start(index), row.end(index), hash);
            if (found < 0) {
                found = customers.add(row.chars(), row.start(index), row.end(index), hash, row.line());
                customers.created(found, Integer.MAX_VALUE, false);
                if (history != null) {
                    history.grow(customers.size());
                }
            }
        }
        if (found < 0 && customersTrusted) {
            table.problem("customer_id", "unknown customer '" + row.text(index) + "', not in "
                    + customersFile.orElseThrow());
        }
        return found;
    }

    /** Registers a row's valid id by its hash, reporting a suspected duplicate. */
    private static void register(StreamTable table, CsvRecord row, int index, String column, Fingerprints ids,
            long hash) {
        int suspect = ids.register(hash, row.line());
        if (suspect >= 0) {
            // Not yet a problem: the row still counts until the second look confirms it.
            table.problems.pendingDuplicate(InputProblem.atColumn(table.name, row.line(), column,
                    "duplicate id '" + row.text(index) + "', first on line "), suspect);
        }
    }

    /** {@code customers.csv}: every column checked as {@link CustomerRows} checks it. */
    private final class CustomerReader extends StreamTable {
        private int id;
        private int name;
        private int createdOn;
        private int strategic;

        CustomerReader(InputFile file, FileProblems problems) {
            // In batches too: the rows are parsed on another thread; nothing to prefetch.
            super(file, problems, CustomerRows.REQUIRED, CustomerRows.OPTIONAL, BATCH);
        }

        @Override
        void started() {
            id = column(CustomerRows.ID);
            name = column("name");
            createdOn = column("created_on");
            strategic = column("strategic_agreement");
        }

        @Override
        void record(CsvRecord row) {
            char[] c = row.chars();
            int customer = -1;
            if (present(row, id, CustomerRows.ID) && validId(row, id, CustomerRows.ID, CustomerId::of)) {
                long hash = FastValues.hash(c, row.start(id), row.end(id));
                int known = customers.find(c, row.start(id), row.end(id), hash);
                if (known >= 0) {
                    problem(CustomerRows.ID, "duplicate id '" + row.text(id) + "', first on line "
                            + customers.firstLine(known));
                } else {
                    customer = customers.add(c, row.start(id), row.end(id), hash, row.line());
                }
            }
            present(row, name, "name");
            int day = FastValues.NOT_FAST;
            if (present(row, createdOn, "created_on")) {
                day = FastValues.epochDay(c, row.start(createdOn), row.end(createdOn));
                if (day == FastValues.NOT_FAST) {
                    day = parse(row, createdOn, "created_on", Values::date).map(date -> (int) date.toEpochDay())
                            .orElse(FastValues.NOT_FAST);
                }
            }
            optional(row, "account_manager", StaffId::of);
            optional(row, "time_zone", Values::zone);
            optional(row, "preferred_channel", Channel::parse);
            optional(row, "preferred_days", ContactPreferences::parseDays);
            optional(row, "preferred_hours", LocalTimeRange::parse);
            optional(row, "do_not_contact", ContactPreferences::parseChannels);
            boolean agreement = false;
            if (!isEmpty(row, strategic)) {
                if (FastValues.equals(c, row.start(strategic), row.end(strategic), "true")) {
                    agreement = true;
                } else if (!FastValues.equals(c, row.start(strategic), row.end(strategic), "false")) {
                    agreement = parse(row, strategic, "strategic_agreement", Values::flag).orElse(false);
                }
            }
            if (customersFromOrders && customer >= 0) {
                // Created on the day of its first order, if it has one; this file only checks the orders' customers.
                customers.created(customer, Integer.MAX_VALUE, false);
            } else if (ok && customer >= 0) {
                customers.created(customer, day, agreement);
            }
        }
    }

    /** {@code orders.csv}: every column checked as {@link OrderRows} checks it; each good order summed up. */
    private final class OrderReader extends SummingTable {
        static final String ID = OrderRows.ID;
        /** The currency every order must be in; with customers from orders, the first order's (null until read). */
        private String currencyCode = currency == null ? null : currency.getCurrencyCode();
        private int firstCurrencyLine;
        private int id;
        private int customerId;
        private int orderDate;
        private int amount;
        private int currencyColumn;
        private int category;
        private int quantity;

        OrderReader(InputFile file, FileProblems problems, Fingerprints ids, CustomerColumns sums) {
            super(file, problems, OrderRows.REQUIRED, OrderRows.OPTIONAL, ids, sums);
        }

        @Override
        void prefetch(StreamTable.Batch batch) {
            touched += FactsRead.this.prefetch(batch, id, customerId, ids, sums);
        }

        @Override
        void started() {
            id = column(ID);
            customerId = column("customer_id");
            orderDate = column("order_date");
            amount = column("amount");
            currencyColumn = column("currency");
            category = column("category");
            quantity = column("quantity");
        }

        @Override
        void record(CsvRecord row) {
            char[] c = row.chars();
            if (present(row, id, ID)) {
                long hash = validId(row, id, ID, PurchaseId::of, hash0);
                if (hash != 0) {
                    register(this, row, id, ID, ids, hash);
                }
            }
            int customer = customer(this, row, customerId);
            int day = FastValues.NOT_FAST;
            if (present(row, orderDate, "order_date")) {
                day = FastValues.epochDay(c, row.start(orderDate), row.end(orderDate));
                if (day == FastValues.NOT_FAST) {
                    day = parse(row, orderDate, "order_date", Values::date).map(date -> (int) date.toEpochDay())
                            .orElse(FastValues.NOT_FAST);
                }
            }
            // The row's currency, read once for the amount's decimals, the check and the conversion.
            Currency known = rowCurrency(row);
            long units = FastValues.NOT_FAST_LONG;
            BigDecimal exact = null;
            if (present(row, amount, "amount")) {
                // The amount's decimals are those of its own currency, when that is one (as OrderRows reads it).
                int decimals = known == null ? -1 : known.getDefaultFractionDigits();
                if (decimals >= 0) {
                    units = FastValues.unscaled(c, row.start(amount), row.end(amount), decimals);
                    if (units > Values.maxUnits(decimals)) {
                        // Beyond the largest amount: the full check says so.
                        units = FastValues.NOT_FAST_LONG;
                    }
                }
                if (units == FastValues.NOT_FAST_LONG) {
                    exact = parse(row, amount, "amount", text -> known == null ? Values.amount(text)
                            : Values.amount(text, known)).orElse(null);
                }
            }
            // The rate of an order in another currency that the query's exchange rates convert.
            BigDecimal rate = null;
            if (present(row, currencyColumn, "currency")) {
                rate = checkCurrency(row, known, day);
            }
            if (!isEmpty(row, quantity) && !FastValues.isPositiveWholeNumber(c, row.start(quantity),
                    row.end(quantity))) {
                parse(row, quantity, "quantity", Values::quantity);
            }
            if (!ok) {
                return;
            }
            if (rate != null) {
                // Converted as the facts convert, per order and half-even to the query currency's decimals.
                BigDecimal original = exact != null ? exact : BigDecimal.valueOf(units, known.getDefaultFractionDigits());
                BigDecimal converted = ExchangeRates.convert(original, rate, currency);
                BigInteger unscaled = converted.unscaledValue();
                if (unscaled.bitLength() < Long.SIZE - 1 && unscaled.longValue() <= Values.maxUnits(scale)) {
                    units = unscaled.longValue();
                    exact = null;
                } else {
                    units = FastValues.NOT_FAST_LONG;
                    exact = converted;
                }
            }
            orders++;
            if (day > asOf) {
                ordersAfterAsOf++;
            }
            if (customer < 0) {
                return;
            }
            if (customersFromOrders) {
                customers.createdNoLaterThan(customer, day);
            } else if (day < sums.createdOn(customer)) {
                // The creation day lies beside the sums this order is about to add to: no other memory is touched.
                if (problems.keepsWarning()) {
                    problems.warning(OrderRows.datedBeforeCreation(name, row.line(), row.text(id),
                            row.text(customerId), row.text(orderDate), LocalDate.ofEpochDay(sums.createdOn(customer))));
                } else {
                    problems.warningNotKept();
                }
            }
            if (day <= asOf) {
                boolean inWindow = day >= windowStart && day <= windowEnd;
                int bits = 0;
                for (int i = 0; i < quarterStart.length; i++) {
                    if (day >= quarterStart[i] && day <= quarterEnd[i]) {
                        bits |= 1 << i;
                    }
                }
                int lastBefore = sums.lastPurchase(customer);
                sums.ordered(customer, day, inWindow, exact == null ? units : 0, scale, bits);
                if (inWindow && exact != null) {
                    sums.spentExactly(customer, exact);
                }
                if (history != null) {
                    history.ordered(customer, day, lastBefore, units, exact, scale, inWindow && day >= laterHalfStart);
                    if (activity && inWindow && !isEmpty(row, category)) {
                        int number = categories.id(c, row.start(category), row.end(category));
                        history.boughtCategory(customer, number, categories.valueAdded(number));
                    }
                }
            }
        }

        /** @return the row's currency, or null when its text is none (reported by {@link #checkCurrency}) */
        private Currency rowCurrency(CsvRecord row) {
            if (currencyCode != null && FastValues.equals(row.chars(), row.start(currencyColumn),
                    row.end(currencyColumn), currencyCode)) {
                return currency;
            }
            return isEmpty(row, currencyColumn) ? null : OrderRows.currencyOrEmpty(row.text(currencyColumn))
                    .orElse(null);
        }

        /**
         * The policy's currency, or with customers from orders the first order's, as {@link OrderRows}
         * checks it; or, where the query has exchange rates, another currency with a rate for the
         * order's day.
         *
         * @param known the row's currency as {@link #rowCurrency} reads it, null when it is none
         * @param day the order's day, {@link FastValues#NOT_FAST} when it is not one (reported already)
         * @return the rate that converts the order, or null for an order in the currency (or a problem)
         */
        private BigDecimal checkCurrency(CsvRecord row, Currency known, int day) {
            if (currencyCode != null && known == currency) {
                return null;
            }
            if (known == null) {
                // Not a currency: parsed again only to report why.
                parse(row, currencyColumn, "currency", Values::currency);
                return null;
            }
            Currency other = known;
            if (converts) {
                if (day == FastValues.NOT_FAST) {
                    return null;
                }
                LocalDate date = LocalDate.ofEpochDay(day);
                Optional<BigDecimal> rate = exchangeRates.rate(other, currency, date);
                if (rate.isPresent()) {
                    return rate.get();
                }
                problem("currency", "no exchange rate from " + other.getCurrencyCode() + " to the policy's currency "
                        + currencyCode + " on " + date);
            } else if (!customersFromOrders) {
                problem("currency", "currency " + other.getCurrencyCode() + " does not match the policy's currency "
                        + currencyCode + " and the policy has no exchange rate for " + other.getCurrencyCode());
            } else if (currencyCode == null) {
                currency = other;
                currencyCode = other.getCurrencyCode();
                scale = Math.max(other.getDefaultFractionDigits(), 0);
                firstCurrencyLine = row.line();
            } else {
                problem("currency", "currency " + other.getCurrencyCode() + " differs from " + currencyCode
                        + " on line " + firstCurrencyLine
                        + ": the orders must all be in one currency (crmkit does not convert currencies)");
            }
            return null;
        }
    }

    /** {@code interactions.csv}: every column checked as {@link InteractionRows} checks it; inquiries counted. */
    private final class InteractionReader extends SummingTable {
        static final String ID = InteractionRows.ID;
        private int id;
        private int customerId;
        private int occurredAt;
        private int channel;
        private int kind;
        private int outcome;

        InteractionReader(InputFile file, FileProblems problems, Fingerprints ids, CustomerColumns sums) {
            super(file, problems, InteractionRows.REQUIRED, InteractionRows.OPTIONAL, ids, sums);
        }

        @Override
        void prefetch(StreamTable.Batch batch) {
            touched += FactsRead.this.prefetch(batch, id, customerId, ids, sums);
        }

        @Override
        void started() {
            id = column(ID);
            customerId = column("customer_id");
            occurredAt = column("occurred_at");
            channel = column("channel");
            kind = column("kind");
            outcome = column("outcome");
        }

        @Override
        void record(CsvRecord row) {
            char[] c = row.chars();
            if (present(row, id, ID)) {
                long hash = validId(row, id, ID, InteractionId::of, hash0);
                if (hash != 0) {
                    register(this, row, id, ID, ids, hash);
                }
            }
            int customer = customer(this, row, customerId);
            long day = Long.MIN_VALUE;
            if (present(row, occurredAt, "occurred_at")) {
                long second = FastValues.epochSecond(c, row.start(occurredAt), row.end(occurredAt));
                if (second != FastValues.NOT_FAST_LONG) {
                    day = zoneDay(second);
                } else {
                    day = parse(row, occurredAt, "occurred_at", Values::timestamp)
                            .map(this::dayInZone).orElse(Long.MIN_VALUE);
                }
            }
            if (present(row, channel, "channel") && key(row, channel, Channel.values()) == null) {
                parse(row, channel, "channel", Channel::parse);
            }
            InteractionKind interactionKind = null;
            if (present(row, kind, "kind")) {
                interactionKind = key(row, kind, InteractionKind.values());
                if (interactionKind == null) {
                    interactionKind = parse(row, kind, "kind", InteractionKind::parse).orElse(null);
                }
            }
            optional(row, "staff_id", StaffId::of);
            if (!ok || customer < 0 || day < windowStart || day > windowEnd) {
                return;
            }
            if (interactionKind == InteractionKind.INQUIRY) {
                sums.inquired(customer);
            } else if (activity) {
                switch (interactionKind) {
                    case REFERRAL -> history.referred(customer);
                    case EVENT -> history.attendedEvent(customer);
                    case TRIAL -> history.tried(customer);
                    case MEETING -> {
                        if (!isEmpty(row, outcome)
                                && row.text(outcome).equalsIgnoreCase(ActivityFacts.JOINT_PLANNING_OUTCOME)) {
                            history.plannedJointly(customer);
                        }
                    }
                    default -> {
                        // other kinds count for no fact
                    }
                }
            }
        }

        private long dayInZone(OffsetDateTime moment) {
            return moment.atZoneSameInstant(zone).toLocalDate().toEpochDay();
        }
    }

    /** The day of an instant in the query's zone. */
    private long zoneDay(long epochSecond) {
        int offset = fixedOffset != Integer.MIN_VALUE ? fixedOffset
                : zoneRules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return Math.floorDiv(epochSecond + offset, 86_400L);
    }

    /**
     * {@code surveys.csv}: every column checked as {@link SurveyRows} checks it; each good answer
     * counted as a promoter answer and a CSAT score. A customer's second answer at a moment is found
     * by a fingerprint of the customer and the instant, confirmed by a second look like a duplicate id.
     */
    private final class SurveyReader extends StreamTable {
        private final DuplicateIds moments;
        private final MomentKey key = new MomentKey();
        private int customerId;
        private int answeredAt;
        private int csat;
        private int nps;

        SurveyReader(InputFile file, FileProblems problems, DuplicateIds moments) {
            super(file, problems, SurveyRows.REQUIRED, SurveyRows.OPTIONAL, BATCH);
            this.moments = moments;
        }

        @Override
        void prefetch(StreamTable.Batch batch) {
            touched += FactsRead.this.prefetch(batch, -1, customerId, moments, customers);
        }

        @Override
        void started() {
            customerId = column(SurveyRows.CUSTOMER_ID);
            answeredAt = column(SurveyRows.ANSWERED_AT);
            csat = column(SurveyRows.CSAT);
            nps = column(SurveyRows.NPS);
        }

        @Override
        void record(CsvRecord row) {
            boolean customerRead = present(row, customerId, SurveyRows.CUSTOMER_ID)
                    && validId(row, customerId, SurveyRows.CUSTOMER_ID, CustomerId::of, hash1) != 0;
            if (customerRead && customer < 0 && customersTrusted) {
                problem(SurveyRows.CUSTOMER_ID, "unknown customer '" + row.text(customerId) + "', not in "
                        + customersFile.orElseThrow());
            }
            boolean momentRead = false;
            if (present(row, answeredAt, SurveyRows.ANSWERED_AT)) {
                momentRead = key.moment(row, answeredAt, this);
            }
            if (customerRead && momentRead) {
                long hash = key.hash(row, customerId);
                int suspect = moments.register(hash, row.line());
                if (suspect >= 0) {
                    // Not yet a problem: the row still counts until the second look confirms it.
                    problems.pendingDuplicate(InputProblem.atColumn(name, row.line(), SurveyRows.ANSWERED_AT,
                            "duplicate answer of customer '" + row.text(customerId) + "' at '" + row.text(answeredAt)
                                    + "', first on line "), suspect);
                }
            }
            int csatScore = score(row, csat, SurveyRows.CSAT, 1, 5);
            int npsScore = score(row, nps, SurveyRows.NPS, 0, 10);
            if (isEmpty(row, csat) && isEmpty(row, nps)) {
                rowProblem("an answer needs a csat or an nps score, both are empty");
            }
            if (!ok || customer < 0 || history == null) {
                return;
            }
            long day = zoneDay(key.second);
            if (day > asOf) {
                return;
            }
            if (npsScore >= SurveyAnswer.PROMOTER_SCORE && day >= windowStart && day <= windowEnd) {
                history.promoted(customer);
            }
            if (csatScore > 0) {
                history.rated(customer, key.second, key.nano, csatScore);
            }
        }

        /** @return the score, or -1 when absent or bad (reported) */
        private int score(CsvRecord row, int index, String column, int min, int max) {
            if (isEmpty(row, index)) {
                return -1;
            }
            char[] c = row.chars();
            int start = row.start(index);
            int length = row.length(index);
            int fast = -1;
            if (length == 1 && c[start] >= '0' && c[start] <= '9') {
                fast = c[start] - '0';
            } else if (length == 2 && c[start] == '1' && c[start + 1] == '0') {
                fast = 10;
            }
            if (fast >= min && fast <= max) {
                return fast;
            }
            return parse(row, index, column, text -> Values.score(text, min, max)).orElse(-1);
        }
    }

    /**
     * A survey answer's moment (the instant, whatever the offset it was written with) and, with the
     * customer's id, its fingerprint and characters for the duplicate check.
     */
    private final class MomentKey {
        long second;
        int nano;
        private char[] chars = new char[64];
        private int length;

        /**
         * Reads the moment of the row, reporting a bad one.
         *
         * @return whether it was read
         */
        boolean moment(CsvRecord row, int index, StreamTable table) {
            char[] c = row.chars();
            int start = row.start(index);
            int end = row.end(index);
            boolean fraction = false;
            for (int i = start; i < end && !fraction; i++) {
                fraction = c[i] == '.';
            }
            long fast = fraction ? FastValues.NOT_FAST_LONG : FastValues.epochSecond(c, start, end);
            if (fast != FastValues.NOT_FAST_LONG) {
                second = fast;
                nano = 0;
                return true;
            }
            Optional<OffsetDateTime> moment = table.parse(row, index, SurveyRows.ANSWERED_AT, Values::timestamp);
            moment.ifPresent(value -> {
                second = value.toEpochSecond();
                nano = value.getNano();
            });
            return moment.isPresent();
        }

        /** @return the fingerprint of the customer's id and the moment read last; {@link #chars} holds them */
        long hash(CsvRecord row, int customerIndex) {
            length = 0;
            char[] c = row.chars();
            for (int i = row.start(customerIndex); i < row.end(customerIndex); i++) {
                append(c[i]);
            }
            append('\u0000');
            String moment = second + "." + nano;
            for (int i = 0; i < moment.length(); i++) {
                append(moment.charAt(i));
            }
            return FastValues.hash(chars, 0, length);
        }

        private void append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, length * 2);
            }
            chars[length++] = c;
        }
    }

    /** The second look at a surveys file whose answers' moments had fingerprints in common. */
    private void confirmMoments(InputFile file, FileProblems problems, DuplicateIds moments) {
        moments.release();
        if (moments.suspects() == 0) {
            return;
        }
        DuplicateIds.Confirmation confirmation = moments.confirmation();
        progress.file(file, "checking duplicate answers");
        StreamTable again = new StreamTable(file, new FileProblems(), SurveyRows.REQUIRED, SurveyRows.OPTIONAL) {
            private final MomentKey key = new MomentKey();
            private int customerId;
            private int answeredAt;

            @Override
            void started() {
                customerId = column(SurveyRows.CUSTOMER_ID);
                answeredAt = column(SurveyRows.ANSWERED_AT);
            }

            @Override
            void record(CsvRecord row) {
                if (!isEmpty(row, customerId) && validId(row, customerId, SurveyRows.CUSTOMER_ID, CustomerId::of)
                        && !isEmpty(row, answeredAt) && key.moment(row, answeredAt, this)) {
                    long hash = key.hash(row, customerId);
                    confirmation.id(key.chars, 0, key.length, hash, row.line());
                }
            }
        };
        again.read(file, progress);
        problems.confirm(confirmation.firstLines());
    }

    /** The constant whose file spelling the value is exactly (lower case), or null for the full parser to decide. */
    private static <E extends Enum<E>> E key(CsvRecord row, int index, E[] constants) {
        char[] c = row.chars();
        for (E constant : constants) {
            if (equalsLowerName(c, row.start(index), row.end(index), constant.name())) {
                return constant;
            }
        }
        return null;
    }

    private static boolean equalsLowerName(char[] c, int start, int end, String upperName) {
        if (end - start != upperName.length()) {
            return false;
        }
        for (int i = 0; i < upperName.length(); i++) {
            char expected = upperName.charAt(i);
            char lower = expected >= 'A' && expected <= 'Z' ? (char) (expected + ('a' - 'A')) : expected;
            if (c[start + i] != lower) {
                return false;
            }
        }
        return true;
    }
}

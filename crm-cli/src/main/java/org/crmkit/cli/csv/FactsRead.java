package org.crmkit.cli.csv;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
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

/**
 * One read of the customer files for one metrics query: every row of {@code customers.csv},
 * {@code orders.csv} and {@code interactions.csv} validated as {@link CsvImport} validates it
 * (the same checks, messages and order of problems) and summed up into {@link CustomerColumns} as
 * it streams by. Each file is read once; a file with suspected duplicate ids once more, for their
 * ids only. Not thread-safe; use once.
 */
final class FactsRead {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FactsRead.class);
    private final Path customersFile;
    private final Path ordersFile;
    private final Optional<Path> interactionsFile;
    private final ReadProgress progress;

    private final CustomerColumns customers = new CustomerColumns();
    private final Currency currency;
    private final int scale;
    private final int asOf;
    private final int windowStart;
    private final int windowEnd;
    private final int[] quarterStart = new int[MetricsQuery.ACTIVE_QUARTER_LOOKBACK];
    private final int[] quarterEnd = new int[MetricsQuery.ACTIVE_QUARTER_LOOKBACK];
    private final ZoneId zone;
    private final ZoneRules zoneRules;
    private final int fixedOffset;
    private boolean customersTrusted;

    FactsRead(Path customers, Path orders, Optional<Path> interactions, MetricsQuery query, ReadProgress progress) {
        this.customersFile = customers;
        this.ordersFile = orders;
        this.interactionsFile = interactions;
        this.progress = progress;
        this.currency = query.currency();
        this.scale = Math.max(currency.getDefaultFractionDigits(), 0);
        this.asOf = (int) query.asOf().toEpochDay();
        this.windowStart = (int) query.window().start().toEpochDay();
        this.windowEnd = (int) query.window().end().toEpochDay();
        for (int i = 0; i < quarterStart.length; i++) {
            DateWindow quarter = query.quarter(i);
            quarterStart[i] = (int) quarter.start().toEpochDay();
            quarterEnd[i] = (int) quarter.end().toEpochDay();
        }
        this.zone = query.zone();
        this.zoneRules = zone.getRules();
        this.fixedOffset = zoneRules.isFixedOffset() ? zoneRules.getOffset(Instant.EPOCH).getTotalSeconds()
                : Integer.MIN_VALUE;
    }

    /**
     * Reads the files.
     *
     * @return the customers with their sums
     * @throws CsvImportException listing the first problems of every file, and how many there are
     */
    CustomerColumns run() {
        List<FileProblems> all = new ArrayList<>();
        FileProblems customerProblems = new FileProblems();
        all.add(customerProblems);
        long started = System.nanoTime();
        progress.file(customersFile, "reading");
        customersTrusted = new CustomerReader(customersFile, customerProblems).read(customersFile, progress);
        LOG.debug("read {} customers from {} in {} ms", customers.size(), customersFile, millis(started));

        FileProblems orderProblems = new FileProblems();
        all.add(orderProblems);
        DuplicateIds orderIds = new DuplicateIds();
        progress.file(ordersFile, "reading");
        new OrderReader(ordersFile, orderProblems, orderIds).read(ordersFile, progress);
        confirm(ordersFile, orderProblems, orderIds, OrderReader.ID, PurchaseId::of);
        LOG.debug("read {} in {} ms", ordersFile, millis(started));

        interactionsFile.ifPresent(file -> {
            FileProblems interactionProblems = new FileProblems();
            all.add(interactionProblems);
            DuplicateIds interactionIds = new DuplicateIds();
            progress.file(file, "reading");
            new InteractionReader(file, interactionProblems, interactionIds).read(file, progress);
            confirm(file, interactionProblems, interactionIds, InteractionReader.ID, InteractionId::of);
            LOG.debug("read {} in {} ms", file, millis(started));
        });

        long total = all.stream().mapToLong(FileProblems::count).sum();
        if (total > 0) {
            List<CsvProblem> first = new ArrayList<>();
            all.forEach(problems -> problems.appendTo(first, FileProblems.KEPT));
            throw new CsvImportException(first, total);
        }
        return customers;
    }

    /** Rows per batch of the orders and interactions files; see {@link #prefetch}. */
    private static final int BATCH = 64;

    /** What the loads of the batch's rows overlap into; read by nothing. */
    private long touched;

    /**
     * For a batch of orders or interactions: hashes the row's id and customer id, starts the loads
     * of their index slots for all rows at once, then finds each row's customer and starts the
     * loads of its sums, so that ten million rows do not wait for memory one load at a time.
     */
    private void prefetch(StreamRow[] rows, int count, int id, int customerId, DuplicateIds ids) {
        for (int i = 0; i < count; i++) {
            StreamRow row = rows[i];
            char[] c = row.chars();
            row.hash0 = id < 0 ? 0 : FastValues.plainIdHash(c, row.start(id), row.end(id));
            row.hash1 = customerId < 0 ? 0 : FastValues.plainIdHash(c, row.start(customerId), row.end(customerId));
        }
        // Loads only, nothing between them to wait for: the memory system serves them side by side.
        long sink = 0;
        for (int i = 0; i < count; i++) {
            StreamRow row = rows[i];
            sink += ids.touch(row.hash0) + customers.touch(row.hash1);
        }
        for (int i = 0; i < count; i++) {
            StreamRow row = rows[i];
            int customer = -1;
            if (customerId >= 0 && row.length(customerId) > 0) {
                long hash = row.hash1 != 0 ? row.hash1
                        : FastValues.hash(row.chars(), row.start(customerId), row.end(customerId));
                customer = customers.find(row.chars(), row.start(customerId), row.end(customerId), hash);
            }
            row.customer = customer;
        }
        for (int i = 0; i < count; i++) {
            sink += customers.touchSums(rows[i].customer);
        }
        touched += sink;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** The second look at a file whose ids had fingerprints in common, to tell true duplicates. */
    private void confirm(Path file, FileProblems problems, DuplicateIds ids, String idColumn,
            StreamTable.Parser<?> check) {
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
            void record(StreamRow row) {
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
    private int customer(StreamTable table, StreamRow row, int index) {
        if (!table.present(row, index, "customer_id")
                || table.validId(row, index, "customer_id", CustomerId::of, row.hash1) == 0) {
            return -1;
        }
        int found = row.customer;
        if (found < 0 && customersTrusted) {
            table.problem("customer_id", "unknown customer '" + row.text(index) + "', not in " + customersFile);
        }
        return found;
    }

    /** Registers a row's valid id by its hash, reporting a suspected duplicate. */
    private static void register(StreamTable table, StreamRow row, int index, String column, DuplicateIds ids,
            long hash) {
        int suspect = ids.register(hash, row.line());
        if (suspect >= 0) {
            // Not yet a problem: the row still counts until the second look confirms it.
            table.problems.pendingDuplicate(CsvProblem.at(table.name, row.line(), column,
                    "duplicate id '" + row.text(index) + "', first on line "), suspect);
        }
    }

    /** {@code customers.csv}: every column checked as {@link CustomerRows} checks it. */
    private final class CustomerReader extends StreamTable {
        private int id;
        private int name;
        private int createdOn;
        private int strategic;

        CustomerReader(Path file, FileProblems problems) {
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
        void record(StreamRow row) {
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
            if (ok && customer >= 0) {
                customers.created(customer, day, agreement);
            }
        }
    }

    /** {@code orders.csv}: every column checked as {@link OrderRows} checks it; each good order summed up. */
    private final class OrderReader extends StreamTable {
        static final String ID = OrderRows.ID;
        private final DuplicateIds ids;
        private final String currencyCode = currency.getCurrencyCode();
        private int id;
        private int customerId;
        private int orderDate;
        private int amount;
        private int currencyColumn;
        private int quantity;

        OrderReader(Path file, FileProblems problems, DuplicateIds ids) {
            super(file, problems, OrderRows.REQUIRED, OrderRows.OPTIONAL, BATCH);
            this.ids = ids;
        }

        @Override
        void prefetch(StreamRow[] rows, int count) {
            FactsRead.this.prefetch(rows, count, id, customerId, ids);
        }

        @Override
        void started() {
            id = column(ID);
            customerId = column("customer_id");
            orderDate = column("order_date");
            amount = column("amount");
            currencyColumn = column("currency");
            quantity = column("quantity");
        }

        @Override
        void record(StreamRow row) {
            char[] c = row.chars();
            if (present(row, id, ID)) {
                long hash = validId(row, id, ID, PurchaseId::of, row.hash0);
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
            long units = FastValues.NOT_FAST_LONG;
            BigDecimal exact = null;
            if (present(row, amount, "amount")) {
                units = FastValues.unscaled(c, row.start(amount), row.end(amount), scale);
                if (units == FastValues.NOT_FAST_LONG) {
                    exact = parse(row, amount, "amount", Values::amount).orElse(null);
                }
            }
            if (present(row, currencyColumn, "currency")
                    && !FastValues.equals(c, row.start(currencyColumn), row.end(currencyColumn), currencyCode)) {
                parse(row, currencyColumn, "currency", Values::currency).ifPresent(other -> problem("currency",
                        "currency " + other.getCurrencyCode() + " does not match the policy's currency "
                                + currencyCode + " (crmkit does not convert currencies)"));
            }
            if (!isEmpty(row, quantity) && !FastValues.isPositiveWholeNumber(c, row.start(quantity),
                    row.end(quantity))) {
                parse(row, quantity, "quantity", Values::quantity);
            }
            if (ok && customer >= 0 && day <= asOf) {
                boolean inWindow = day >= windowStart && day <= windowEnd;
                int bits = 0;
                for (int i = 0; i < quarterStart.length; i++) {
                    if (day >= quarterStart[i] && day <= quarterEnd[i]) {
                        bits |= 1 << i;
                    }
                }
                customers.ordered(customer, day, inWindow, exact == null ? units : 0, scale, bits);
                if (inWindow && exact != null) {
                    customers.spentExactly(customer, exact);
                }
            }
        }
    }

    /** {@code interactions.csv}: every column checked as {@link InteractionRows} checks it; inquiries counted. */
    private final class InteractionReader extends StreamTable {
        static final String ID = InteractionRows.ID;
        private final DuplicateIds ids;
        private int id;
        private int customerId;
        private int occurredAt;
        private int channel;
        private int kind;

        InteractionReader(Path file, FileProblems problems, DuplicateIds ids) {
            super(file, problems, InteractionRows.REQUIRED, InteractionRows.OPTIONAL, BATCH);
            this.ids = ids;
        }

        @Override
        void prefetch(StreamRow[] rows, int count) {
            FactsRead.this.prefetch(rows, count, id, customerId, ids);
        }

        @Override
        void started() {
            id = column(ID);
            customerId = column("customer_id");
            occurredAt = column("occurred_at");
            channel = column("channel");
            kind = column("kind");
        }

        @Override
        void record(StreamRow row) {
            char[] c = row.chars();
            if (present(row, id, ID)) {
                long hash = validId(row, id, ID, InteractionId::of, row.hash0);
                if (hash != 0) {
                    register(this, row, id, ID, ids, hash);
                }
            }
            int customer = customer(this, row, customerId);
            long day = Long.MIN_VALUE;
            if (present(row, occurredAt, "occurred_at")) {
                long second = FastValues.epochSecond(c, row.start(occurredAt), row.end(occurredAt));
                if (second != FastValues.NOT_FAST_LONG) {
                    day = dayInZone(second);
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
            if (ok && customer >= 0 && interactionKind == InteractionKind.INQUIRY && day >= windowStart
                    && day <= windowEnd) {
                customers.inquired(customer);
            }
        }

        private long dayInZone(OffsetDateTime moment) {
            return moment.atZoneSameInstant(zone).toLocalDate().toEpochDay();
        }

        private long dayInZone(long epochSecond) {
            int offset = fixedOffset != Integer.MIN_VALUE ? fixedOffset
                    : zoneRules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
            return Math.floorDiv(epochSecond + offset, 86_400L);
        }
    }

    /** The constant whose file spelling the value is exactly (lower case), or null for the full parser to decide. */
    private static <E extends Enum<E>> E key(StreamRow row, int index, E[] constants) {
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

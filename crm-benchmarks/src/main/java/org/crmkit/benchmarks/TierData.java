package org.crmkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a customer base for tiering as the CSV files of the interchange formats
 * ({@code customers.csv}, {@code orders.csv}, {@code interactions.csv}, {@code surveys.csv}),
 * seeded, so that every run writes the same bytes: by default 1,000,000 customers with 10 orders
 * each, about one interaction and about one survey answer each, for {@code crm tier} against DuckDB
 * ({@link DuckDbTiers}) and {@code crm lifecycle} and {@code crm clv} as of 2026-03-31.
 *
 * <p>Customers fall into the standard policy's tiers in about the plan's shares: 10% spend
 * 100,000 CNY or more over three or four quarters (core), 30% spend 30,000 to 100,000, or 100,000
 * and more in only two quarters (important), 40% spend less (basic, with some zero-amount
 * orders), 18% bought only before the window and asked at least once in it (potential), 2% did
 * neither (no tier). Dates crowd the window's and the quarters' edges now and then; about 1% of the
 * orders fall after the as-of day, and about 1% of the customers were created after it. Orders are
 * written in a shuffled order, as an export by order number mixes customers. Amounts have two
 * decimals; a few categories; interactions carry several UTC offsets.
 *
 * <pre>{@code
 * java -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.TierData /tmp/tier-1m 1000000
 * }</pre>
 */
public final class TierData {
    /** The as-of day the data is made for. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    /** The seed of the default data set. */
    public static final long SEED = 20261207L;

    private static final int ORDERS_PER_CUSTOMER = 10;
    /** Mixed into the seed for the survey answers' own stream. */
    private static final long SURVEY_SEED = 0x5EED_5A1EL;
    private static final String[] CATEGORIES = {"hardware", "software", "service", "training", "spare_parts"};
    private static final String[] INDUSTRIES = {"machinery", "retail", "logistics", "chemicals", "textiles"};
    private static final String[] OTHER_KINDS = {"visit", "call", "message", "meeting", "survey", "referral", "event",
        "trial", "other"};
    private static final String[] CHANNELS = {"visit", "video", "phone", "online", "sms", "email", "wechat", "event"};
    private static final String[] OFFSETS = {"+08:00", "+08:00", "+08:00", "+00:00", "-05:00", "+09:00"};

    private static final int CORE = 0;
    private static final int IMPORTANT = 1;
    private static final int IMPORTANT_TWO_QUARTERS = 2;
    private static final int BASIC = 3;
    private static final int POTENTIAL = 4;
    private static final int NONE = 5;

    private static final long WINDOW_START = LocalDate.of(2025, 4, 1).toEpochDay();
    private static final long AS_OF_DAY = AS_OF.toEpochDay();
    /** The rolling quarters as of 2026-03-31 are the calendar quarters of the window. */
    private static final long[] QUARTER_START = {LocalDate.of(2025, 4, 1).toEpochDay(),
        LocalDate.of(2025, 7, 1).toEpochDay(), LocalDate.of(2025, 10, 1).toEpochDay(),
        LocalDate.of(2026, 1, 1).toEpochDay(), AS_OF_DAY + 1};

    private TierData() {
    }

    /**
     * Writes the files.
     *
     * @param args the directory, then optionally the number of customers (default 1,000,000) and the seed
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: TierData DIRECTORY [CUSTOMERS] [SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
        long started = System.nanoTime();
        write(dir, customers, seed);
        System.err.printf(Locale.ROOT, "TierData: %,d customers, %,d orders, their interactions and survey answers"
                + " in %s (%.1f s)%n",
                customers, (long) customers * ORDERS_PER_CUSTOMER, dir, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Writes the four files into a directory.
     *
     * @param dir the directory, created if needed
     * @param customers how many customers
     * @param seed the seed
     * @throws IOException if a file cannot be written
     */
    public static void write(Path dir, int customers, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(seed);
        byte[] segments = new byte[customers];
        try (Writer out = writer(dir.resolve("customers.csv"))) {
            out.write("customer_id,name,created_on,industry,strategic_agreement\n");
            StringBuilder line = new StringBuilder(96);
            for (int c = 0; c < customers; c++) {
                segments[c] = (byte) segment(random.nextInt(100));
                long created = random.nextInt(100) == 0 ? AS_OF_DAY + 1 + random.nextInt(90)
                        : LocalDate.of(2015, 1, 1).toEpochDay() + random.nextInt((int) (AS_OF_DAY
                                - LocalDate.of(2015, 1, 1).toEpochDay() + 1));
                line.setLength(0);
                line.append(customerId(c)).append(",Customer ").append(c + 1).append(',')
                        .append(LocalDate.ofEpochDay(created)).append(',')
                        .append(INDUSTRIES[random.nextInt(INDUSTRIES.length)]).append(',')
                        .append(random.nextInt(50) == 0 ? "true" : "false").append('\n');
                out.append(line);
            }
        }
        writeOrders(dir.resolve("orders.csv"), segments, random);
        writeInteractions(dir.resolve("interactions.csv"), segments, random);
        // A stream of its own, so that the other files stay what they were before surveys were written.
        writeSurveys(dir.resolve("surveys.csv"), segments.length, new SplittableRandom(seed ^ SURVEY_SEED));
    }

    private static int segment(int percent) {
        if (percent < 10) {
            return CORE;
        }
        if (percent < 34) {
            return IMPORTANT;
        }
        if (percent < 40) {
            return IMPORTANT_TWO_QUARTERS;
        }
        if (percent < 80) {
            return BASIC;
        }
        return percent < 98 ? POTENTIAL : NONE;
    }

    private static void writeOrders(Path file, byte[] segments, SplittableRandom random) throws IOException {
        int count = segments.length * ORDERS_PER_CUSTOMER;
        int[] customer = new int[count];
        int[] day = new int[count];
        int[] cents = new int[count];
        for (int c = 0; c < segments.length; c++) {
            int segment = segments[c];
            // The two quarters of the important customers who buy in only two.
            int first = random.nextInt(4);
            int second = (first + 1 + random.nextInt(3)) % 4;
            for (int k = 0; k < ORDERS_PER_CUSTOMER; k++) {
                int i = c * ORDERS_PER_CUSTOMER + k;
                customer[i] = c;
                day[i] = (int) orderDay(segment, k, first, second, random);
                cents[i] = amount(segment, random);
            }
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            swap(customer, i, j);
            swap(day, i, j);
            swap(cents, i, j);
        }
        try (Writer out = writer(file)) {
            out.write("order_id,customer_id,order_date,amount,currency,category\n");
            StringBuilder line = new StringBuilder(96);
            for (int i = 0; i < count; i++) {
                line.setLength(0);
                line.append("o-").append(pad(i + 1, 8)).append(',').append(customerId(customer[i])).append(',')
                        .append(LocalDate.ofEpochDay(day[i])).append(',').append(cents[i] / 100).append('.');
                int fraction = cents[i] % 100;
                line.append((char) ('0' + fraction / 10)).append((char) ('0' + fraction % 10)).append(",CNY,")
                        .append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append('\n');
                out.append(line);
            }
        }
    }

    private static long orderDay(int segment, int k, int first, int second, SplittableRandom random) {
        if (random.nextInt(100) == 0) {
            return AS_OF_DAY + 1 + random.nextInt(60);
        }
        return switch (segment) {
            // Every quarter gets orders, so that three or four are active.
            case CORE -> inQuarter(k % 4, random);
            case IMPORTANT, BASIC -> inQuarter(random.nextInt(4), random);
            case IMPORTANT_TWO_QUARTERS -> inQuarter(k % 2 == 0 ? first : second, random);
            // Before the window only, some on its last day before it.
            default -> random.nextInt(20) == 0 ? WINDOW_START - 1 : WINDOW_START - 1 - random.nextInt(900);
        };
    }

    /** A day in a quarter of the window, often on its first or last day. */
    private static long inQuarter(int quarter, SplittableRandom random) {
        long start = QUARTER_START[quarter];
        long end = QUARTER_START[quarter + 1] - 1;
        return switch (random.nextInt(10)) {
            case 0 -> start;
            case 1 -> end;
            default -> start + random.nextInt((int) (end - start + 1));
        };
    }

    /** An amount in cents for one of the ten orders of a customer of the segment. */
    private static int amount(int segment, SplittableRandom random) {
        return switch (segment) {
            case CORE, IMPORTANT_TWO_QUARTERS -> 1_000_000 + random.nextInt(1_000_000);
            case IMPORTANT -> 300_000 + random.nextInt(600_000);
            case BASIC -> random.nextInt(20) == 0 ? 0 : 100 + random.nextInt(289_900);
            default -> 100 + random.nextInt(500_000);
        };
    }

    private static void writeInteractions(Path file, byte[] segments, SplittableRandom random) throws IOException {
        try (Writer out = writer(file)) {
            out.write("interaction_id,customer_id,occurred_at,channel,kind\n");
            StringBuilder line = new StringBuilder(96);
            long id = 0;
            for (int c = 0; c < segments.length; c++) {
                int segment = segments[c];
                int count = segment == POTENTIAL ? 1 + random.nextInt(3) : random.nextInt(100) < 78 ? 1 : 0;
                for (int k = 0; k < count; k++) {
                    boolean inquiry = segment == POTENTIAL ? k == 0 || random.nextBoolean() : random.nextInt(4) == 0;
                    long dayOf = segment == NONE && inquiry ? WINDOW_START - 1 - random.nextInt(300)
                            : WINDOW_START + random.nextInt((int) (AS_OF_DAY - WINDOW_START + 1));
                    int seconds = random.nextInt(86_400);
                    line.setLength(0);
                    line.append("i-").append(pad(++id, 8)).append(',').append(customerId(c)).append(',')
                            .append(LocalDate.ofEpochDay(dayOf)).append('T').append(pad(seconds / 3600, 2)).append(':')
                            .append(pad(seconds / 60 % 60, 2)).append(':').append(pad(seconds % 60, 2))
                            .append(OFFSETS[random.nextInt(OFFSETS.length)]).append(',')
                            .append(CHANNELS[random.nextInt(CHANNELS.length)]).append(',')
                            .append(inquiry ? "inquiry" : OTHER_KINDS[random.nextInt(OTHER_KINDS.length)]).append('\n');
                    out.append(line);
                }
            }
        }
    }

    /**
     * About one survey answer per customer: half the customers answer one to three times, on days
     * a few weeks apart, mostly in the window, now and then on the window's first day or the as-of
     * day's last second in Shanghai or just after it; a CSAT score (1-5) in four answers of five, a
     * net promoter score (0-10) in three of five, at least one of them.
     */
    private static void writeSurveys(Path file, int customers, SplittableRandom random) throws IOException {
        try (Writer out = writer(file)) {
            out.write("customer_id,answered_at,csat,nps\n");
            StringBuilder line = new StringBuilder(64);
            for (int c = 0; c < customers; c++) {
                int count = random.nextInt(2) == 0 ? 0 : 1 + random.nextInt(3);
                long day = WINDOW_START - 60 + random.nextInt((int) (AS_OF_DAY - WINDOW_START + 60 - 100));
                for (int k = 0; k < count; k++) {
                    // Only a customer's first answer on an edge: a customer answers once at a moment.
                    int edge = k == 0 ? random.nextInt(40) : 3;
                    String moment;
                    if (edge == 0) {
                        moment = LocalDate.ofEpochDay(WINDOW_START) + "T00:00:00+08:00";
                    } else if (edge == 1) {
                        moment = AS_OF + "T23:59:59+08:00";
                    } else if (edge == 2) {
                        moment = AS_OF + "T16:00:00Z";
                    } else {
                        int seconds = random.nextInt(86_400);
                        moment = LocalDate.ofEpochDay(day) + "T" + pad(seconds / 3600, 2) + ":"
                                + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
                                + OFFSETS[random.nextInt(OFFSETS.length)];
                    }
                    boolean csat = random.nextInt(5) < 4;
                    boolean nps = !csat || random.nextInt(5) < 3;
                    line.setLength(0);
                    line.append(customerId(c)).append(',').append(moment).append(',')
                            .append(csat ? Integer.toString(1 + random.nextInt(5)) : "").append(',')
                            .append(nps ? Integer.toString(random.nextInt(11)) : "").append('\n');
                    out.append(line);
                    day += 1 + random.nextInt(30);
                }
            }
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static String customerId(int index) {
        return "c-" + pad(index + 1, 7);
    }

    private static String pad(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static void swap(int[] values, int i, int j) {
        int value = values[i];
        values[i] = values[j];
        values[j] = value;
    }
}

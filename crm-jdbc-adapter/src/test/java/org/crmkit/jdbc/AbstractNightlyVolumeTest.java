package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.jdbc.job.TieringJob;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.junit.jupiter.api.Test;

/**
 * The nightly tiering job over 100,000 generated customers with about a million orders, bulk
 * loaded: the counts of what it writes, every customer's tier against a computation of the
 * standard policy's rules written out here over the generated arrays, and a next night that
 * writes nothing, because the data leave every tier as it was. Run on H2 and PostgreSQL by the
 * subclasses; it takes seconds, not minutes.
 */
abstract class AbstractNightlyVolumeTest {
    static final int CUSTOMERS = 100_000;
    static final LocalDate DAY = LocalDate.of(2026, 3, 31);
    /** The next night: orders fall on the 5th to the 25th of a month only, so a day later no window or quarter gains or loses one. */
    static final LocalDate NEXT_DAY = DAY.plusDays(1);
    static final Policy POLICY = PolicyLoader.standard();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T01:00:00Z"), ZoneOffset.UTC);
    /** When the inquiries happened: in the middle of both nights' windows. */
    static final String INQUIRY_AT = "2025-10-15T12:00:00+08:00";

    /** The tiers of the standard policy, and none, with the number of reasons each decision has. */
    enum Expected {
        CORE("core", 1), IMPORTANT("important", 2), BASIC("basic", 3), POTENTIAL("potential", 4), NONE(null, 5);

        final String tier;
        /** The rules tried up to the one that matched, plus "no rule matched" for none. */
        final int reasons;

        Expected(String tier, int reasons) {
            this.tier = tier;
            this.reasons = reasons;
        }
    }

    private static Base base;

    /** @return the generated customers, orders and inquiries, the same in every subclass */
    static synchronized Base base() {
        if (base == null) {
            base = Base.generate(CUSTOMERS, 20_261_231L);
        }
        return base;
    }

    /** @return the data source of the test's database, where {@link #load} writes */
    protected abstract DataSource dataSource();

    /** Writes the generated rows into crm_customer, crm_purchase and crm_interaction, in bulk. */
    protected abstract void load(Base base) throws SQLException;

    /** @return the store the job runs on, on the loaded database */
    protected abstract JdbcStore store();

    /** Called once the customers are loaded, before the job's first night. */
    protected void beforeFirstNight() throws SQLException {
    }

    /** Called after the job's first night and its checks. */
    protected void afterFirstNight() throws SQLException {
    }

    @Test
    void tiersAHundredThousandCustomersAsTheRulesSayAndANightWithoutChangesWritesNothing() throws SQLException {
        Base data = base();
        Expected[] expected = data.expectedTiers(POLICY.header().metricsQuery(DAY));
        // The data are built so that the next night's windows give every customer the same tier.
        assertThat(data.expectedTiers(POLICY.header().metricsQuery(NEXT_DAY))).isEqualTo(expected);
        Map<Expected, Integer> perTier = count(expected);
        assertThat(perTier.values()).as("customers per tier: %s", perTier).allMatch(count -> count > 1_000);
        load(data);
        beforeFirstNight();
        JdbcStore store = store();
        TieringJob job = store.tieringJob(POLICY, CLOCK);

        JobRun first = job.run(DAY);

        int tiered = CUSTOMERS - perTier.get(Expected.NONE);
        long reasons = perTier.entrySet().stream().mapToLong(entry -> (long) entry.getKey().reasons * entry.getValue()).sum();
        assertThat(first.complete()).isTrue();
        assertThat(List.of(first.customers(), first.changes(), first.events()))
                .containsExactly((long) CUSTOMERS, (long) CUSTOMERS, (long) tiered);
        assertThat(counts()).containsExactly((long) CUSTOMERS, reasons, (long) CUSTOMERS, (long) tiered);
        assertThat(mismatches(expected)).isEmpty();
        afterFirstNight();

        JobRun next = job.run(NEXT_DAY);

        assertThat(List.of(next.customers(), next.changes(), next.events())).containsExactly((long) CUSTOMERS, 0L, 0L);
        assertThat(counts()).containsExactly((long) CUSTOMERS, reasons, (long) CUSTOMERS, (long) tiered);
        assertThat(scalar("SELECT COUNT(*) FROM crm_tier_head WHERE latest_as_of = DATE '2026-03-31'"))
                .isEqualTo(CUSTOMERS);
        assertThat(job.run(DAY)).isEqualTo(first);
        assertThat(job.lastComplete()).contains(next);
    }

    private static Map<Expected, Integer> count(Expected[] tiers) {
        Map<Expected, Integer> counts = new EnumMap<>(Expected.class);
        for (Expected tier : Expected.values()) {
            counts.put(tier, 0);
        }
        for (Expected tier : tiers) {
            counts.merge(tier, 1, Integer::sum);
        }
        return counts;
    }

    /** Rows of crm_tier_assignment, crm_tier_reason, crm_tier_head and crm_outbox. */
    private List<Long> counts() throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (String table : List.of("crm_tier_assignment", "crm_tier_reason", "crm_tier_head", "crm_outbox")) {
            counts.add(scalar("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    long scalar(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The customers whose stored tier or outbox event differs from the expected tier, at most ten. */
    private List<String> mismatches(Expected[] expected) throws SQLException {
        List<String> wrong = new ArrayList<>();
        String[] stored = new String[CUSTOMERS];
        boolean[] assigned = new boolean[CUSTOMERS];
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT customer_id, tier FROM crm_tier_assignment")) {
                while (rows.next()) {
                    stored[Base.index(rows.getString(1))] = rows.getString(2);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT customer_id, from_tier, to_tier, direction FROM crm_outbox")) {
                while (rows.next()) {
                    int customer = Base.index(rows.getString(1));
                    if (rows.getString(2) != null || !rows.getString(4).equals("ASSIGNED")
                            || !rows.getString(3).equals(expected[customer].tier) || assigned[customer]) {
                        wrong.add(rows.getString(1) + ": event " + rows.getString(2) + " -> " + rows.getString(3));
                    }
                    assigned[customer] = true;
                }
            }
        }
        for (int customer = 0; customer < CUSTOMERS && wrong.size() < 10; customer++) {
            if (!java.util.Objects.equals(stored[customer], expected[customer].tier)
                    || assigned[customer] != (expected[customer] != Expected.NONE)) {
                wrong.add(Base.id(customer) + ": stored " + stored[customer] + ", expected " + expected[customer]
                        + (assigned[customer] ? " (event)" : " (no event)"));
            }
        }
        return wrong.subList(0, Math.min(10, wrong.size()));
    }

    /**
     * The generated customer base, held in arrays: customer {@code i} is {@code c000000 + i},
     * created 2022 to 2025; orders of 0.01 to 25,000.00 CNY on the 5th to the 25th of a month
     * from April 2024 to March 2026; an inquiry for some customers without orders.
     */
    static final class Base {
        final int[] createdDay;
        final boolean[] inquiry;
        final int[] orderCustomer;
        final int[] orderDay;
        final long[] orderCents;

        private Base(int[] createdDay, boolean[] inquiry, int[] orderCustomer, int[] orderDay, long[] orderCents) {
            this.createdDay = createdDay;
            this.inquiry = inquiry;
            this.orderCustomer = orderCustomer;
            this.orderDay = orderDay;
            this.orderCents = orderCents;
        }

        static Base generate(int customers, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int[] created = new int[customers];
            boolean[] inquiry = new boolean[customers];
            int capacity = customers * 11;
            int[] orderCustomer = new int[capacity];
            int[] orderDay = new int[capacity];
            long[] orderCents = new long[capacity];
            int orders = 0;
            long firstCreated = LocalDate.of(2022, 1, 1).toEpochDay();
            LocalDate firstMonth = LocalDate.of(2024, 4, 1);
            long[][] scales = {{1, 300_000}, {100_000, 800_000}, {500_000, 2_500_000}};
            for (int customer = 0; customer < customers; customer++) {
                created[customer] = (int) (firstCreated + random.nextInt(1_400));
                int kind = random.nextInt(100);
                if (kind < 8) {
                    inquiry[customer] = kind < 4;
                    continue;
                }
                int count = 1 + random.nextInt(20);
                long[] scale = scales[random.nextInt(scales.length)];
                for (int i = 0; i < count; i++) {
                    if (orders == capacity) {
                        capacity += capacity / 2;
                        orderCustomer = Arrays.copyOf(orderCustomer, capacity);
                        orderDay = Arrays.copyOf(orderDay, capacity);
                        orderCents = Arrays.copyOf(orderCents, capacity);
                    }
                    orderCustomer[orders] = customer;
                    orderDay[orders] = (int) firstMonth.plusMonths(random.nextInt(24)).withDayOfMonth(5 + random.nextInt(21))
                            .toEpochDay();
                    orderCents[orders] = scale[0] + random.nextLong(scale[1] - scale[0]);
                    orders++;
                }
            }
            return new Base(created, inquiry, Arrays.copyOf(orderCustomer, orders), Arrays.copyOf(orderDay, orders),
                    Arrays.copyOf(orderCents, orders));
        }

        int customers() {
            return createdDay.length;
        }

        int orders() {
            return orderCustomer.length;
        }

        static String id(int customer) {
            return padded('c', customer, 6);
        }

        static int index(String id) {
            return Integer.parseInt(id.substring(1));
        }

        static String orderId(int order) {
            return padded('o', order, 7);
        }

        /** {@code String.format("%c%0<digits>d")}, which takes seconds for millions of ids. */
        private static String padded(char prefix, int number, int digits) {
            char[] text = new char[digits + 1];
            text[0] = prefix;
            int rest = number;
            for (int i = digits; i > 0; i--) {
                text[i] = (char) ('0' + rest % 10);
                rest /= 10;
            }
            return new String(text);
        }

        /** @return the amount of an order in CNY, with two decimals */
        String amount(int order) {
            long cents = orderCents[order];
            return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
        }

        /**
         * Each customer's tier by the standard policy's rules, computed here from the arrays: spend
         * in the window, rolling quarters with an order, inquiries in the window.
         */
        Expected[] expectedTiers(MetricsQuery query) {
            long[] spend = new long[customers()];
            int[] quarters = new int[customers()];
            DateWindow window = query.window();
            for (int order = 0; order < orders(); order++) {
                LocalDate day = LocalDate.ofEpochDay(orderDay[order]);
                int customer = orderCustomer[order];
                if (window.contains(day)) {
                    spend[customer] += orderCents[order];
                }
                for (int quarter = 0; quarter < MetricsQuery.ACTIVE_QUARTER_LOOKBACK; quarter++) {
                    if (query.quarter(quarter).contains(day)) {
                        quarters[customer] |= 1 << quarter;
                    }
                }
            }
            boolean inquiryCounts = window.contains(java.time.OffsetDateTime.parse(INQUIRY_AT)
                    .atZoneSameInstant(query.zone()).toLocalDate());
            Expected[] tiers = new Expected[customers()];
            for (int customer = 0; customer < customers(); customer++) {
                long cents = spend[customer];
                if (cents >= 100_000_00L && Integer.bitCount(quarters[customer]) >= 3) {
                    tiers[customer] = Expected.CORE;
                } else if (cents >= 30_000_00L) {
                    tiers[customer] = Expected.IMPORTANT;
                } else if (cents > 0) {
                    tiers[customer] = Expected.BASIC;
                } else if (inquiry[customer] && inquiryCounts) {
                    tiers[customer] = Expected.POTENTIAL;
                } else {
                    tiers[customer] = Expected.NONE;
                }
            }
            return tiers;
        }
    }
}

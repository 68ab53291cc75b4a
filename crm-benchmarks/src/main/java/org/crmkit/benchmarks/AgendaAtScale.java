package org.crmkit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.AgendaPlanner;
import org.crmkit.rules.cadence.AgendaSink;
import org.crmkit.rules.cadence.CadenceCustomer;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.tiering.TieringPolicy;

/**
 * One month of contacts for a large base of {@link AgendaCustomers}, in a JVM of its own, to be
 * run under {@code /usr/bin/time -v} for the peak memory: {@link AgendaBenchmark}'s month and
 * policy, at the size users have.
 * <ul>
 *   <li>{@code stream}: the customers are generated one at a time into
 *       {@link AgendaPlanner#plan(LocalDate, LocalDate, org.crmkit.rules.cadence.CadenceCustomerSource,
 *       AgendaSink)}, whose sink counts and digests what it receives; nothing holds the base or the
 *       agenda;</li>
 *   <li>{@code list}: the base is generated into a list first and planned with
 *       {@link AgendaPlanner#plan(LocalDate, LocalDate, List)} into an {@link Agenda}, as callers
 *       did before the planner streamed; the planner before it is measured with this mode (this
 *       class without the {@code stream} branch, built on that commit).</li>
 *   <li>{@code generate}: the customers are generated and dropped, for the generator's own cost.</li>
 * </ul>
 * With {@code staffed}, the base has as many account managers and sales reps per 10,000
 * customers as {@link AgendaBenchmark}'s (25 and 12), as a company of that size would; without,
 * the same 25 and 12 for any size, so that most contacts overflow the owners' capacity and wait
 * all month. It prints the counts, the time, and a SHA-256 digest of each kind of result in the order
 * received (planned contacts, unscheduled ones, assignments, each by its {@code toString}), so
 * that runs of either mode, of this planner or the one before, can be compared for equality.
 *
 * <pre>{@code
 * /usr/bin/time -v java -Xmx1g -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.AgendaAtScale stream 1000000
 * }</pre>
 */
public final class AgendaAtScale {
    /** Customers per {@value AgendaCustomers#ACCOUNT_MANAGERS} managers and {@value AgendaCustomers#SALES_REPS} reps when staffed. */
    private static final int PER_STAFF = 10_000;

    private AgendaAtScale() {
    }

    /** Counts and digests one kind of result, in the order received. */
    private static final class Digest {
        private final MessageDigest sha;
        private long count;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(Object result) {
            sha.update(result.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            count++;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d (sha-256 %s)", count,
                    HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        }
    }

    /**
     * Plans the month.
     *
     * @param args {@code stream}, {@code list} or {@code generate}, the number of customers, and
     *     optionally {@code staffed}
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3 || !List.of("stream", "list", "generate").contains(args[0])
                || args.length == 3 && !args[2].equals("staffed")) {
            System.err.println("usage: AgendaAtScale stream|list|generate CUSTOMERS [staffed]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[1]);
        // Staffed: as many managers and sales reps per 10,000 customers as the benchmark's base has.
        boolean staffed = args.length == 3;
        int managers = staffed ? Math.max(1, count / PER_STAFF * AgendaCustomers.ACCOUNT_MANAGERS)
                : AgendaCustomers.ACCOUNT_MANAGERS;
        int reps = staffed ? Math.max(1, count / PER_STAFF * AgendaCustomers.SALES_REPS) : AgendaCustomers.SALES_REPS;
        Policy policy = PolicyLoader.standard();
        AgendaPlanner planner = AgendaPlanner.of(AgendaCustomers.withSalesTeam(policy.find(CadencePolicy.class)
                .orElseThrow(), reps), policy.section(TieringPolicy.class).ladder());
        LocalDate from = AgendaBenchmark.FROM;
        LocalDate to = AgendaBenchmark.TO;
        Digest planned = new Digest();
        Digest unscheduled = new Digest();
        Digest assigned = new Digest();
        long start = System.nanoTime();
        long planning;
        if (args[0].equals("generate")) {
            // The generator's own cost, to tell it from the planner's.
            Digest interactions = new Digest();
            AgendaCustomers.forEach(count, AgendaBenchmark.SEED, from, managers, customer -> customer.interactions()
                    .forEach(interactions::add));
            System.out.printf(Locale.ROOT, "AgendaAtScale generate: %,d customers with %s interactions in %.1f s%n",
                    count, interactions, (System.nanoTime() - start) / 1e9);
            return;
        } else if (args[0].equals("stream")) {
            planner.plan(from, to, each -> AgendaCustomers.forEach(count, AgendaBenchmark.SEED, from, managers, each),
                    AgendaSink.of(planned::add, unscheduled::add, assigned::add));
            planning = System.nanoTime() - start;
        } else {
            List<CadenceCustomer> customers = new ArrayList<>(count);
            AgendaCustomers.forEach(count, AgendaBenchmark.SEED, from, managers, customers::add);
            long generated = System.nanoTime();
            Agenda agenda = planner.plan(from, to, customers);
            planning = System.nanoTime() - generated;
            agenda.planned().forEach(planned::add);
            agenda.unscheduled().forEach(unscheduled::add);
            agenda.assignments().forEach(assigned::add);
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "AgendaAtScale %s: %,d customers, %,d account managers, %,d sales reps, %s to %s%n",
                args[0], count, managers, reps, from, to);
        System.out.printf(Locale.ROOT, "  planned     %s%n  unscheduled %s%n  assigned    %s%n", planned, unscheduled,
                assigned);
        System.out.printf(Locale.ROOT, "  %.1f s in all, %.1f s planning (the list mode's generation apart);"
                + " heap limit %,d MB%n", (System.nanoTime() - start) / 1e9, planning / 1e9,
                runtime.maxMemory() >> 20);
    }
}

package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.crmkit.core.event.TierChanged;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.memory.RecordingEventPublisher;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.WeeklyReview;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierDistribution;
import org.crmkit.rules.tiering.TierRunSummary;
import org.crmkit.rules.tiering.TieringService;

/**
 * Tiers a {@link SyntheticCustomerBase} with the standard policy and shows what crmkit makes
 * of it: the tier distribution against the policy's expected shares, three explained decisions,
 * the {@link TierChanged} events, the complaint SLAs at the end of the as-of day with one case
 * explained and the weekly review of the as-of week, the contacts the policy's cadences plan for
 * the month after the as-of day, and a second evaluation a quarter later; it ends by pointing at
 * the command line on the sample files in {@code samples/}.
 *
 * <pre>
 * java -jar crm-demo.jar [--customers N] [--seed S] [--as-of YYYY-MM-DD]
 * </pre>
 *
 * <p>Only customer ids are printed, never names.
 */
public final class Demo {
    /** How to call the demo. */
    public static final String USAGE = "usage: java -jar crm-demo.jar [--customers N] [--seed S] [--as-of YYYY-MM-DD]";
    /** The command the demo ends with: the command line on the sample files, run from the repository root. */
    public static final String NEXT_COMMAND = "./crm tier --customers samples/customers.csv --orders samples/orders.csv"
            + " --interactions samples/interactions.csv --as-of 2026-03-31";
    /** The command line's guide, from the repository root. */
    public static final String CLI_GUIDE = "docs/cli.md";

    private static final BigDecimal CORE_SPEND = new BigDecimal("100000");
    private static final int FOLLOW_UP_MONTHS = 3;
    // The evaluation runs early in the morning after the business day it describes.
    private static final LocalTime RUN_TIME = LocalTime.of(6, 0);

    private Demo() {
    }

    /**
     * Runs the demo on standard output; errors in the arguments go to standard error with the usage.
     *
     * @param args the arguments; not null
     */
    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        run(options, System.out);
    }

    /**
     * What the demo runs on. Immutable and thread-safe.
     *
     * @param customers how many customers to generate, 1 to 1,000,000
     * @param seed the generator's seed
     * @param asOf the as-of day of the first evaluation; not null
     */
    public record Options(int customers, long seed, LocalDate asOf) {
        /** Checks the invariants. */
        public Options {
            Objects.requireNonNull(asOf, "asOf");
            if (customers < 1 || customers > 1_000_000) {
                throw new IllegalArgumentException("--customers must be between 1 and 1000000, was " + customers);
            }
        }

        /** @return 10,000 customers, the generator's default seed, as of 2026-03-31 */
        public static Options defaults() {
            SyntheticCustomerBase.Settings settings = SyntheticCustomerBase.Settings.defaults();
            return new Options(settings.customers(), settings.seed(), settings.asOf());
        }

        /**
         * Reads {@code --customers N}, {@code --seed S} and {@code --as-of YYYY-MM-DD}, each also
         * as {@code --name=value}; what is not given keeps its default.
         *
         * @param args the arguments; not null
         * @return the options
         * @throws IllegalArgumentException naming the argument and quoting the bad value
         */
        public static Options parse(String... args) {
            Objects.requireNonNull(args, "args");
            Options options = defaults();
            for (int i = 0; i < args.length; i++) {
                String argument = args[i];
                int equals = argument.indexOf('=');
                String name = argument.startsWith("--") && equals > 0 ? argument.substring(0, equals) : argument;
                if (!List.of("--customers", "--seed", "--as-of").contains(name)) {
                    throw new IllegalArgumentException("Unknown argument '" + argument + "'");
                }
                String value;
                if (equals > 0) {
                    value = argument.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                options = switch (name) {
                    case "--customers" -> new Options(number(name, value, "a whole number of customers"),
                            options.seed, options.asOf);
                    case "--seed" -> new Options(options.customers, seed(value), options.asOf);
                    default -> new Options(options.customers, options.seed, day(value));
                };
            }
            return options;
        }

        private static int number(String name, String value, String what) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs " + what + ", was '" + value + "'");
            }
        }

        private static long seed(String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed needs a whole number, was '" + value + "'");
            }
        }

        private static LocalDate day(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--as-of needs a day like 2026-03-31, was '" + value + "'");
            }
        }
    }

    /**
     * What the demo found, for callers that want more than the printout. Immutable and thread-safe.
     *
     * @param first the evaluation as of the as-of day; not null
     * @param second the evaluation a quarter later; not null
     * @param firstEvents the {@link TierChanged} events of the first evaluation
     * @param secondEvents the {@link TierChanged} events of the second evaluation
     * @param sla the complaint SLAs as of the end of the as-of day and the review of its week; not null
     * @param agenda the contacts planned for the month after the as-of day; not null
     * @param lifecycle the lifecycle analysis as of the as-of day; not null
     * @param lifecycleTransitions the customers whose lifecycle stage changed by a quarter later
     */
    public record Result(TierRunSummary first, TierRunSummary second, int firstEvents, int secondEvents,
            SlaResult sla, Agenda agenda, LifecycleSection.Analysed lifecycle, int lifecycleTransitions) {
        /** Checks the invariants. */
        public Result {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            Objects.requireNonNull(sla, "sla");
            Objects.requireNonNull(agenda, "agenda");
            Objects.requireNonNull(lifecycle, "lifecycle");
        }
    }

    /**
     * What the SLA part of the demo found. Immutable and thread-safe.
     *
     * @param asOf the moment of the evaluation: the end of the as-of day; not null
     * @param cases the SLA of every case opened by then, in id order; not null
     * @param eventsPublished the SLA events the evaluation published
     * @param eventsRepublished the SLA events a second evaluation at the same moment published: none
     * @param review the weekly review of the as-of week; not null
     */
    public record SlaResult(Instant asOf, List<CaseSla> cases, int eventsPublished, int eventsRepublished,
            WeeklyReview review) {
        /** Copies the cases. */
        public SlaResult {
            Objects.requireNonNull(asOf, "asOf");
            cases = List.copyOf(cases);
            Objects.requireNonNull(review, "review");
        }
    }

    /**
     * Generates the base, tiers it twice and prints the report.
     *
     * @param options what to run on; not null
     * @param out where the report goes; not null
     * @return the two evaluations, the SLAs and the agenda
     */
    public static Result run(Options options, PrintStream out) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(out, "out");
        long started = System.nanoTime();
        Policy policy = PolicyLoader.standard();
        LocalDate asOf = options.asOf();
        LocalDate nextAsOf = asOf.plusMonths(FOLLOW_UP_MONTHS);
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticCustomerBase.Settings.defaults()
                .withCustomers(options.customers()).withSeed(options.seed()).withAsOf(asOf)
                .withFollowUpMonths(FOLLOW_UP_MONTHS));
        InMemoryStore store = InMemoryStore.create();
        base.loadInto(store, asOf);
        RecordingEventPublisher events = new RecordingEventPublisher();

        List<TierDecision> decisions = new ArrayList<>();
        TierRunSummary first = service(policy, store, events, asOf).evaluateAll(asOf, decisions::add);
        int firstEvents = events.events(TierChanged.class).size();

        printHeader(out, options, base, policy, asOf);
        printDistribution(out, "Tier distribution as of " + asOf, first.distribution());
        printExamples(out, decisions);
        out.printf(Locale.ROOT, "%nEvents: %,d TierChanged events published (a first assignment is a change from"
                + " no tier, so every customer with a tier has one).%n", firstEvents);
        SlaResult sla = SlaSection.run(policy, store, base, events, asOf, out);
        Agenda agenda = AgendaSection.run(policy, base, decisions, asOf, out);
        LifecycleSection.Result lifecycle = LifecycleSection.run(policy, base, asOf, nextAsOf, out);

        // A quarter later: the follow-up quarter's orders and contacts arrive, and the job runs again.
        base.loadInto(store, nextAsOf);
        TierRunSummary second = service(policy, store, events, nextAsOf).evaluateAll(nextAsOf);
        List<TierChanged> later = events.events(TierChanged.class).stream()
                .filter(event -> event.asOf().equals(nextAsOf)).toList();
        printSecondRun(out, store, asOf, second, later);
        out.printf(Locale.ROOT, "%n(done in %.1f s)%n", (System.nanoTime() - started) / 1e9);
        printNextStep(out);
        return new Result(first, second, firstEvents, later.size(), sla, agenda, lifecycle.first(),
                lifecycle.transitions().size());
    }

    private static TieringService service(Policy policy, InMemoryStore store, RecordingEventPublisher events,
            LocalDate day) {
        Clock clock = Clock.fixed(day.plusDays(1).atTime(RUN_TIME).atZone(policy.header().zone()).toInstant(),
                policy.header().zone());
        return TieringService.of(policy, store, events, clock);
    }

    private static void printHeader(PrintStream out, Options options, SyntheticCustomerBase base, Policy policy,
            LocalDate asOf) {
        Map<SyntheticCustomerBase.Segment, Long> segments = base.segmentCounts();
        long buying = segments.entrySet().stream().filter(entry -> entry.getKey().buysInTheLastYear())
                .mapToLong(Map.Entry::getValue).sum();
        long orders = base.purchases().stream().filter(purchase -> !purchase.orderDate().isAfter(asOf)).count();
        long contacts = base.interactions().stream()
                .filter(interaction -> !SyntheticCustomerBase.day(interaction).isAfter(asOf)).count();
        out.println("crmkit demo: the standard tiering policy on a synthetic customer base");
        out.printf(Locale.ROOT, "  generated  %,d customers (seed %d): %,d buying, %,d prospects, %,d dormant%n",
                base.customers().size(), options.seed(), buying, segments.get(SyntheticCustomerBase.Segment.PROSPECT),
                segments.get(SyntheticCustomerBase.Segment.DORMANT));
        out.printf(Locale.ROOT, "             %,d orders and %,d interactions from %s to %s%n", orders, contacts,
                base.settings().historyStart(), asOf);
        out.printf(Locale.ROOT, "  policy     %s: %s spend over the %s (%s)%n", policy.ref(),
                policy.header().currency().getCurrencyCode(), policy.header().window(),
                policy.header().window().asOf(asOf));
        out.printf(Locale.ROOT, "  tiered     every customer as of %s through TieringService%n", asOf);
    }

    private static void printDistribution(PrintStream out, String title, TierDistribution distribution) {
        out.printf("%n%s%n", title);
        out.printf(Locale.ROOT, "  %-11s %10s %9s %9s%n", "tier", "customers", "actual", "expected");
        for (TierDistribution.Row row : distribution.rows()) {
            out.printf(Locale.ROOT, "  %-11s %,10d %9s %9s%n", row.tier().map(Tier::name).orElse("(no tier)"),
                    row.count(), percent(row.share()), row.expectedShare().map(Demo::percent).orElse("-"));
        }
        out.printf(Locale.ROOT, "  %-11s %,10d %9s%n", "total", distribution.total(), "100.00%");
    }

    private static void printExamples(PrintStream out, List<TierDecision> decisions) {
        out.printf("%nWhy: three decisions explained (TierDecision.reasons())%n");
        example(out, decisions, "a core customer: high spend and stable cooperation",
                decision -> is(decision, "core"));
        example(out, decisions, "spend of 100,000 or more but active in only 2 quarters, so important, not core",
                decision -> is(decision, "important") && decision.metrics().activeQuarters() == 2
                        && decision.metrics().spend().amount().compareTo(CORE_SPEND) >= 0);
        example(out, decisions, "a potential customer: inquiries but no paid purchase", decision -> is(decision, "potential"));
    }

    private static boolean is(TierDecision decision, String tier) {
        return decision.tier().equals(Optional.of(Tier.of(tier)));
    }

    private static void example(PrintStream out, List<TierDecision> decisions, String what,
            Predicate<TierDecision> wanted) {
        Optional<TierDecision> found = decisions.stream().filter(wanted).findFirst();
        if (found.isEmpty()) {
            out.printf("%n  (no customer in this base is %s)%n", what);
            return;
        }
        TierDecision decision = found.get();
        CustomerMetrics metrics = decision.metrics();
        out.printf(Locale.ROOT, "%n  %s -> %s: %s%n", decision.customerId(), tierName(decision.tier()), what);
        out.printf(Locale.ROOT, "    metrics: spend %s, orders %d, active quarters %d of 4, inquiries %d%n",
                metrics.spend(), metrics.orders(), metrics.activeQuarters(), metrics.inquiries());
        decision.reasons().forEach(reason -> out.println("    " + reason));
    }

    private static void printSecondRun(PrintStream out, InMemoryStore store, LocalDate asOf, TierRunSummary second,
            List<TierChanged> changes) {
        out.printf("%nA quarter later: evaluation as of %s, after the orders and contacts of %s..%s%n",
                second.asOf(), asOf.plusDays(1), second.asOf());
        out.println("  (the same customers: nobody new arrives in this simulation, so prospects gone cold and"
                + " lapsed buyers leave their tiers and nobody takes their place)");
        printDistribution(out, "Tier distribution as of " + second.asOf(), second.distribution());
        long promotions = changes.stream().filter(event -> event.direction() == TierChanged.Direction.PROMOTION)
                .count();
        out.printf(Locale.ROOT, "%n%,d customers changed tier (%,d promotions, %,d demotions); %,d TierChanged"
                + " events published%n", second.changes(), promotions, changes.size() - promotions, changes.size());
        Map<String, Long> moves = changes.stream().collect(Collectors.groupingBy(
                event -> tierName(event.from()) + " -> " + tierName(event.to()), LinkedHashMap::new,
                Collectors.counting()));
        out.println("  most frequent moves:");
        moves.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .forEach(move -> out.printf(Locale.ROOT, "    %-24s %,6d%n", move.getKey(), move.getValue()));
        // A fallen core customer is the change an account team most wants to hear about.
        Optional<TierChanged> example = changes.stream()
                .filter(event -> event.from().equals(Optional.of(Tier.of("core"))))
                .min(Comparator.comparing(TierChanged::customerId))
                .or(() -> changes.stream().findFirst());
        example.ifPresent(event -> {
            out.printf(Locale.ROOT, "%n  Example event: TierChanged %s %s -> %s (%s) as of %s, policy %s, at %s%n",
                    event.customerId(), tierName(event.from()), tierName(event.to()), event.direction(),
                    event.asOf(), event.policy(), event.occurredAt());
            event.reasons().forEach(reason -> out.println("    " + reason));
            String history = store.tierAssignments().history(event.customerId()).stream()
                    .map(assignment -> assignment.asOf() + " " + tierName(assignment.tier()))
                    .collect(Collectors.joining(", "));
            out.println("    assignment history: " + history);
        });
    }

    /** Where to go from here: the same engines on files a reader can open and change. */
    private static void printNextStep(PrintStream out) {
        out.printf("%nNext: the same engines on the command line, over CSV files as an ERP exports them. The folder%n"
                + "samples/ holds a small customer base to try them on (samples/README.md says what each file holds%n"
                + "and which command reads it). After the build, from the repository root:%n%n");
        out.printf("  %s%n%n", NEXT_COMMAND);
        out.printf("Every command, its options, input files and output fields: %s%n", CLI_GUIDE);
    }

    private static String tierName(Optional<Tier> tier) {
        return tier.map(Tier::name).orElse("(no tier)");
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}

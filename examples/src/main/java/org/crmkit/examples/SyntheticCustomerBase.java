package org.crmkit.examples;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingInterval;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.CaseEventLog;
import org.crmkit.core.port.Customers;
import org.crmkit.core.port.InteractionLog;
import org.crmkit.core.port.PurchaseHistory;
import org.crmkit.core.port.ServiceCases;
import org.crmkit.rules.calendar.BusinessTime;

/**
 * A plausible B2B customer base, made in code from a seed: customers, their orders in yuan
 * and their interactions, for demos, documentation and tests that need realistic volumes.
 *
 * <p>The model, per customer (all parameters are constants of this class):
 * <ul>
 *   <li>19% {@link Segment#PROSPECT prospects} who only inquire, created within the last year;
 *       the others buy, created over the last three years (the ERP opens a buying customer's
 *       record with its first order, a prospect's with its first inquiry);</li>
 *   <li>orders as the BG/NBD model assumes them (Fader, Hardie and Lee 2005), so that the
 *       lifecycle analysis fits it on these data with every parameter inside its search range:
 *       while a customer buys, a Poisson process at a rate of its own, gamma-distributed with
 *       shape 2.5 and rate 0.29 a year (8.6 orders a year on average, a few customers far more);
 *       after each order the customer stops for good with a chance of its own, beta-distributed
 *       with shapes 0.2 and 15 (1.3% on average: most customers almost never stop, a few soon).
 *       Customers who stopped before the history starts were archived and are not in the base,
 *       like cold leads (a few who buy very rarely have not bought in the history all the same);</li>
 *   <li>its segment is what it did by the as-of day: {@link Segment#STEADY steady} if it still
 *       buys, {@link Segment#LAPSING lapsing} if it stopped during the last year, {@link
 *       Segment#DORMANT dormant} if it stopped before (about 92%, 5% and 3% of the buying customers);</li>
 *   <li>order amounts as the Gamma-Gamma spend model assumes them (Colombo and Jiang 1999):
 *       gamma with shape 4 and a rate of the customer's own, itself gamma with shape 2.2 and rate
 *       2,600 CNY, so that the customers' mean orders are heavy-tailed (a median of about 5,500
 *       CNY, a few accounts many times that) and independent of how often they order;</li>
 *   <li>an account manager for accounts worth 120,000 CNY or more a year while they buy (rate
 *       times mean order), who visits and calls them, and a strategic agreement for a quarter of
 *       those worth 500,000 CNY or more that have not stopped before the last year;</li>
 *   <li>a few inquiries and surveys a year from buying customers, and from prospects inquiries
 *       for about half a year, some followed up by a sales call;</li>
 *   <li>engagement of buying customers while they buy: survey answers (CSAT 1-5 and NPS; three in
 *       four customers satisfied, lapsing ones unhappy in their last months), referrals from steady
 *       customers, events for those with an account manager, new-product trials, and joint planning
 *       meetings with strategic customers;</li>
 *   <li>service cases of buying customers in the last {@value #CASE_HISTORY_WEEKS} weeks before the
 *       as-of day and in the follow-up: complaints at a rate of their own (lognormal, median
 *       {@value #MEDIAN_COMPLAINTS_PER_YEAR} a year and at most six, so that a few customers complain
 *       repeatedly) and
 *       inquiries ({@value #CASE_INQUIRIES_PER_YEAR} a year), opened mostly in office hours, with the
 *       events of a service desk that works Monday to Friday 09:00-18:00 in China Standard Time:
 *       most complaints answered within the hour, some late, solutions within hours, about one in
 *       six paused while the desk waits on the customer, most resolved with the customer's
 *       feedback, a few reopened, a few raised in priority; inquiries answered within hours, a
 *       few forgotten for days.</li>
 * </ul>
 * Under the standard policy, as of 2026-03-31 with 10,000 customers, this gives about 10% core,
 * 30% important, 37% basic and 20% potential customers and 3% in no tier, for any seed tried.
 * Nothing forces these shares: they follow from the model. Customers are a fixed set: nobody
 * new arrives after the as-of day, so over a follow-up cold prospects and lapsed buyers leave
 * their tiers and nobody replaces them.
 *
 * <p>Purchases and interactions are generated from {@link Settings#historyStart()} to
 * {@link Settings#end()}: the history before the as-of day and an optional follow-up period
 * after it, to show a later evaluation. The follow-up never changes the history: a base with a
 * follow-up holds exactly the same customers, purchases, interactions, cases and case events up
 * to the as-of day as one without. Days are those of China Standard Time ({@link #OFFSET}).
 *
 * <p>The same settings always give the same base. Immutable and thread-safe.
 */
public final class SyntheticCustomerBase {
    /** The offset of every generated interaction: China Standard Time, which has no daylight saving. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    /** The currency of every generated purchase. */
    public static final Currency CURRENCY = Money.currency("CNY");

    // Prospects, of all customers; the others bought.
    private static final double PROSPECT_SHARE = 0.19;

    // Orders a year while active: gamma with shape r and rate alpha (in years), as BG/NBD assumes.
    private static final double RATE_SHAPE = 2.5;
    private static final double RATE_PER_YEAR = 0.29;
    // The chance to stop for good after each order: beta with shapes a and b, as BG/NBD assumes.
    private static final double DROPOUT_A = 0.2;
    private static final double DROPOUT_B = 15;
    // Order amounts: gamma with shape p and a rate of the customer's own, itself gamma with shape q
    // and rate gamma (in CNY), as the Gamma-Gamma model assumes; the heavy tail of B2B accounts.
    private static final double ORDER_SHAPE = 4;
    private static final double SPEND_Q = 2.2;
    private static final double SPEND_GAMMA = 2_600;
    private static final double MINIMUM_ORDER = 20;

    private static final double ACCOUNT_MANAGER_BUDGET = 120_000;
    private static final double STRATEGIC_BUDGET = 500_000;
    private static final double STRATEGIC_CHANCE = 0.25;

    // Contacts per year.
    private static final double BUYER_INQUIRIES = 1.0;
    private static final double BUYER_SURVEYS = 0.25;
    private static final double MANAGER_CONTACTS = 6;
    private static final double PROSPECT_INQUIRIES = 2.5;
    private static final int PROSPECT_INTEREST_DAYS = 180;
    private static final double SALES_CALL_CHANCE = 0.4;

    // Service cases: the weeks of history, the rates and the service desk's behaviour.
    static final int CASE_HISTORY_WEEKS = 13;
    static final double MEDIAN_COMPLAINTS_PER_YEAR = 0.45;
    private static final double COMPLAINT_RATE_SIGMA = 0.8;
    private static final double MAX_COMPLAINTS_PER_YEAR = 6;
    static final double CASE_INQUIRIES_PER_YEAR = 0.8;
    private static final double OFFICE_HOURS_SHARE = 0.85;
    private static final double QUIET_WEEKEND_SHARE = 0.7;
    private static final double MEDIAN_RESPONSE_MINUTES = 20;
    private static final double FORGOTTEN_SHARE = 0.03;
    private static final double MEDIAN_SOLUTION_MINUTES = 300;
    private static final double MEDIAN_RESOLUTION_MINUTES = 360;
    private static final double PAUSE_SHARE = 0.17;
    private static final double MEDIAN_PAUSE_MINUTES = 600;
    private static final double FEEDBACK_SHARE = 0.85;
    private static final double REOPEN_SHARE = 0.05;
    private static final double PRIORITY_CHANGE_SHARE = 0.06;
    private static final double MEDIAN_INQUIRY_RESPONSE_MINUTES = 180;
    private static final long SEED_OF_CASES = 0x5EC7_1CE5L;
    // Engagement (per year) and satisfaction: drawn from a root of their own, after everything else.
    private static final long SEED_OF_ENGAGEMENT = 0xE4_6A6EL;
    private static final double SURVEY_ANSWERS = 0.8;
    private static final double STEADY_REFERRALS = 0.15;
    private static final double MANAGED_EVENTS = 0.8;
    private static final double TRIALS = 0.2;
    private static final double STRATEGIC_PLANNING_MEETINGS = 2;
    private static final double SATISFIED_SHARE = 0.75;
    private static final int LAPSING_UNHAPPY_DAYS = 240;
    private static final List<String> COMPLAINT_CAUSES = List.of("delivery", "delivery", "delivery", "quality",
            "quality", "quality", "billing", "billing", "installation", "service", "service", "documentation");
    private static final List<String> INQUIRY_CAUSES = List.of("pricing", "product information", "order status");
    /** The service desk's hours: Monday to Friday 09:00-18:00, in the offset of every generated moment. */
    private static final BusinessTime SERVICE_DESK = BusinessTime.of(BusinessCalendar.weekly("service-desk", OFFSET,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(WorkingInterval.parse("09:00-18:00"))));

    private static final int ACCOUNT_MANAGERS = 30;
    private static final int SALES_REPS = 12;

    private static final List<String> INDUSTRIES = List.of("manufacturing", "construction", "retail",
            "logistics", "healthcare", "energy", "electronics", "food processing", "education", "automotive");
    private static final List<String> CATEGORIES = List.of("bearings", "fasteners", "hydraulics", "sensors",
            "power tools", "spare parts", "packaging", "safety equipment");
    private static final List<String> CITIES = List.of("Shanghai", "Suzhou", "Hangzhou", "Ningbo", "Nanjing",
            "Shenzhen", "Guangzhou", "Dongguan", "Xiamen", "Qingdao", "Tianjin", "Chengdu", "Wuhan", "Xi'an");
    private static final List<String> WORDS = List.of("Precision", "Harbor", "Evergreen", "Golden Bridge",
            "Northstar", "Lotus", "Summit", "Riverside", "Jade", "Pioneer", "Unity", "Silkroad");
    private static final List<String> SUFFIXES = List.of("Trading Co., Ltd.", "Machinery Co., Ltd.",
            "Industrial Group", "Technology Co., Ltd.", "Supply Chain Co., Ltd.", "Engineering Ltd.");

    /** How a generated customer behaved by the as-of day. */
    public enum Segment {
        /** Bought and has not stopped buying by the as-of day. */
        STEADY,
        /** Bought, then stopped for good during the year before the as-of day: its last order falls in that year. */
        LAPSING,
        /** Has inquired but never bought. */
        PROSPECT,
        /** Bought, then stopped for good more than a year before the as-of day, and has been silent since. */
        DORMANT;

        /** @return whether customers of this segment buy during the year before the as-of day */
        public boolean buysInTheLastYear() {
            return this == STEADY || this == LAPSING;
        }
    }

    /**
     * What to generate. Immutable and thread-safe.
     *
     * @param customers how many customers, 1 to 1,000,000
     * @param seed the seed of every random draw
     * @param asOf the day the history ends, the as-of day of a first evaluation; not null
     * @param historyMonths how many months of history before and including the as-of day, 12 to 120
     * @param followUpMonths how many months after the as-of day to generate as well, 0 to 24
     */
    public record Settings(int customers, long seed, LocalDate asOf, int historyMonths, int followUpMonths) {
        /** The number of customers by default. */
        public static final int DEFAULT_CUSTOMERS = 10_000;
        /** The seed by default. */
        public static final long DEFAULT_SEED = 20_260_331L;
        /** The as-of day by default. */
        public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 3, 31);
        /** The months of history by default: two years, so that last year can be compared with the one before. */
        public static final int DEFAULT_HISTORY_MONTHS = 24;

        /** Checks the ranges. */
        public Settings {
            Objects.requireNonNull(asOf, "asOf");
            requireBetween("customers", customers, 1, 1_000_000);
            requireBetween("historyMonths", historyMonths, 12, 120);
            requireBetween("followUpMonths", followUpMonths, 0, 24);
        }

        /** @return 10,000 customers, seed 20260331, as of 2026-03-31, 24 months of history and no follow-up */
        public static Settings defaults() {
            return new Settings(DEFAULT_CUSTOMERS, DEFAULT_SEED, DEFAULT_AS_OF, DEFAULT_HISTORY_MONTHS, 0);
        }

        /**
         * @param count how many customers, 1 to 1,000,000
         * @return a copy with that number of customers
         */
        public Settings withCustomers(int count) {
            return new Settings(count, seed, asOf, historyMonths, followUpMonths);
        }

        /**
         * @param newSeed the seed
         * @return a copy with that seed
         */
        public Settings withSeed(long newSeed) {
            return new Settings(customers, newSeed, asOf, historyMonths, followUpMonths);
        }

        /**
         * @param day the as-of day; not null
         * @return a copy with that as-of day
         */
        public Settings withAsOf(LocalDate day) {
            return new Settings(customers, seed, day, historyMonths, followUpMonths);
        }

        /**
         * @param months months of history, 12 to 120
         * @return a copy with that much history
         */
        public Settings withHistoryMonths(int months) {
            return new Settings(customers, seed, asOf, months, followUpMonths);
        }

        /**
         * @param months months after the as-of day, 0 to 24
         * @return a copy with that follow-up
         */
        public Settings withFollowUpMonths(int months) {
            return new Settings(customers, seed, asOf, historyMonths, months);
        }

        /** @return the first day of generated activity */
        public LocalDate historyStart() {
            return asOf.minusMonths(historyMonths).plusDays(1);
        }

        /** @return the last day of generated activity: the as-of day plus the follow-up */
        public LocalDate end() {
            return asOf.plusMonths(followUpMonths);
        }

        private static void requireBetween(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new InvalidValueException("Settings " + name + " must be between " + min + " and " + max
                        + ", was " + value);
            }
        }
    }

    private final Settings settings;
    private final List<Customer> customers;
    private final List<Purchase> purchases;
    private final List<Interaction> interactions;
    private final Map<CustomerId, Segment> segments;
    private final List<ServiceCase> cases;
    private final Map<CaseId, List<CaseEvent>> caseEvents;
    private final List<SurveyAnswer> surveyAnswers;

    private SyntheticCustomerBase(Settings settings, List<Customer> customers, List<Purchase> purchases,
            List<Interaction> interactions, Map<CustomerId, Segment> segments, List<ServiceCase> cases,
            Map<CaseId, List<CaseEvent>> caseEvents, List<SurveyAnswer> surveyAnswers) {
        this.settings = settings;
        this.surveyAnswers = List.copyOf(surveyAnswers);
        this.customers = List.copyOf(customers);
        this.purchases = List.copyOf(purchases);
        this.interactions = List.copyOf(interactions);
        this.segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
        this.cases = cases.stream().sorted(Comparator.comparing(ServiceCase::id)).toList();
        Map<CaseId, List<CaseEvent>> events = new LinkedHashMap<>();
        this.cases.forEach(serviceCase -> events.put(serviceCase.id(),
                List.copyOf(caseEvents.getOrDefault(serviceCase.id(), List.of()))));
        this.caseEvents = Collections.unmodifiableMap(events);
    }

    /**
     * Generates a base.
     *
     * @param settings what to generate; not null
     * @return the base
     */
    public static SyntheticCustomerBase generate(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        return new Generator(settings).run();
    }

    /** @return the settings it was generated with */
    public Settings settings() {
        return settings;
    }

    /** @return the customers, in id order */
    public List<Customer> customers() {
        return customers;
    }

    /** @return the purchases, customer by customer, each customer's in day order */
    public List<Purchase> purchases() {
        return purchases;
    }

    /** @return the interactions, customer by customer */
    public List<Interaction> interactions() {
        return interactions;
    }

    /** @return the answers to satisfaction surveys (CSAT and NPS), customer by customer */
    public List<SurveyAnswer> surveyAnswers() {
        return surveyAnswers;
    }

    /** @return the service cases (complaints and inquiries), in id order */
    public List<ServiceCase> cases() {
        return cases;
    }

    /**
     * The events of one case.
     *
     * @param id the case; not null
     * @return its events in the order they happened; empty if none or no such case
     */
    public List<CaseEvent> caseEvents(CaseId id) {
        return caseEvents.getOrDefault(Objects.requireNonNull(id, "id"), List.of());
    }

    /**
     * Stores the cases opened by a moment and their events up to it: what a service desk's system
     * held then. Load once into empty ports: events are appended, so loading again repeats them.
     *
     * @param casePort where cases go; not null
     * @param eventLog where their events go; not null
     * @param upTo the moment; not null
     */
    public void loadCasesInto(ServiceCases casePort, CaseEventLog eventLog, Instant upTo) {
        Objects.requireNonNull(casePort, "casePort");
        Objects.requireNonNull(eventLog, "eventLog");
        Objects.requireNonNull(upTo, "upTo");
        for (ServiceCase serviceCase : cases) {
            if (serviceCase.openedAt().toInstant().isAfter(upTo)) {
                continue;
            }
            casePort.save(serviceCase);
            caseEvents(serviceCase.id()).stream().filter(event -> !event.occurredAt().toInstant().isAfter(upTo))
                    .forEach(eventLog::append);
        }
    }

    /** @return each customer's segment, in id order */
    public Map<CustomerId, Segment> segments() {
        return segments;
    }

    /**
     * The segment of one customer.
     *
     * @param id the customer; not null
     * @return its segment, or empty if this base has no such customer
     */
    public Optional<Segment> segment(CustomerId id) {
        return Optional.ofNullable(segments.get(Objects.requireNonNull(id, "id")));
    }

    /** @return how many customers each segment has */
    public Map<Segment, Long> segmentCounts() {
        Map<Segment, Long> counts = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            counts.put(segment, 0L);
        }
        segments.values().forEach(segment -> counts.merge(segment, 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** @return the days of generated activity: every purchase and interaction falls on one of them */
    public DateWindow span() {
        return DateWindow.of(settings.historyStart(), settings.end());
    }

    /**
     * Stores what was known on a day: customers created by then, their purchases, interactions and
     * survey answers up to that day. Loading again with a later day adds what came after; records
     * loaded before are recorded again unchanged.
     *
     * @param store the store; not null
     * @param upTo the last day to load; not null
     */
    public void loadInto(InMemoryStore store, LocalDate upTo) {
        Objects.requireNonNull(store, "store");
        loadInto(store.customers(), store.purchases(), store.interactions(), upTo);
        surveyAnswers.stream().filter(answer -> !answer.answeredAt().withOffsetSameInstant(OFFSET).toLocalDate()
                .isAfter(upTo)).forEach(store.surveys()::record);
    }

    /**
     * Stores what was known on a day into any implementation of the data ports.
     *
     * @param customerPort where customers go; not null
     * @param purchasePort where purchases go; not null
     * @param interactionPort where interactions go; not null
     * @param upTo the last day to load; not null
     */
    public void loadInto(Customers customerPort, PurchaseHistory purchasePort, InteractionLog interactionPort,
            LocalDate upTo) {
        Objects.requireNonNull(customerPort, "customerPort");
        Objects.requireNonNull(purchasePort, "purchasePort");
        Objects.requireNonNull(interactionPort, "interactionPort");
        Objects.requireNonNull(upTo, "upTo");
        customers.stream().filter(customer -> !customer.createdOn().isAfter(upTo)).forEach(customerPort::save);
        purchases.stream().filter(purchase -> !purchase.orderDate().isAfter(upTo)).forEach(purchasePort::record);
        interactions.stream().filter(interaction -> !day(interaction).isAfter(upTo)).forEach(interactionPort::record);
    }

    /**
     * The day an interaction happened on, in China Standard Time.
     *
     * @param interaction the interaction; not null
     * @return its day
     */
    public static LocalDate day(Interaction interaction) {
        return interaction.occurredAt().withOffsetSameInstant(OFFSET).toLocalDate();
    }

    /** Zero-padded numbers without the cost of a format string, which shows at 100,000 ids. */
    private static String padded(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Draws the base; one instance per generation. */
    private static final class Generator {
        private final Settings settings;
        private final LocalDate asOf;
        private final LocalDate windowStart;
        private final int oldestBlock;
        private final int newestBlock;
        private final List<Customer> customers = new ArrayList<>();
        private final List<Purchase> purchases = new ArrayList<>();
        private final List<Interaction> interactions = new ArrayList<>();
        private final Map<CustomerId, Segment> segments = new LinkedHashMap<>();
        private final List<ServiceCase> cases = new ArrayList<>();
        private final Map<CaseId, List<CaseEvent>> caseEvents = new LinkedHashMap<>();
        private final List<SurveyAnswer> surveyAnswers = new ArrayList<>();
        private final LocalDate casesStart;
        private final Instant generatedUntil;

        Generator(Settings settings) {
            this.settings = settings;
            this.asOf = settings.asOf();
            this.windowStart = asOf.minusMonths(12).plusDays(1);
            // Activity is drawn in rolling quarters ending on the as-of day, oldest first, so
            // that a follow-up only appends draws and never changes the history.
            this.oldestBlock = (settings.historyMonths() + 2) / 3 - 1;
            this.newestBlock = -((settings.followUpMonths() + 2) / 3);
            this.casesStart = asOf.minusWeeks(CASE_HISTORY_WEEKS).plusDays(1);
            this.generatedUntil = settings.end().plusDays(1).atStartOfDay(OFFSET).toInstant();
        }

        SyntheticCustomerBase run() {
            SplittableRandom root = new SplittableRandom(settings.seed());
            // Cases draw from a root of their own, so that they leave every other draw as it was.
            SplittableRandom caseRoot = new SplittableRandom(settings.seed() ^ SEED_OF_CASES);
            SplittableRandom engagementRoot = new SplittableRandom(settings.seed() ^ SEED_OF_ENGAGEMENT);
            int width = Math.max(6, String.valueOf(settings.customers()).length());
            for (int number = 1; number <= settings.customers(); number++) {
                CustomerId id = CustomerId.of("C" + padded(number, width));
                customer(id, root.split(), caseRoot.split(), engagementRoot.split());
            }
            return new SyntheticCustomerBase(settings, customers, purchases, interactions, segments, cases,
                    caseEvents, surveyAnswers);
        }

        private void customer(CustomerId id, SplittableRandom random, SplittableRandom caseRandom,
                SplittableRandom engagementRandom) {
            // One stream per kind of activity, each drawn oldest first: a longer follow-up then
            // only appends draws to each stream and never shifts those of the history.
            SplittableRandom orderRandom = random.split();
            SplittableRandom inquiryRandom = random.split();
            SplittableRandom surveyRandom = random.split();
            SplittableRandom managerRandom = random.split();
            boolean prospect = random.nextDouble() < PROSPECT_SHARE;
            String name = name(random);
            String industry = Draws.pick(random, INDUSTRIES);
            if (prospect) {
                // This year's leads; older leads that never bought have gone cold and are left out.
                LocalDate created = Draws.day(random, windowStart, asOf.minusDays(3));
                segments.put(id, Segment.PROSPECT);
                customers.add(prospect(Customer.of(id, name, created).withIndustry(industry), inquiryRandom));
                return;
            }
            // The BG/NBD and Gamma-Gamma models' own assumptions: a Poisson purchase rate from a
            // gamma distribution, a dropout chance after each order from a beta distribution, and
            // gamma order amounts at a rate of the customer's own (the inverse of its mean), itself gamma.
            // Customers who stopped buying before the history starts were archived: like cold
            // leads, the ERP holds none of them, so such a customer is drawn again.
            LocalDate drawnCreated;
            double drawnRate;
            double drawnSpendRate;
            Orders orders;
            do {
                drawnCreated = Draws.day(random, asOf.minusMonths(36), asOf.minusDays(7));
                drawnRate = Draws.gamma(random, RATE_SHAPE) / RATE_PER_YEAR;
                drawnSpendRate = Draws.gamma(random, SPEND_Q) / SPEND_GAMMA;
                orders = new Orders(id, orderRandom, Draws.beta(random, DROPOUT_A, DROPOUT_B), drawnSpendRate);
                orders.beforeHistory(drawnCreated, drawnRate);
            } while (orders.stopped());
            LocalDate created = drawnCreated;
            orders.inHistory(created, drawnRate);
            // What the account is worth a year while it buys: orders a year times the mean order.
            double budget = drawnRate * ORDER_SHAPE / drawnSpendRate;
            Segment segment = orders.segment();
            LocalDate first = later(created, settings.historyStart());
            LocalDate last = orders.lastActiveDay();
            segments.put(id, segment);
            Customer customer = Customer.of(id, name, created).withIndustry(industry);
            if (budget >= ACCOUNT_MANAGER_BUDGET) {
                customer = customer.withAccountManager(staff("AM", random.nextInt(ACCOUNT_MANAGERS) + 1));
            }
            if (budget >= STRATEGIC_BUDGET && segment != Segment.DORMANT && random.nextDouble() < STRATEGIC_CHANCE) {
                customer = customer.withStrategicAgreement(true);
            }
            customers.add(customer);
            purchases.addAll(orders.recorded);
            CustomerId owner = id;
            buyerInquiries(owner, inquiryRandom, first, last);
            surveys(owner, surveyRandom, first, last);
            customer.accountManager()
                    .ifPresent(manager -> managerContacts(owner, manager, managerRandom, first, last));
            serviceCases(owner, caseRandom, later(later(created, first), casesStart), last);
            engagement(customer, segment, engagementRandom, first, last);
        }

        /**
         * Survey answers, referrals, events, new-product trials and (for strategic customers) joint
         * planning meetings, each from a stream of its own. Most customers are satisfied; lapsing
         * ones grow unhappy in the months before they stop.
         */
        private void engagement(Customer customer, Segment segment, SplittableRandom random, LocalDate first,
                LocalDate last) {
            CustomerId id = customer.id();
            SplittableRandom answerRandom = random.split();
            boolean satisfied = random.nextDouble() < SATISFIED_SHARE;
            LocalDate unhappyFrom = segment == Segment.LAPSING ? last.minusDays(LAPSING_UNHAPPY_DAYS) : LocalDate.MAX;
            spread(answerRandom, first, last, SURVEY_ANSWERS, day -> {
                int csat = Math.max(1, Math.min(5, (satisfied ? 4 : 3) + answerRandom.nextInt(2)
                        - (day.isAfter(unhappyFrom) ? 2 : 0)));
                int nps = Math.min(10, csat * 2 + answerRandom.nextInt(2));
                if (!day.isAfter(settings.end())) {
                    surveyAnswers.add(new SurveyAnswer(id, at(answerRandom, day), OptionalInt.of(csat),
                            OptionalInt.of(nps)));
                }
            });
            // One stream and one numbering per kind, so that a follow-up only appends to each.
            engage(random.split(), new Numbering(id, "R"), first, last, segment == Segment.STEADY ? STEADY_REFERRALS : 0,
                    Channel.PHONE, InteractionKind.REFERRAL, null);
            engage(random.split(), new Numbering(id, "V"), first, last,
                    customer.accountManager().isPresent() ? MANAGED_EVENTS : 0, Channel.EVENT, InteractionKind.EVENT,
                    null);
            engage(random.split(), new Numbering(id, "T"), first, last, TRIALS, Channel.ONLINE, InteractionKind.TRIAL,
                    null);
            engage(random.split(), new Numbering(id, "J"), first, last,
                    customer.strategicAgreement() ? STRATEGIC_PLANNING_MEETINGS : 0, Channel.VISIT,
                    InteractionKind.MEETING, customer.accountManager().orElse(null));
        }

        /** One kind of engagement as a Poisson process at a yearly rate; a joint planning meeting when a manager is given. */
        private void engage(SplittableRandom random, Numbering numbering, LocalDate first, LocalDate last,
                double perYear, Channel channel, InteractionKind kind, StaffId manager) {
            if (perYear <= 0) {
                return;
            }
            spread(random, first, last, perYear, day -> {
                Interaction interaction = Interaction.of(numbering.next(), numbering.customer(), at(random, day),
                        channel, kind);
                contact(manager == null ? interaction : interaction.withStaff(manager).withOutcome("joint_planning"));
            });
        }

        /** Complaints and inquiries, each kind from a stream of its own, oldest first. */
        private void serviceCases(CustomerId id, SplittableRandom random, LocalDate first, LocalDate last) {
            double complaintsPerYear = Math.min(MAX_COMPLAINTS_PER_YEAR,
                    Draws.lognormal(random, MEDIAN_COMPLAINTS_PER_YEAR, COMPLAINT_RATE_SIGMA));
            SplittableRandom complaintRandom = random.split();
            SplittableRandom inquiryRandom = random.split();
            int[] complaints = {0};
            spread(complaintRandom, first, last, complaintsPerYear, day -> complaint(
                    CaseId.of(id + "-CP" + padded(++complaints[0], 2)), id, complaintRandom, day));
            int[] inquiries = {0};
            spread(inquiryRandom, first, last, CASE_INQUIRIES_PER_YEAR, day -> inquiryCase(
                    CaseId.of(id + "-IQ" + padded(++inquiries[0], 2)), id, inquiryRandom, day));
        }

        /** A complaint and what the service desk did about it; every draw is made, whatever is kept. */
        private void complaint(CaseId id, CustomerId customer, SplittableRandom random, LocalDate day) {
            boolean quietWeekend = isWeekend(day) && random.nextDouble() < QUIET_WEEKEND_SHARE;
            OffsetDateTime opened = openedAt(random, day);
            double priorityDraw = random.nextDouble();
            Priority priority = priorityDraw < 0.05 ? Priority.P1 : priorityDraw < 0.25 ? Priority.P2
                    : priorityDraw < 0.80 ? Priority.P3 : Priority.P4;
            ServiceCase serviceCase = new ServiceCase(id, customer, opened, CaseKind.COMPLAINT, Optional.of(priority),
                    Optional.of(Draws.pick(random, COMPLAINT_CAUSES)), Optional.of(channel(random)));
            Timeline events = new Timeline(id, opened.toInstant());
            events.after(responseMinutes(random, MEDIAN_RESPONSE_MINUTES, 0.7, 120, 480), CaseEventType.RESPONDED);
            if (random.nextDouble() < PRIORITY_CHANGE_SHARE && priority != Priority.P1) {
                events.priorityAfter(30 + random.nextInt(60), Priority.values()[priority.ordinal() - 1]);
            }
            boolean pauseFirst = random.nextDouble() < 0.5;
            boolean pause = random.nextDouble() < PAUSE_SHARE;
            long pauseAfter = 15 + random.nextInt(90);
            long pauseLength = minutes(random, MEDIAN_PAUSE_MINUTES, 1.0);
            if (pause && pauseFirst) {
                events.pause(pauseAfter, pauseLength);
            }
            events.after(minutes(random, MEDIAN_SOLUTION_MINUTES, 0.8), CaseEventType.SOLUTION_PROPOSED);
            if (pause && !pauseFirst) {
                events.pause(pauseAfter, pauseLength);
            }
            events.after(minutes(random, MEDIAN_RESOLUTION_MINUTES, 0.9), CaseEventType.RESOLVED);
            long feedbackAfter = minutes(random, 180, 1.0);
            // Feedback that does not come within three working days does not come: the desk closes the case.
            boolean feedback = random.nextDouble() < FEEDBACK_SHARE && feedbackAfter <= 3 * 9 * 60;
            if (feedback) {
                events.after(feedbackAfter, CaseEventType.FEEDBACK_RECEIVED);
            }
            // Without feedback the desk closes the case after a day of waiting for it.
            events.after(feedback ? 30 : 9 * 60, CaseEventType.CLOSED);
            boolean reopen = random.nextDouble() < REOPEN_SHARE;
            long reopenAfter = 9L * 60 * (1 + random.nextInt(5));
            long secondResolution = minutes(random, MEDIAN_RESOLUTION_MINUTES, 0.9);
            if (reopen) {
                events.after(reopenAfter, CaseEventType.REOPENED);
                events.after(20 + random.nextInt(40), CaseEventType.RESPONDED);
                events.after(secondResolution, CaseEventType.RESOLVED);
                events.after(120, CaseEventType.FEEDBACK_RECEIVED);
                events.after(30, CaseEventType.CLOSED);
            }
            keep(serviceCase, events, quietWeekend);
        }

        /** An inquiry: answered, usually within hours, which resolves it, then closed. */
        private void inquiryCase(CaseId id, CustomerId customer, SplittableRandom random, LocalDate day) {
            boolean quietWeekend = isWeekend(day) && random.nextDouble() < QUIET_WEEKEND_SHARE;
            OffsetDateTime opened = openedAt(random, day);
            ServiceCase serviceCase = new ServiceCase(id, customer, opened, CaseKind.INQUIRY, Optional.empty(),
                    Optional.of(Draws.pick(random, INQUIRY_CAUSES)), Optional.of(channel(random)));
            Timeline events = new Timeline(id, opened.toInstant());
            events.after(responseMinutes(random, MEDIAN_INQUIRY_RESPONSE_MINUTES, 1.2, 40 * 60, 80 * 60),
                    CaseEventType.RESPONDED);
            // The answer resolves the question; the desk closes the case soon after.
            events.after(5 + random.nextInt(55), CaseEventType.RESOLVED);
            events.after(60, CaseEventType.CLOSED);
            keep(serviceCase, events, quietWeekend);
        }

        /**
         * Keeps the case if it was opened within the span, with its events up to the span's end;
         * most cases drawn on a weekend are left out, since fewer customers write in then.
         */
        private void keep(ServiceCase serviceCase, Timeline timeline, boolean quietWeekend) {
            if (quietWeekend || !serviceCase.openedAt().toInstant().isBefore(generatedUntil)) {
                return;
            }
            cases.add(serviceCase);
            caseEvents.put(serviceCase.id(), timeline.events.stream()
                    .filter(event -> event.occurredAt().toInstant().isBefore(generatedUntil)).toList());
        }

        /** Mostly in office hours on working days; in the evening or at the weekend otherwise. */
        private static OffsetDateTime openedAt(SplittableRandom random, LocalDate day) {
            int minute = isWeekend(day) || random.nextDouble() >= OFFICE_HOURS_SHARE
                    ? 18 * 60 + random.nextInt(4 * 60)
                    : 9 * 60 + random.nextInt(9 * 60);
            return day.atTime(minute / 60, minute % 60).atOffset(OFFSET);
        }

        private static boolean isWeekend(LocalDate day) {
            return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        }

        /** A response time in business minutes: lognormal, except for the cases that were forgotten for a while. */
        private static long responseMinutes(SplittableRandom random, double median, double sigma, int forgottenMin,
                int forgottenMax) {
            boolean forgotten = random.nextDouble() < FORGOTTEN_SHARE;
            long usual = minutes(random, median, sigma);
            long late = forgottenMin + random.nextInt(forgottenMax - forgottenMin);
            return forgotten ? late : usual;
        }

        private static long minutes(SplittableRandom random, double median, double sigma) {
            return Math.max(1, Math.round(Draws.lognormal(random, median, sigma)));
        }

        /**
         * A buying customer's orders as the BG/NBD model has them: the first on the day the record
         * was opened, then a Poisson process at the customer's rate, and after each order the
         * customer stops for good with its dropout chance. Orders before the history are drawn to
         * know whether the customer stopped then, and not kept. One stream, oldest draw first, so
         * that a follow-up only appends.
         */
        private final class Orders {
            private final CustomerId owner;
            private final SplittableRandom random;
            private final double dropout;
            private final double spendRate;
            private final List<Purchase> recorded = new ArrayList<>();
            private LocalDate stoppedOn;

            Orders(CustomerId owner, SplittableRandom random, double dropout, double spendRate) {
                this.owner = owner;
                this.random = random;
                this.dropout = dropout;
                this.spendRate = spendRate;
            }

            /** Draws the first order and those before the history starts. */
            void beforeHistory(LocalDate created, double perYear) {
                place(created);
                LocalDate from = created.plusDays(1);
                LocalDate to = settings.historyStart().minusDays(1);
                if (from.isAfter(to)) {
                    return;
                }
                drawDays(random, from, to, perYear * (ChronoUnit.DAYS.between(from, to) + 1) / 365.25, this::place);
            }

            /** Draws the orders from the history's start, or the day after the first order, to the end. */
            void inHistory(LocalDate created, double perYear) {
                spread(random, later(created.plusDays(1), settings.historyStart()), settings.end(), perYear,
                        this::place);
            }

            private void place(LocalDate day) {
                if (stoppedOn != null) {
                    return;
                }
                if (!day.isBefore(settings.historyStart())) {
                    double amount = Draws.gamma(random, ORDER_SHAPE) / spendRate;
                    PurchaseId id = PurchaseId.of(owner + "-P" + padded(recorded.size() + 1, 4));
                    recorded.add(Purchase.of(id, owner, day, Money.of(CURRENCY, Draws.yuan(amount, MINIMUM_ORDER)))
                            .withCategory(Draws.pick(random, CATEGORIES)));
                }
                if (random.nextDouble() < dropout) {
                    stoppedOn = day;
                }
            }

            boolean stopped() {
                return stoppedOn != null;
            }

            /** @return what the customer did by the as-of day: stopped before the window, in it, or buys on */
            Segment segment() {
                if (stoppedOn != null && stoppedOn.isBefore(windowStart)) {
                    return Segment.DORMANT;
                }
                return stoppedOn != null && !stoppedOn.isAfter(asOf) ? Segment.LAPSING : Segment.STEADY;
            }

            /** @return the last day the customer buys and is in touch: its last order if it stopped */
            LocalDate lastActiveDay() {
                return stoppedOn == null ? settings.end() : stoppedOn;
            }
        }

        private Customer prospect(Customer customer, SplittableRandom random) {
            // The first inquiry opens the record; more may follow while the prospect is interested.
            LocalDate first = customer.createdOn();
            Numbering numbering = new Numbering(customer.id(), "Q");
            inquiry(numbering, random, first);
            spread(random, first.plusDays(1), first.plusDays(PROSPECT_INTEREST_DAYS), PROSPECT_INQUIRIES,
                    day -> inquiry(numbering, random, day));
            return customer;
        }

        private void buyerInquiries(CustomerId id, SplittableRandom random, LocalDate first, LocalDate last) {
            Numbering numbering = new Numbering(id, "Q");
            spread(random, first, last, BUYER_INQUIRIES, day -> inquiry(numbering, random, day));
        }

        private void inquiry(Numbering numbering, SplittableRandom random, LocalDate day) {
            Channel channel = channel(random);
            contact(Interaction.of(numbering.next(), numbering.customer(), at(random, day), channel,
                    InteractionKind.INQUIRY));
            if (random.nextDouble() < SALES_CALL_CHANCE) {
                LocalDate callDay = day.plusDays(1 + random.nextInt(5));
                StaffId rep = staff("SR", random.nextInt(SALES_REPS) + 1);
                contact(Interaction.of(numbering.next(), numbering.customer(), at(random, callDay), Channel.PHONE,
                        InteractionKind.CALL).withStaff(rep).withOutcome("followed up on the inquiry"));
            }
        }

        private void surveys(CustomerId id, SplittableRandom random, LocalDate first, LocalDate last) {
            Numbering numbering = new Numbering(id, "S");
            spread(random, first, last, BUYER_SURVEYS, day -> contact(Interaction.of(
                    numbering.next(), id, at(random, day), Channel.EMAIL, InteractionKind.SURVEY)));
        }

        private void managerContacts(CustomerId id, StaffId manager, SplittableRandom random, LocalDate first,
                LocalDate last) {
            Numbering numbering = new Numbering(id, "M");
            spread(random, first, last, MANAGER_CONTACTS, day -> {
                double kind = random.nextDouble();
                Channel channel = kind < 0.4 ? Channel.VISIT : kind < 0.8 ? Channel.PHONE : Channel.VIDEO;
                InteractionKind what = kind < 0.4 ? InteractionKind.VISIT
                        : kind < 0.8 ? InteractionKind.CALL : InteractionKind.MEETING;
                contact(Interaction.of(numbering.next(), id, at(random, day), channel, what).withStaff(manager));
            });
        }

        /**
         * Draws events as a Poisson process between two days, rolling quarter by rolling quarter,
         * oldest first, keeping to the generated span.
         */
        private void spread(SplittableRandom random, LocalDate first, LocalDate last, double perYear,
                Consumer<LocalDate> action) {
            for (int block = oldestBlock; block >= newestBlock; block--) {
                LocalDate from = later(later(asOf.minusMonths(3L * (block + 1)).plusDays(1), first),
                        settings.historyStart());
                LocalDate to = earlier(earlier(asOf.minusMonths(3L * block), last), settings.end());
                if (from.isAfter(to)) {
                    continue;
                }
                double years = (ChronoUnit.DAYS.between(from, to) + 1) / 365.25;
                drawDays(random, from, to, perYear * years, action);
            }
        }

        /** Draws a Poisson number of days, of the mean, between two days and hands them over in order. */
        private static void drawDays(SplittableRandom random, LocalDate from, LocalDate to, double mean,
                Consumer<LocalDate> action) {
            int count = Draws.poisson(random, mean);
            List<LocalDate> days = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                days.add(Draws.day(random, from, to));
            }
            Collections.sort(days);
            days.forEach(action);
        }

        private void contact(Interaction interaction) {
            // Follow-ups drawn past the end of the span are dropped, not moved, so that the span
            // decides only what is kept and never what is drawn.
            if (!day(interaction).isAfter(settings.end())) {
                interactions.add(interaction);
            }
        }

        private static Channel channel(SplittableRandom random) {
            double draw = random.nextDouble();
            if (draw < 0.35) {
                return Channel.ONLINE;
            }
            if (draw < 0.6) {
                return Channel.PHONE;
            }
            return draw < 0.85 ? Channel.WECHAT : Channel.EMAIL;
        }

        private static OffsetDateTime at(SplittableRandom random, LocalDate day) {
            return day.atTime(9 + random.nextInt(9), random.nextInt(60)).atOffset(OFFSET);
        }

        private static String name(SplittableRandom random) {
            return Draws.pick(random, CITIES) + " " + Draws.pick(random, WORDS) + " " + Draws.pick(random, SUFFIXES);
        }

        private static StaffId staff(String prefix, int number) {
            return StaffId.of(prefix + padded(number, 2));
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }

        private static LocalDate earlier(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }
    }

    /** A case's events, each a number of the service desk's business minutes after the one before. */
    private static final class Timeline {
        private final CaseId id;
        private final List<CaseEvent> events = new ArrayList<>();
        private Instant last;

        Timeline(CaseId id, Instant opened) {
            this.id = id;
            this.last = opened;
        }

        void after(long businessMinutes, CaseEventType type) {
            last = SERVICE_DESK.add(last, Duration.ofMinutes(businessMinutes));
            events.add(CaseEvent.of(id, last.atOffset(OFFSET), type));
        }

        void priorityAfter(long businessMinutes, Priority priority) {
            last = SERVICE_DESK.add(last, Duration.ofMinutes(businessMinutes));
            events.add(CaseEvent.priorityChanged(id, last.atOffset(OFFSET), priority));
        }

        /** Waits on the customer: paused, and resumed after that many business minutes. */
        void pause(long afterMinutes, long lengthMinutes) {
            after(afterMinutes, CaseEventType.PAUSED);
            after(lengthMinutes, CaseEventType.RESUMED);
        }
    }

    /**
     * Numbers one customer's interactions of one stream, e.g. {@code C000042-Q0003}: ids stay
     * the same whatever follows them. A number drawn for an interaction past the end is lost.
     */
    private static final class Numbering {
        private final CustomerId customer;
        private final String prefix;
        private int last;

        Numbering(CustomerId customer, String stream) {
            this.customer = customer;
            this.prefix = customer + "-" + stream;
        }

        CustomerId customer() {
            return customer;
        }

        InteractionId next() {
            return InteractionId.of(prefix + padded(++last, 4));
        }
    }
}

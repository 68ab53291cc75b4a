package org.crmkit.rules.cadence;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierLadder;
import org.crmkit.rules.calendar.BusinessTime;

/**
 * One planning run of {@link AgendaPlanner}, holding what it must know of each customer and each
 * due contact in arrays of numbers, and writing its results to an {@link AgendaSink} as each day
 * is planned.
 *
 * <h2>What couples customers, and why the run goes day by day over all of them</h2>
 * A contact's placement depends on other customers' through an owner's capacity on the day (and,
 * in a team, on which member has the fewest contacts that day), through the pool of account
 * managers (a customer without one may get any, the one with the fewest customers, so every
 * manager's load and capacity matter), and, through the frequency cap, on the customer's other
 * contacts, whoever their owners are. Owner groups that no customer and no manager pool joins
 * could be planned apart, but a real policy gives a whole tier to one team or to automation, so a
 * group is as large as the base and planning group by group would hold no less. What does
 * partition the work exactly is time: on each day the contacts due by then compete in one total
 * order (tier, days overdue, churn risk, customer id, rule), and what a day places never changes
 * again. So the run reads every customer once, keeps a few numbers of each, and plans day by
 * day, writing each day's contacts when the day is done.
 *
 * <h2>Memory</h2>
 * <ul>
 *   <li>Per customer, 35 bytes and two per character of its id: the characters and their end, the
 *       numbers of its account manager, contact preferences, tier and first due contact, its
 *       creation day and rhythm's first day, flags, and the manager assigned in the run; five more
 *       under a frequency cap (the head and count of its contact days); eight more for a rank when
 *       the ids did not come in ascending order; four for a reference to a churn risk once any
 *       customer has one. About 50 bytes for an id of seven characters.</li>
 *   <li>Per due contact (customer and rule), about 30 bytes: customer, rule, due day, state, the
 *       link of its day's queue, and its key in the sorted queue of contacts waiting (and in the
 *       array the day's arrivals are sorted in).</li>
 *   <li>Per contact day counted by the frequency cap (actual, from the cap's first window on, or
 *       planned), 8 bytes; per contact placed on the day being planned, 13 bytes until the day is
 *       written.</li>
 *   <li>Per distinct contact preferences, the preferences themselves and, per rule, its usable
 *       channels and the day's slot; per owner (managers, team members), a name and the day's
 *       counters.</li>
 * </ul>
 * Nothing holds a customer's record, interactions or metrics after they were read, nor a planned
 * contact after its day was written. A run is used once, on one thread.
 */
final class AgendaRun {
    private static final int NONE = -1;
    /** No day: before planning, a contact without an interaction that counts for its rule. */
    private static final int NO_DAY = Integer.MIN_VALUE;
    /** Customer flags. */
    private static final byte INCLUDED = 1;
    private static final byte COMPLAINT_OPEN = 2;
    private static final byte WIN_BACK = 4;
    /** Contact states: what kept it from the days tried so far, or why it is blocked for good. */
    private static final byte HAD_SLOT = 1;
    private static final byte CAP_REACHED = 2;
    private static final int BLOCKED_SHIFT = 2;
    private static final UnscheduledContact.Kind[] BLOCKS = {UnscheduledContact.Kind.COMPLAINT_OPEN,
        UnscheduledContact.Kind.DO_NOT_CONTACT, UnscheduledContact.Kind.NO_ACCOUNT_MANAGER};
    private static final Channel[] CHANNELS = Channel.values();
    private static final OwnerKind[] KINDS = OwnerKind.values();
    /** Days outside this many years from 1970 are refused: a plan counts days in ints. */
    private static final long MAX_EPOCH_DAY = 365L * 1_000_000;

    private final CadencePolicy policy;
    private final TierLadder ladder;
    private final LocalDate from;
    private final LocalDate to;
    private final int fromDay;
    private final int toDay;
    private final ZoneId zone;
    private final Optional<FrequencyCap> cap;
    /** Contact days outside this range never fall in a window the cap checks. */
    private final int firstTouchDay;
    private final int lastTouchDay;

    // The policy's rules in one table: each tier's in policy order, then win-back.
    private final List<CadenceRule> rules = new ArrayList<>();
    private final int[] winBackRules;
    private int[] ruleNameRanks;

    // Interned values: tiers (0 is no tier), contact preferences and owners.
    private final List<Optional<Tier>> tiers = new ArrayList<>();
    private final Map<Tier, Integer> tierNumbers = new HashMap<>();
    private final List<int[]> tierRules = new ArrayList<>();
    private final IntList tierRanks = new IntList(8);
    private final List<ContactPreferences> preferenceValues = new ArrayList<>();
    private final Map<ContactPreferences, Integer> preferenceNumbers = new HashMap<>();
    private final List<String> owners = new ArrayList<>();
    private final Map<String, Integer> ownerNumbers = new HashMap<>();

    // Per customer.
    private final IdTable ids = new IdTable("customer");
    private int[] managers = new int[1024];
    private int[] preferences = new int[1024];
    private int[] createdOn = new int[1024];
    private byte[] flags = new byte[1024];
    private short[] tierOf = new short[1024];
    private int[] rhythmStart = new int[1024];
    private int[] firstContact = new int[1024];
    private BigDecimal[] churnRisks;
    private int[] touchHeads;
    /** Each customer's contact days under the cap, up to 127: most have so few that no window can be full. */
    private byte[] touchCounts;
    private int customers;

    // Per due contact: before planning, contactDue holds the last day that counts for its rule.
    private int[] contactCustomer = new int[1024];
    private short[] contactRule = new short[1024];
    private int[] contactDue = new int[1024];
    private byte[] contactState = new byte[1024];
    private int contacts;

    // Contact days under the frequency cap: linked lists per customer in two arrays.
    private int[] touchDays;
    private int[] touchNext;
    private int touches;

    private boolean planned;

    AgendaRun(CadencePolicy policy, TierLadder ladder, LocalDate from, LocalDate to) {
        this.policy = policy;
        this.ladder = ladder;
        this.from = from;
        this.to = to;
        this.fromDay = epochDay(from);
        this.toDay = epochDay(to);
        this.zone = policy.calendar().zone();
        this.cap = policy.frequencyCap();
        int reach = cap.map(limit -> limit.days() - 1).orElse(0);
        this.firstTouchDay = fromDay - reach;
        this.lastTouchDay = toDay + reach;
        if (cap.isPresent()) {
            touchHeads = new int[1024];
            touchCounts = new byte[1024];
            touchDays = new int[1024];
            touchNext = new int[1024];
        }
        tiers.add(Optional.empty());
        tierRules.add(new int[0]);
        tierRanks.add(ladder.tiers().size());
        policy.rules().forEach((tier, list) -> {
            int[] numbers = new int[list.size()];
            for (int i = 0; i < list.size(); i++) {
                numbers[i] = rules.size();
                rules.add(list.get(i));
            }
            tierRules.add(numbers);
            tierNumbers.put(tier, tiers.size());
            tiers.add(Optional.of(tier));
            tierRanks.add(rank(tier));
        });
        winBackRules = policy.winBack().map(rule -> {
            rules.add(rule);
            return new int[] {rules.size() - 1};
        }).orElse(new int[0]);
        if (rules.size() > Short.MAX_VALUE) {
            throw new InvalidValueException("a plan takes at most " + Short.MAX_VALUE + " cadence rules, the policy has "
                    + rules.size());
        }
    }

    // ---------------------------------------------------------------- reading the customers

    /**
     * Adds a customer, not yet planned for: {@link #include} makes it part of the plan.
     *
     * @return the customer's number
     */
    int addCustomer(Customer customer) {
        int c = ids.add(customer.id().value());
        if (c == managers.length) {
            resizeCustomers(IntList.grown(c));
        }
        managers[c] = customer.accountManager().map(manager -> ownerNumber(manager.value())).orElse(NONE);
        preferences[c] = preferenceNumbers.computeIfAbsent(customer.contactPreferences(), value -> {
            preferenceValues.add(value);
            return preferenceValues.size() - 1;
        });
        createdOn[c] = epochDay(customer.createdOn());
        rhythmStart[c] = createdOn[c];
        firstContact[c] = NONE;
        if (touchHeads != null) {
            touchHeads[c] = NONE;
        }
        customers = c + 1;
        return c;
    }

    /** Ends the reading of customers: ranks their ids, so that they can be found by id. */
    void endCustomers() {
        ids.finish();
    }

    /** @return the customer with the id, or -1 */
    int indexOf(CustomerId id) {
        return ids.indexOf(id.value());
    }

    /** The day a customer was created, as an epoch day. */
    LocalDate createdOn(int customer) {
        return LocalDate.ofEpochDay(createdOn[customer]);
    }

    /** Whether a customer is planned for. */
    boolean included(int customer) {
        return (flags[customer] & INCLUDED) != 0;
    }

    /**
     * Makes a customer part of the plan.
     *
     * @param winBack whether the win-back condition holds for the customer
     */
    void include(int customer, boolean winBack) {
        flags[customer] |= INCLUDED;
        if (winBack) {
            flags[customer] |= WIN_BACK;
        }
    }

    /** Whether the policy's win-back condition holds for a metrics snapshot. */
    boolean winBack(CustomerMetrics metrics) {
        return policy.winBackWhen().isPresent() && policy.winBackWhen().get().evaluate(metrics).holds();
    }

    /** Whether the win-back condition needs the customers' metrics at all. */
    boolean needsMetrics() {
        return policy.winBackWhen().isPresent();
    }

    /** Sets a customer's tier and the first day of its rhythm. */
    void tier(int customer, Optional<Tier> tier, LocalDate start) {
        tierOf[customer] = (short) (int) tier.map(this::tierNumber).orElse(0);
        rhythmStart[customer] = epochDay(start);
    }

    void complaintOpen(int customer) {
        flags[customer] |= COMPLAINT_OPEN;
    }

    void churnRisk(int customer, BigDecimal risk) {
        if (churnRisks == null) {
            churnRisks = new BigDecimal[managers.length];
        }
        churnRisks[customer] = risk;
    }

    /**
     * Opens the customer's contacts, one per rule of its tier (or the win-back rule): call once
     * its tier, rhythm and win-back flag are set, before its interactions.
     */
    void openContacts(int customer) {
        int[] numbers = rulesOf(customer);
        if (numbers.length == 0) {
            return;
        }
        firstContact[customer] = contacts;
        for (int number : numbers) {
            if (contacts == contactCustomer.length) {
                resizeContacts(IntList.grown(contacts));
            }
            contactCustomer[contacts] = customer;
            contactRule[contacts] = (short) number;
            contactDue[contacts] = NO_DAY;
            contacts++;
        }
    }

    /**
     * Reads one actual interaction of a customer whose contacts are open: it may be the last that
     * counts for a rule, and, unless the customer asked, it counts towards the frequency cap.
     */
    void interaction(int customer, Interaction interaction) {
        int first = firstContact[customer];
        if (first == NONE) {
            return; // nothing to plan: neither a due day nor the cap depends on it
        }
        int day = epochDay(interaction.occurredAt().atZoneSameInstant(zone).toLocalDate());
        if (day >= rhythmStart[customer]) {
            int count = rulesOf(customer).length;
            for (int contact = first; contact < first + count; contact++) {
                CadenceRule rule = rules.get(contactRule[contact]);
                if (rule.channels().contains(interaction.channel()) && rule.purpose().countedBy(interaction.kind())
                        && day > contactDue[contact]) {
                    contactDue[contact] = day;
                }
            }
        }
        // The cap limits the business's contacts: the customer's own inquiries do not count.
        if (cap.isPresent() && interaction.kind() != InteractionKind.INQUIRY && day >= firstTouchDay
                && day <= lastTouchDay) {
            touch(customer, day);
        }
    }

    /**
     * Opens the contacts of every customer included: call once their tiers and win-back flags
     * are set.
     *
     * @return the first day whose interactions matter (the earliest rhythm's first day, or the
     *     cap's first window), or empty if no customer has a contact to plan
     */
    Optional<LocalDate> openContactsOfAll() {
        int earliest = Integer.MAX_VALUE;
        for (int c = 0; c < customers; c++) {
            if (included(c)) {
                openContacts(c);
                if (firstContact[c] != NONE) {
                    earliest = Math.min(earliest, Math.min(rhythmStart[c], firstTouchDay));
                }
            }
        }
        return earliest == Integer.MAX_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(earliest));
    }

    /** @return the customers added */
    int customers() {
        return customers;
    }

    /** Adds one whole customer as the planner's callers hand it over. */
    void add(CadenceCustomer customer) {
        int c = addCustomer(customer.customer());
        include(c, winBack(customer.metrics()));
        tier(c, customer.tier(), customer.rhythmStart());
        if (customer.complaintOpen()) {
            complaintOpen(c);
        }
        customer.churnRisk().ifPresent(risk -> churnRisk(c, risk));
        openContacts(c);
        for (Interaction interaction : customer.interactions()) {
            interaction(c, interaction);
        }
    }

    // ---------------------------------------------------------------- planning

    /**
     * Plans the range and writes the results to the sink, in the order {@link AgendaSink}
     * describes.
     */
    void plan(AgendaSink sink) {
        plan(sink, false);
    }

    /**
     * Plans a range of one day and writes the results to the sink customer by customer: the
     * account managers assigned first, then, customers in id order ({@link String#compareTo}),
     * each customer's planned contacts by rule name and then its unscheduled ones by due day and
     * rule name. What a writer needs that commits in chunks of customers and resumes after the
     * last committed one.
     *
     * @throws InvalidValueException if the range is longer than one day
     */
    void planByCustomer(AgendaSink sink) {
        if (fromDay != toDay) {
            throw new InvalidValueException("a plan by customer covers one day, was " + from + " to " + to);
        }
        plan(sink, true);
    }

    private void plan(AgendaSink sink, boolean byCustomer) {
        if (planned) {
            throw new IllegalStateException("a run plans once");
        }
        planned = true;
        endCustomers();
        trim();
        new Sweep(sink, byCustomer).run();
    }

    /** Lets go of the room the arrays grew into while the customers were read. */
    private void trim() {
        resizeCustomers(customers);
        resizeContacts(contacts);
    }

    private void resizeCustomers(int length) {
        managers = Arrays.copyOf(managers, length);
        preferences = Arrays.copyOf(preferences, length);
        createdOn = Arrays.copyOf(createdOn, length);
        flags = Arrays.copyOf(flags, length);
        tierOf = Arrays.copyOf(tierOf, length);
        rhythmStart = Arrays.copyOf(rhythmStart, length);
        firstContact = Arrays.copyOf(firstContact, length);
        if (touchHeads != null) {
            touchHeads = Arrays.copyOf(touchHeads, length);
            touchCounts = Arrays.copyOf(touchCounts, length);
        }
        if (churnRisks != null) {
            churnRisks = Arrays.copyOf(churnRisks, length);
        }
    }

    private void resizeContacts(int length) {
        contactCustomer = Arrays.copyOf(contactCustomer, length);
        contactRule = Arrays.copyOf(contactRule, length);
        contactDue = Arrays.copyOf(contactDue, length);
        contactState = Arrays.copyOf(contactState, length);
    }

    /** The planning proper: day by day over the contacts, with the owners' counters of the day. */
    private final class Sweep {
        private final AgendaSink sink;
        /** Whether the one day's contacts are written customer by customer, with the unscheduled ones. */
        private final boolean byCustomer;
        private final int days = toDay - fromDay + 1;
        private final int[] queueHeads = new int[days];
        private final int[] queueNext = new int[contacts];
        private final int channelCount = CHANNELS.length;
        private final int[] managerLoad;
        /** The account managers who can be assigned, in id order. */
        private final int[] pool;
        private final int[][] members = new int[KINDS.length][];
        private final int[] keyOwners = new int[KINDS.length];
        private final int[][] capacity = new int[KINDS.length][];
        private final BusinessTime[] ownerTimes = new BusinessTime[KINDS.length];
        private final int[] ownerNameRanks;
        private final int[] assigned = new int[customers];
        private int[] usedPerChannel;
        private int[] usedPerDay;
        // The day being planned.
        private int day;
        private LocalDate date;
        private final List<List<BusinessTime.TimeSpan>> workingSpans = new ArrayList<>();
        private final List<List<BusinessTime.TimeSpan>> extraSpans = new ArrayList<>();
        private final Object[][] slots;
        private final int[][] slotDays;
        private final Channel[][][] usable;
        // The contacts placed on the day, until it is written.
        private final IntList placedContact = new IntList(1024);
        private final IntList placedOwner = new IntList(1024);
        private final IntList placedChannel = new IntList(1024);
        private final IntList placedDue = new IntList(1024);
        private final IntList scratch = new IntList(1024);
        private final Object noSlot = new Object();
        // The layout of the keys that order the day's competition.
        private int dueBase;
        private int dueBits;
        private int contactBits;
        private long contactMask;

        Sweep(AgendaSink sink, boolean byCustomer) {
            this.sink = sink;
            this.byCustomer = byCustomer;
            Arrays.fill(queueHeads, NONE);
            Arrays.fill(assigned, NONE);
            // Every owner is known before the first day: managers, members and the kinds' own names.
            Map<OwnerKind, OwnerPool> pools = new EnumMap<>(OwnerKind.class);
            for (OwnerKind kind : KINDS) {
                OwnerPool ownerPool = policy.pool(kind);
                pools.put(kind, ownerPool);
                keyOwners[kind.ordinal()] = ownerNumber(kind.key());
                TreeSet<String> names = new TreeSet<>();
                ownerPool.members().forEach(member -> names.add(member.value()));
                members[kind.ordinal()] = names.stream().mapToInt(AgendaRun.this::ownerNumber).toArray();
                capacity[kind.ordinal()] = new int[channelCount];
                for (Channel channel : CHANNELS) {
                    capacity[kind.ordinal()][channel.ordinal()] = ownerPool.capacity(channel).orElse(NONE);
                }
                ownerTimes[kind.ordinal()] = BusinessTime.of(policy.calendarOf(kind));
                workingSpans.add(List.of());
                extraSpans.add(List.of());
            }
            // The pool's managers start without customers; the customers' own managers count theirs.
            TreeSet<String> poolNames = new TreeSet<>();
            pools.get(OwnerKind.ACCOUNT_MANAGER).members().forEach(member -> poolNames.add(member.value()));
            int[] loads = new int[owners.size()];
            for (int c = 0; c < customers; c++) {
                if (included(c) && managers[c] != NONE) {
                    poolNames.add(owners.get(managers[c]));
                    loads[managers[c]]++;
                }
            }
            managerLoad = loads;
            pool = poolNames.stream().mapToInt(AgendaRun.this::ownerNumber).toArray();
            usedPerChannel = new int[owners.size() * channelCount];
            usedPerDay = new int[owners.size()];
            ownerNameRanks = namesRanked(owners);
            ruleNameRanks = namesRanked(rules.stream().map(CadenceRule::name).toList());
            slots = new Object[KINDS.length][preferenceValues.size()];
            slotDays = new int[KINDS.length][preferenceValues.size()];
            for (int[] stamps : slotDays) {
                Arrays.fill(stamps, Integer.MIN_VALUE);
            }
            usable = new Channel[preferenceValues.size()][][];
        }

        void run() {
            renumberContacts();
            IntList blocked = new IntList(16);
            int earliest = fromDay;
            for (int contact = 0; contact < contacts; contact++) {
                int due = firstDue(contact);
                contactDue[contact] = due;
                // Contacts due after the range are not this plan's business.
                if (due > toDay) {
                    continue;
                }
                int block = blocked(contact);
                if (block != NONE) {
                    contactState[contact] = (byte) ((block + 1) << BLOCKED_SHIFT);
                    blocked.add(contact);
                } else {
                    enqueue(contact, Math.max(due - fromDay, 0));
                    earliest = Math.min(earliest, due);
                }
            }
            keys(earliest);
            // Day by day: every contact due by then competes for the day, ranked by tier, days
            // overdue and churn risk; what does not fit waits for the next day.
            long[] waiting = new long[0];
            int waitingSize = 0;
            long[] arriving = new long[16];
            // A rule's next due day after the day, the same for every contact it places that day:
            // worked out once a day per rule (a business-day interval walks the calendar).
            int[] nextDue = new int[rules.size()];
            int[] nextDueOn = new int[rules.size()];
            Arrays.fill(nextDueOn, Integer.MIN_VALUE);
            for (int index = 0; index < days; index++) {
                startDay(fromDay + index);
                int arrivingSize = 0;
                for (int contact = queueHeads[index]; contact != NONE; contact = queueNext[contact]) {
                    if (arrivingSize == arriving.length) {
                        arriving = Arrays.copyOf(arriving, IntList.grown(arrivingSize));
                    }
                    arriving[arrivingSize++] = key(contact);
                }
                Arrays.sort(arriving, 0, arrivingSize);
                if (waitingSize == 0) {
                    long[] swap = waiting;
                    waiting = arriving;
                    arriving = swap;
                    waitingSize = arrivingSize;
                } else {
                    if (waiting.length < waitingSize + arrivingSize) {
                        waiting = Arrays.copyOf(waiting,
                                Math.max(waitingSize + arrivingSize, IntList.grown(waiting.length)));
                    }
                    mergeFromTheEnd(waiting, waitingSize, arriving, arrivingSize);
                    waitingSize += arrivingSize;
                }
                int kept = 0;
                for (int i = 0; i < waitingSize; i++) {
                    int contact = (int) (waiting[i] & contactMask);
                    if (place(contact)) {
                        int rule = contactRule[contact];
                        if (nextDueOn[rule] != fromDay + index) {
                            nextDue[rule] = epochDay(rules.get(rule).every().after(date, policy.calendar()));
                            nextDueOn[rule] = fromDay + index;
                        }
                        int next = nextDue[rule];
                        if (next <= toDay) {
                            contactDue[contact] = next;
                            contactState[contact] = 0;
                            enqueue(contact, next - fromDay);
                        }
                    } else {
                        waiting[kept++] = waiting[i];
                    }
                }
                waitingSize = kept;
                if (!byCustomer) {
                    writeDay();
                }
            }
            for (int i = 0; i < waitingSize; i++) {
                blocked.add((int) (waiting[i] & contactMask));
            }
            if (byCustomer) {
                writeByCustomer(blocked);
            } else {
                writeUnscheduled(blocked);
            }
        }

        private void enqueue(int contact, int index) {
            queueNext[contact] = queueHeads[index];
            queueHeads[index] = contact;
        }

        /**
         * Numbers the contacts in the order of their customers by churn risk (highest first), then
         * id, each customer's by rule: then a contact's number is its place among contacts of the
         * same tier and due day, and a contact's rank in the day's competition is one number,
         * {@link #key}.
         */
        private void renumberContacts() {
            if (churnRisks == null && ids.ascending()) {
                return; // added in id order, and so numbered
            }
            IntList order = new IntList(customers);
            for (int c = 0; c < customers; c++) {
                if (firstContact[c] != NONE) {
                    order.add(c);
                }
            }
            order.sort((a, b) -> {
                if (churnRisks != null) {
                    int result = churn(b).compareTo(churn(a));
                    if (result != 0) {
                        return result;
                    }
                }
                return Integer.compare(ids.rank(a), ids.rank(b));
            }, scratch);
            int[] numbers = new int[contacts];
            int next = 0;
            for (int i = 0; i < order.size(); i++) {
                int c = order.get(i);
                int count = rulesOf(c).length;
                for (int k = 0; k < count; k++) {
                    numbers[firstContact[c] + k] = next + k;
                }
                firstContact[c] = next;
                next += count;
            }
            int[] customerOf = new int[contacts];
            short[] ruleOf = new short[contacts];
            int[] dueOf = new int[contacts];
            for (int contact = 0; contact < contacts; contact++) {
                customerOf[numbers[contact]] = contactCustomer[contact];
                ruleOf[numbers[contact]] = contactRule[contact];
                dueOf[numbers[contact]] = contactDue[contact];
            }
            contactCustomer = customerOf;
            contactRule = ruleOf;
            contactDue = dueOf;
        }

        private BigDecimal churn(int customer) {
            BigDecimal risk = churnRisks[customer];
            return risk == null ? BigDecimal.ZERO : risk;
        }

        /**
         * Lays out the bits of the keys: tier rank, then days since the earliest due day, then the
         * contact's number, so that keys order contacts as the day's competition does.
         */
        private void keys(int earliest) {
            dueBase = earliest;
            contactBits = bits(contacts);
            dueBits = bits(toDay - earliest + 1);
            int tierBits = bits(tierRanks.max() + 1);
            if (tierBits + dueBits + contactBits > 63) {
                throw new InvalidValueException("a plan of " + contacts + " contacts due from "
                        + LocalDate.ofEpochDay(earliest) + " to " + to + " in " + (tierRanks.max() + 1)
                        + " tiers is too large to order");
            }
            contactMask = (1L << contactBits) - 1;
        }

        /** A contact's rank in the day's competition: tier first, then the most overdue, then its number. */
        private long key(int contact) {
            long tier = tierRanks.get(tierOf[contactCustomer[contact]]);
            return tier << (dueBits + contactBits) | (long) (contactDue[contact] - dueBase) << contactBits | contact;
        }

        private int firstDue(int contact) {
            int last = contactDue[contact];
            if (last == NO_DAY) {
                return rhythmStart[contactCustomer[contact]];
            }
            return epochDay(rules.get(contactRule[contact]).every().after(LocalDate.ofEpochDay(last),
                    policy.calendar()));
        }

        /** The reason that keeps the contact off every day, as an index into {@link #BLOCKS}, or -1. */
        private int blocked(int contact) {
            int customer = contactCustomer[contact];
            CadenceRule rule = rules.get(contactRule[contact]);
            if (rule.purpose().marketing() && policy.suppressMarketingWhileComplaintOpen()
                    && (flags[customer] & COMPLAINT_OPEN) != 0) {
                return 0;
            }
            if (channels(customer, contactRule[contact]).length == 0) {
                return 1;
            }
            if (rule.owner() == OwnerKind.ACCOUNT_MANAGER && managers[customer] == NONE && pool.length == 0) {
                return 2;
            }
            return NONE;
        }

        private void startDay(int epochDay) {
            day = epochDay;
            date = LocalDate.ofEpochDay(epochDay);
            Arrays.fill(usedPerChannel, 0);
            Arrays.fill(usedPerDay, 0);
            for (OwnerKind kind : KINDS) {
                BusinessTime ownerTime = ownerTimes[kind.ordinal()];
                List<BusinessTime.TimeSpan> working = ownerTime.workingSpans(date);
                workingSpans.set(kind.ordinal(), working);
                BusinessCalendar calendar = ownerTime.calendar();
                extraSpans.set(kind.ordinal(), working.isEmpty() && !calendar.holidays().contains(date)
                        ? ownerTime.spans(date, calendar.extraDayHours()) : working);
            }
        }

        /** Places the contact on the day if a slot, the cap and an owner's capacity allow. */
        private boolean place(int contact) {
            int customer = contactCustomer[contact];
            int rule = contactRule[contact];
            OwnerKind kind = rules.get(rule).owner();
            if (slot(preferences[customer], kind) == null) {
                return false;
            }
            contactState[contact] |= HAD_SLOT;
            if (!withinCap(customer)) {
                contactState[contact] |= CAP_REACHED;
                return false;
            }
            for (Channel channel : channels(customer, rule)) {
                int owner = owner(customer, kind, channel.ordinal());
                if (owner != NONE) {
                    record(contact, customer, kind, owner, channel);
                    return true;
                }
            }
            return false;
        }

        private void record(int contact, int customer, OwnerKind kind, int owner, Channel channel) {
            if (kind == OwnerKind.ACCOUNT_MANAGER && managers[customer] == NONE && assigned[customer] == NONE) {
                int load = managerLoad[owner]++;
                assigned[customer] = owner;
                String manager = owners.get(owner);
                sink.assigned(new ManagerAssignment(CustomerId.of(ids.id(customer)), StaffId.of(manager),
                        "no account manager; " + manager + " had the fewest customers (" + load + ")"));
            }
            usedPerChannel[owner * channelCount + channel.ordinal()]++;
            usedPerDay[owner]++;
            touch(customer, day);
            placedContact.add(contact);
            placedOwner.add(owner);
            placedChannel.add(channel.ordinal());
            placedDue.add(contactDue[contact]);
        }

        /** Writes the day's contacts by owner, customer and rule, and forgets them. */
        private void writeDay() {
            IntList order = new IntList(placedContact.size());
            for (int i = 0; i < placedContact.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> {
                int result = Integer.compare(ownerNameRanks[placedOwner.get(a)], ownerNameRanks[placedOwner.get(b)]);
                if (result != 0) {
                    return result;
                }
                int ca = contactCustomer[placedContact.get(a)];
                int cb = contactCustomer[placedContact.get(b)];
                result = Integer.compare(ids.rank(ca), ids.rank(cb));
                return result != 0 ? result : Integer.compare(ruleNameRanks[contactRule[placedContact.get(a)]],
                        ruleNameRanks[contactRule[placedContact.get(b)]]);
            }, scratch);
            for (int i = 0; i < order.size(); i++) {
                sink.planned(planned(order.get(i)));
            }
            forgetPlaced();
        }

        /**
         * Writes the one day's contacts, planned and unscheduled, customer by customer: each
         * customer's planned contacts by rule name, then its unscheduled ones by due day and rule
         * name, and forgets them.
         */
        private void writeByCustomer(IntList unscheduled) {
            IntList order = new IntList(placedContact.size());
            for (int i = 0; i < placedContact.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> {
                int result = Integer.compare(ids.rank(contactCustomer[placedContact.get(a)]),
                        ids.rank(contactCustomer[placedContact.get(b)]));
                return result != 0 ? result : Integer.compare(ruleNameRanks[contactRule[placedContact.get(a)]],
                        ruleNameRanks[contactRule[placedContact.get(b)]]);
            }, scratch);
            unscheduled.sort((a, b) -> {
                int result = Integer.compare(ids.rank(contactCustomer[a]), ids.rank(contactCustomer[b]));
                if (result != 0) {
                    return result;
                }
                result = Integer.compare(contactDue[a], contactDue[b]);
                return result != 0 ? result : Integer.compare(ruleNameRanks[contactRule[a]],
                        ruleNameRanks[contactRule[b]]);
            }, scratch);
            int i = 0;
            int j = 0;
            while (i < order.size() || j < unscheduled.size()) {
                // A customer's planned contacts come before its unscheduled ones.
                boolean plannedNext = j == unscheduled.size() || i < order.size()
                        && ids.rank(contactCustomer[placedContact.get(order.get(i))])
                                <= ids.rank(contactCustomer[unscheduled.get(j)]);
                if (plannedNext) {
                    sink.planned(planned(order.get(i++)));
                } else {
                    sink.unscheduled(unscheduled(unscheduled.get(j++)));
                }
            }
            forgetPlaced();
        }

        /** The contact placed at an index of the day's placed contacts. */
        private PlannedContact planned(int placed) {
            int contact = placedContact.get(placed);
            int customer = contactCustomer[contact];
            CadenceRule rule = rules.get(contactRule[contact]);
            LocalDate due = LocalDate.ofEpochDay(placedDue.get(placed));
            long overdue = due.isBefore(from) ? ChronoUnit.DAYS.between(due, from) : 0;
            String reason = rule.name() + ": " + rule.purpose().key() + " every " + rule.every() + ", due " + due
                    + (overdue > 0 ? ", " + overdue + " days overdue" : "");
            ContactPreferences wishes = preferenceValues.get(preferences[customer]);
            return new PlannedContact(CustomerId.of(ids.id(customer)), tiers.get(tierOf[customer]), date,
                    CHANNELS[placedChannel.get(placed)], owners.get(placedOwner.get(placed)), rule, due,
                    wishes.preferredHours(), wishes.timeZone(), slot(preferences[customer], rule.owner()), reason);
        }

        private void forgetPlaced() {
            placedContact.clear();
            placedOwner.clear();
            placedChannel.clear();
            placedDue.clear();
        }

        /** Writes the contacts that could not be placed, by due day, customer and rule. */
        private void writeUnscheduled(IntList unscheduled) {
            unscheduled.sort((a, b) -> {
                int result = Integer.compare(contactDue[a], contactDue[b]);
                if (result != 0) {
                    return result;
                }
                result = Integer.compare(ids.rank(contactCustomer[a]), ids.rank(contactCustomer[b]));
                return result != 0 ? result : Integer.compare(ruleNameRanks[contactRule[a]],
                        ruleNameRanks[contactRule[b]]);
            }, scratch);
            for (int i = 0; i < unscheduled.size(); i++) {
                sink.unscheduled(unscheduled(unscheduled.get(i)));
            }
        }

        private UnscheduledContact unscheduled(int contact) {
            int customer = contactCustomer[contact];
            CadenceRule rule = rules.get(contactRule[contact]);
            LocalDate due = LocalDate.ofEpochDay(contactDue[contact]);
            int block = (contactState[contact] >> BLOCKED_SHIFT) - 1;
            UnscheduledContact.Kind kind;
            String reason;
            String owner;
            if (block >= 0) {
                kind = BLOCKS[block];
                reason = switch (kind) {
                    case COMPLAINT_OPEN -> "marketing (" + rule.purpose().key() + ") waits while a complaint is open";
                    case DO_NOT_CONTACT -> "every channel of " + rule.name() + " ("
                            + String.join(", ", rule.channels().stream().map(Channel::key).toList())
                            + ") is on the customer's do-not-contact list";
                    default -> "no account manager to assign:"
                            + " name managers on the customers or under cadences.owners.account_manager.members";
                };
                // Blocked before the first day: no manager had been assigned yet.
                owner = intendedOwner(customer, rule.owner(), NONE);
            } else {
                LocalDate first = due.isBefore(from) ? from : due;
                if ((contactState[contact] & HAD_SLOT) == 0) {
                    kind = UnscheduledContact.Kind.NO_SUITABLE_DAY;
                    reason = "no day between " + first + " and " + to + " has working time of the "
                            + rule.owner().key() + " (calendar " + policy.calendarOf(rule.owner()).name()
                            + ") on the customer's preferred days and hours";
                } else if ((contactState[contact] & CAP_REACHED) != 0) {
                    kind = UnscheduledContact.Kind.FREQUENCY_CAP;
                    reason = "the frequency cap of " + cap.orElseThrow().touches() + " contacts in "
                            + cap.orElseThrow().days() + " days leaves no room until " + to;
                } else {
                    kind = UnscheduledContact.Kind.NO_CAPACITY;
                    reason = "no " + rule.owner().key() + " has capacity left for " + String.join(" or ",
                            Arrays.stream(channels(customer, contactRule[contact])).map(Channel::key).toList())
                            + " on a suitable day until " + to;
                }
                owner = intendedOwner(customer, rule.owner(), assigned[customer]);
            }
            return new UnscheduledContact(CustomerId.of(ids.id(customer)), tiers.get(tierOf[customer]), rule, due,
                    owner, kind, reason);
        }

        private String intendedOwner(int customer, OwnerKind kind, int assignedManager) {
            if (kind == OwnerKind.ACCOUNT_MANAGER) {
                int manager = managers[customer] != NONE ? managers[customer] : assignedManager;
                return manager != NONE ? owners.get(manager) : kind.key();
            }
            return kind.key();
        }

        /** The rule's channels without the do-not-contact ones, the customer's preferred one first. */
        private Channel[] channels(int customer, int rule) {
            int number = preferences[customer];
            if (usable[number] == null) {
                usable[number] = new Channel[rules.size()][];
            }
            Channel[] known = usable[number][rule];
            if (known == null) {
                ContactPreferences wishes = preferenceValues.get(number);
                List<Channel> list = new ArrayList<>();
                List<Channel> allowed = rules.get(rule).channels();
                wishes.usablePreferredChannel().filter(allowed::contains).ifPresent(list::add);
                for (Channel channel : allowed) {
                    if (wishes.allows(channel) && !list.contains(channel)) {
                        list.add(channel);
                    }
                }
                known = list.toArray(new Channel[0]);
                usable[number][rule] = known;
            }
            return known;
        }

        /**
         * The first time on the day that is working time of the owner and, in the customer's time
         * zone, on one of the customer's preferred days and within the preferred hours; null if
         * none. The same for every customer with the same preferences, so kept for the day.
         */
        private ContactSlot slot(int number, OwnerKind kind) {
            int k = kind.ordinal();
            if (slotDays[k][number] != day) {
                ContactSlot found = findSlot(preferenceValues.get(number), kind);
                slots[k][number] = found == null ? noSlot : found;
                slotDays[k][number] = day;
            }
            Object slot = slots[k][number];
            return slot == noSlot ? null : (ContactSlot) slot;
        }

        private ContactSlot findSlot(ContactPreferences wishes, OwnerKind kind) {
            ZoneId customerZone = wishes.timeZone().orElse(zone);
            Set<DayOfWeek> preferredDays = wishes.preferredDays();
            // The plan contacts customers on the days they prefer, also when the owners' calendar
            // has that weekday closed: within the owners' usual hours (those of an extra working
            // day), but never on a holiday.
            List<BusinessTime.TimeSpan> spans = preferredDays.contains(date.getDayOfWeek())
                    ? extraSpans.get(kind.ordinal()) : workingSpans.get(kind.ordinal());
            for (BusinessTime.TimeSpan span : spans) {
                LocalDate firstLocal = span.start().atZone(customerZone).toLocalDate();
                LocalDate lastLocal = span.end().minusNanos(1).atZone(customerZone).toLocalDate();
                for (LocalDate local = firstLocal; !local.isAfter(lastLocal); local = local.plusDays(1)) {
                    if (!preferredDays.isEmpty() && !preferredDays.contains(local.getDayOfWeek())) {
                        continue;
                    }
                    LocalDate localDay = local;
                    Instant windowStart = wishes.preferredHours()
                            .map(hours -> ZonedDateTime.of(localDay, hours.start(), customerZone).toInstant())
                            .orElse(local.atStartOfDay(customerZone).toInstant());
                    Instant windowEnd = wishes.preferredHours()
                            .map(hours -> ZonedDateTime.of(localDay, hours.end(), customerZone).toInstant())
                            .orElse(local.plusDays(1).atStartOfDay(customerZone).toInstant());
                    Instant start = span.start().isAfter(windowStart) ? span.start() : windowStart;
                    Instant end = span.end().isBefore(windowEnd) ? span.end() : windowEnd;
                    if (end.isAfter(start)) {
                        return new ContactSlot(start, end, customerZone);
                    }
                }
            }
            return null;
        }

        /** Whether one more contact on the day keeps every window of the cap within its limit. */
        private boolean withinCap(int customer) {
            if (cap.isEmpty()) {
                return true;
            }
            int limit = cap.get().touches();
            if (touchCounts[customer] + 1 <= limit) {
                return true; // not even all of the customer's contact days fill a window
            }
            int length = cap.get().days();
            // Every window that holds the day lies within length - 1 days of it.
            int near = 0;
            for (int t = touchHeads[customer]; t != NONE; t = touchNext[t]) {
                if (Math.abs(touchDays[t] - day) < length) {
                    near++;
                }
            }
            if (near + 1 <= limit) {
                return true;
            }
            for (int start = day - length + 1; start <= day; start++) {
                int count = 0;
                for (int t = touchHeads[customer]; t != NONE; t = touchNext[t]) {
                    if (touchDays[t] >= start && touchDays[t] <= start + length - 1) {
                        count++;
                    }
                }
                if (count + 1 > limit) {
                    return false;
                }
            }
            return true;
        }

        /** The owner who takes the contact by the channel, or -1 if none has capacity. */
        private int owner(int customer, OwnerKind kind, int channel) {
            if (kind == OwnerKind.ACCOUNT_MANAGER) {
                return managerFor(customer, channel);
            }
            int[] team = members[kind.ordinal()];
            if ((kind == OwnerKind.SALES_TEAM || kind == OwnerKind.SERVICE_TEAM) && team.length > 0) {
                // The member with the fewest contacts that day; members are in id order, so ties go to the first.
                int best = NONE;
                for (int member : team) {
                    if (hasCapacity(kind, member, channel) && (best == NONE || usedPerDay[member] < usedPerDay[best])) {
                        best = member;
                    }
                }
                return best;
            }
            int key = keyOwners[kind.ordinal()];
            return hasCapacity(kind, key, channel) ? key : NONE;
        }

        /**
         * The customer's manager; for a customer without one, the one already assigned in this
         * run, else the least loaded manager with capacity for the day (assigned only once a
         * contact is placed with them).
         */
        private int managerFor(int customer, int channel) {
            int own = managers[customer] != NONE ? managers[customer] : assigned[customer];
            if (own != NONE) {
                return hasCapacity(OwnerKind.ACCOUNT_MANAGER, own, channel) ? own : NONE;
            }
            int best = NONE;
            for (int manager : pool) {
                if (hasCapacity(OwnerKind.ACCOUNT_MANAGER, manager, channel)
                        && (best == NONE || managerLoad[manager] < managerLoad[best])) {
                    best = manager;
                }
            }
            return best;
        }

        private boolean hasCapacity(OwnerKind kind, int owner, int channel) {
            int limit = capacity[kind.ordinal()][channel];
            return limit == NONE || usedPerChannel[owner * channelCount + channel] < limit;
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Merges the sorted {@code from} into the sorted start of {@code into}, which has room for both. */
    private static void mergeFromTheEnd(long[] into, int intoSize, long[] from, int fromSize) {
        int i = intoSize - 1;
        int j = fromSize - 1;
        int k = intoSize + fromSize - 1;
        while (j >= 0) {
            into[k--] = i >= 0 && into[i] > from[j] ? into[i--] : from[j--];
        }
    }

    /** The bits that hold the numbers 0 to {@code count - 1}. */
    private static int bits(int count) {
        return count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
    }

    private int[] rulesOf(int customer) {
        if ((flags[customer] & WIN_BACK) != 0) {
            return winBackRules;
        }
        return tierRules.get(tierOf[customer]);
    }

    private void touch(int customer, int day) {
        if (touchHeads == null) {
            return;
        }
        if (touches == touchDays.length) {
            int length = IntList.grown(touches);
            touchDays = Arrays.copyOf(touchDays, length);
            touchNext = Arrays.copyOf(touchNext, length);
        }
        touchDays[touches] = day;
        touchNext[touches] = touchHeads[customer];
        touchHeads[customer] = touches++;
        if (touchCounts[customer] < Byte.MAX_VALUE) {
            touchCounts[customer]++;
        }
    }

    private int tierNumber(Tier tier) {
        return tierNumbers.computeIfAbsent(tier, known -> {
            if (tiers.size() > Short.MAX_VALUE) {
                throw new InvalidValueException("a plan takes at most " + Short.MAX_VALUE + " tiers");
            }
            // A tier without rules of its own: its customers get win-back at most.
            tierRules.add(new int[0]);
            tiers.add(Optional.of(known));
            tierRanks.add(rank(known));
            return tiers.size() - 1;
        });
    }

    /** Tiers the ladder does not know rank with "no tier", below all. */
    private int rank(Tier tier) {
        return ladder.contains(tier) ? ladder.rank(Optional.of(tier)) : ladder.tiers().size();
    }

    private int ownerNumber(String name) {
        return ownerNumbers.computeIfAbsent(name, known -> {
            owners.add(known);
            return owners.size() - 1;
        });
    }

    /** The place of each name in the names' natural order. */
    private static int[] namesRanked(List<String> names) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        int[] ranks = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            ranks[i] = java.util.Collections.binarySearch(sorted, names.get(i));
        }
        return ranks;
    }

    private static int epochDay(LocalDate day) {
        long epochDay = day.toEpochDay();
        if (Math.abs(epochDay) > MAX_EPOCH_DAY) {
            throw new InvalidValueException("day " + day + " is too far from today to plan with");
        }
        return (int) epochDay;
    }
}

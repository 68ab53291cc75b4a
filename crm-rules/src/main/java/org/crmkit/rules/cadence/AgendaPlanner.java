package org.crmkit.rules.cadence;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.Tier;
import org.crmkit.core.model.TierLadder;
import org.crmkit.rules.calendar.BusinessTime;

/**
 * Plans contacts: a pure function from a cadence policy, customers and a range of days to an
 * {@link Agenda}.
 *
 * <p>How it decides, in the words of the documentation:
 * <ul>
 *   <li><b>Due days.</b> A rule's next contact is due one interval after the last actual
 *       interaction that counts for it (its channels, and the kinds its purpose counts); without
 *       one since the rhythm began (a new customer, or a tier change) it is due on the day the
 *       rhythm began. A contact due before the range is overdue and is planned first; later ones
 *       follow one interval after the day the previous one is planned.</li>
 *   <li><b>Order.</b> When capacity is short, contacts are placed in the order: earliest day they
 *       can take, tier (highest first), days overdue (most first), churn risk (highest first),
 *       customer id, rule.</li>
 *   <li><b>Days and times.</b> The first day, never before the due day, with working time of
 *       the owner (the owner pool's calendar, else the cadences calendar: holidays and closed
 *       days have none) that falls, in the customer's time zone, on a preferred day and within
 *       the preferred hours, if the customer states them. The contact's slot is that overlap.
 *       Days are dates in the cadences calendar's zone.</li>
 *   <li><b>Channels.</b> The rule's channels without the do-not-contact ones, the customer's
 *       preferred channel first. Marketing contacts wait while a complaint is open, if the
 *       policy says so. Customers for whom the win-back condition holds get only the win-back rule.</li>
 *   <li><b>Owners.</b> Account managers: the customer's own, or the one with the fewest
 *       customers, assigned and reported. Teams: the member with the fewest contacts that day.
 *       No owner exceeds a daily capacity; no customer exceeds the frequency cap, counting actual
 *       interactions too.</li>
 *   <li>A due contact that cannot be placed is reported with the reason, never dropped.</li>
 * </ul>
 * Immutable and thread-safe; every call starts from scratch.
 */
public final class AgendaPlanner {
    private final CadencePolicy policy;
    private final TierLadder ladder;

    private AgendaPlanner(CadencePolicy policy, TierLadder ladder) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ladder = Objects.requireNonNull(ladder, "ladder");
    }

    /**
     * Creates a planner.
     *
     * @param policy the cadence section; not null
     * @param ladder the tiers in rank order, to order contacts; not null
     * @return the planner
     */
    public static AgendaPlanner of(CadencePolicy policy, TierLadder ladder) {
        return new AgendaPlanner(policy, ladder);
    }

    /**
     * Plans the contacts of a range of days.
     *
     * @param from the first day, also the day against which contacts count as overdue; not null
     * @param to the last day, not before {@code from}; not null
     * @param customers the customers; not null
     * @return the agenda
     */
    public Agenda plan(LocalDate from, LocalDate to, List<CadenceCustomer> customers) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(customers, "customers");
        if (to.isBefore(from)) {
            throw new InvalidValueException("agenda must not end (" + to + ") before it starts (" + from + ")");
        }
        return new Run(from, to, customers).plan();
    }

    /** One planning run: its state lives here, so the planner stays immutable. */
    private final class Run {
        private final LocalDate from;
        private final LocalDate to;
        private final List<CadenceCustomer> customers;
        private final Map<String, Integer> used = new HashMap<>();
        private final Map<StaffId, Integer> managerLoad = new TreeMap<>();
        private final Map<CustomerId, StaffId> assignedManagers = new HashMap<>();
        private final Map<CustomerId, TreeMap<LocalDate, Integer>> touches = new HashMap<>();
        private final List<PlannedContact> planned = new ArrayList<>();
        private final List<UnscheduledContact> unscheduled = new ArrayList<>();
        private final List<ManagerAssignment> assignments = new ArrayList<>();
        private final Map<OwnerKind, BusinessTime> ownerTimes = new java.util.EnumMap<>(OwnerKind.class);

        Run(LocalDate from, LocalDate to, List<CadenceCustomer> customers) {
            this.from = from;
            this.to = to;
            this.customers = customers;
        }

        /** A contact waiting to be placed. */
        private record Pending(CadenceCustomer customer, int ruleIndex, CadenceRule rule, LocalDate due) {
        }

        Agenda plan() {
            Set<StaffId> managers = new TreeSet<>(policy.pool(OwnerKind.ACCOUNT_MANAGER).members());
            for (CadenceCustomer customer : customers) {
                customer.customer().accountManager().ifPresent(managers::add);
            }
            managers.forEach(manager -> managerLoad.put(manager, 0));
            for (CadenceCustomer customer : customers) {
                customer.customer().accountManager().ifPresent(manager -> managerLoad.merge(manager, 1, Integer::sum));
                TreeMap<LocalDate, Integer> days = new TreeMap<>();
                for (Interaction interaction : customer.interactions()) {
                    days.merge(day(interaction), 1, Integer::sum);
                }
                touches.put(customer.customer().id(), days);
            }
            PriorityQueue<Pending> queue = new PriorityQueue<>(order());
            for (CadenceCustomer customer : customers) {
                List<CadenceRule> rules = rulesFor(customer);
                for (int i = 0; i < rules.size(); i++) {
                    queue.add(new Pending(customer, i, rules.get(i), firstDue(customer, rules.get(i))));
                }
            }
            while (!queue.isEmpty()) {
                Pending next = queue.poll();
                Optional<LocalDate> placedOn = place(next);
                placedOn.map(day -> next.rule().every().after(day, policy.calendar()))
                        .filter(due -> !due.isAfter(to))
                        .ifPresent(due -> queue.add(new Pending(next.customer(), next.ruleIndex(), next.rule(), due)));
            }
            planned.sort(Comparator.comparing(PlannedContact::date).thenComparing(PlannedContact::owner)
                    .thenComparing(PlannedContact::customerId).thenComparing(contact -> contact.rule().name()));
            unscheduled.sort(Comparator.comparing(UnscheduledContact::due).thenComparing(UnscheduledContact::customerId)
                    .thenComparing(contact -> contact.rule().name()));
            return new Agenda(from, to, planned, unscheduled, assignments);
        }

        private Comparator<Pending> order() {
            return Comparator.comparing((Pending pending) -> pending.due().isBefore(from) ? from : pending.due())
                    .thenComparingInt(pending -> rank(pending.customer().tier()))
                    .thenComparing(Comparator.comparing(Pending::due))
                    .thenComparing(pending -> pending.customer().churnRisk().orElse(BigDecimal.ZERO),
                            Comparator.reverseOrder())
                    .thenComparing(pending -> pending.customer().customer().id())
                    .thenComparingInt(Pending::ruleIndex);
        }

        /** Tiers the ladder does not know rank with "no tier", below all. */
        private int rank(Optional<Tier> tier) {
            return tier.filter(ladder::contains).map(known -> ladder.rank(Optional.of(known)))
                    .orElse(ladder.tiers().size());
        }

        private List<CadenceRule> rulesFor(CadenceCustomer customer) {
            if (policy.winBackWhen().isPresent()
                    && policy.winBackWhen().get().evaluate(customer.metrics()).holds()) {
                return List.of(policy.winBack().orElseThrow());
            }
            return customer.tier().map(tier -> policy.rules().getOrDefault(tier, List.of())).orElse(List.of());
        }

        private LocalDate firstDue(CadenceCustomer customer, CadenceRule rule) {
            Optional<LocalDate> last = customer.interactions().stream()
                    .filter(interaction -> rule.channels().contains(interaction.channel())
                            && rule.purpose().countedBy(interaction.kind()))
                    .map(this::day)
                    .filter(day -> !day.isBefore(customer.rhythmStart()))
                    .max(Comparator.naturalOrder());
            return last.map(day -> rule.every().after(day, policy.calendar())).orElse(customer.rhythmStart());
        }

        private LocalDate day(Interaction interaction) {
            return interaction.occurredAt().atZoneSameInstant(zone()).toLocalDate();
        }

        private ZoneId zone() {
            return policy.calendar().zone();
        }

        private Optional<LocalDate> place(Pending pending) {
            CadenceCustomer customer = pending.customer();
            Customer who = customer.customer();
            CadenceRule rule = pending.rule();
            String intendedOwner = intendedOwner(who, rule.owner());
            if (rule.purpose().marketing() && policy.suppressMarketingWhileComplaintOpen() && customer.complaintOpen()) {
                return unscheduled(pending, intendedOwner, "marketing (" + rule.purpose().key()
                        + ") waits while a complaint is open");
            }
            if (rule.owner() == OwnerKind.ACCOUNT_MANAGER && manager(who).isEmpty()) {
                return unscheduled(pending, intendedOwner, "no account manager to assign: name managers on the"
                        + " customers or under cadences.owners.account_manager.members");
            }
            List<Channel> channels = channels(who, rule);
            if (channels.isEmpty()) {
                return unscheduled(pending, intendedOwner, "every channel of " + rule.name() + " ("
                        + String.join(", ", rule.channels().stream().map(Channel::key).toList())
                        + ") is on the customer's do-not-contact list");
            }
            boolean anyDay = false;
            boolean capReached = false;
            LocalDate first = pending.due().isBefore(from) ? from : pending.due();
            for (LocalDate day = first; !day.isAfter(to); day = day.plusDays(1)) {
                Optional<ContactSlot> slot = slot(who, day, rule.owner());
                if (slot.isEmpty()) {
                    continue;
                }
                anyDay = true;
                if (!withinCap(who.id(), day)) {
                    capReached = true;
                    continue;
                }
                for (Channel channel : channels) {
                    Optional<String> owner = owner(who, rule.owner(), day, channel);
                    if (owner.isPresent()) {
                        record(pending, day, channel, owner.get(), slot.get());
                        return Optional.of(day);
                    }
                }
            }
            String reason = !anyDay ? "no day between " + first + " and " + to + " has working time of the "
                    + rule.owner().key() + " (calendar " + policy.calendarOf(rule.owner()).name()
                    + ") on the customer's preferred days and hours"
                    : capReached ? "the frequency cap of " + policy.frequencyCap().orElseThrow().touches()
                            + " contacts in " + policy.frequencyCap().orElseThrow().days() + " days leaves no room"
                    : "no " + rule.owner().key() + " has capacity left for " + String.join(" or ",
                            channels.stream().map(Channel::key).toList()) + " on a suitable day until " + to;
            return unscheduled(pending, intendedOwner, reason);
        }

        private Optional<LocalDate> unscheduled(Pending pending, String owner, String reason) {
            unscheduled.add(new UnscheduledContact(pending.customer().customer().id(), pending.customer().tier(),
                    pending.rule(), pending.due(), owner, reason));
            return Optional.empty();
        }

        private void record(Pending pending, LocalDate day, Channel channel, String owner, ContactSlot slot) {
            Customer who = pending.customer().customer();
            used.merge(owner + "|" + day + "|" + channel, 1, Integer::sum);
            used.merge(owner + "|" + day, 1, Integer::sum);
            touches.get(who.id()).merge(day, 1, Integer::sum);
            long overdue = pending.due().isBefore(from) ? ChronoUnit.DAYS.between(pending.due(), from) : 0;
            String reason = pending.rule().name() + ": " + pending.rule().purpose().key() + " every "
                    + pending.rule().every() + ", due " + pending.due() + (overdue > 0 ? ", " + overdue + " days overdue"
                    : "");
            planned.add(new PlannedContact(who.id(), pending.customer().tier(), day, channel, owner, pending.rule(),
                    pending.due(), who.contactPreferences().preferredHours(), slot, reason));
        }

        private List<Channel> channels(Customer who, CadenceRule rule) {
            List<Channel> channels = new ArrayList<>();
            who.contactPreferences().usablePreferredChannel().filter(rule.channels()::contains).ifPresent(channels::add);
            for (Channel channel : rule.channels()) {
                if (who.contactPreferences().allows(channel) && !channels.contains(channel)) {
                    channels.add(channel);
                }
            }
            return channels;
        }

        /**
         * The first time on a day that is working time of the owner and, in the customer's time
         * zone, on one of the customer's preferred days and within the preferred hours.
         */
        private Optional<ContactSlot> slot(Customer who, LocalDate day, OwnerKind kind) {
            ContactPreferences preferences = who.contactPreferences();
            ZoneId customerZone = preferences.timeZone().orElse(zone());
            Set<DayOfWeek> days = preferences.preferredDays();
            BusinessTime ownerTime = ownerTimes.computeIfAbsent(kind, k -> BusinessTime.of(policy.calendarOf(k)));
            for (BusinessTime.TimeSpan span : ownerTime.workingSpans(day)) {
                LocalDate firstLocal = span.start().atZone(customerZone).toLocalDate();
                LocalDate lastLocal = span.end().minusNanos(1).atZone(customerZone).toLocalDate();
                for (LocalDate local : firstLocal.datesUntil(lastLocal.plusDays(1)).toList()) {
                    if (!days.isEmpty() && !days.contains(local.getDayOfWeek())) {
                        continue;
                    }
                    Instant windowStart = preferences.preferredHours()
                            .map(hours -> ZonedDateTime.of(local, hours.start(), customerZone).toInstant())
                            .orElse(local.atStartOfDay(customerZone).toInstant());
                    Instant windowEnd = preferences.preferredHours()
                            .map(hours -> ZonedDateTime.of(local, hours.end(), customerZone).toInstant())
                            .orElse(local.plusDays(1).atStartOfDay(customerZone).toInstant());
                    Instant start = span.start().isAfter(windowStart) ? span.start() : windowStart;
                    Instant end = span.end().isBefore(windowEnd) ? span.end() : windowEnd;
                    if (end.isAfter(start)) {
                        return Optional.of(new ContactSlot(start, end, customerZone));
                    }
                }
            }
            return Optional.empty();
        }

        /** Whether one more contact on the day keeps every window of the cap within its limit. */
        private boolean withinCap(CustomerId customer, LocalDate day) {
            if (policy.frequencyCap().isEmpty()) {
                return true;
            }
            FrequencyCap cap = policy.frequencyCap().get();
            TreeMap<LocalDate, Integer> days = touches.get(customer);
            for (LocalDate start = day.minusDays(cap.days() - 1L); !start.isAfter(day); start = start.plusDays(1)) {
                int count = days.subMap(start, true, start.plusDays(cap.days() - 1L), true).values().stream()
                        .mapToInt(Integer::intValue).sum();
                if (count + 1 > cap.touches()) {
                    return false;
                }
            }
            return true;
        }

        private String intendedOwner(Customer who, OwnerKind kind) {
            if (kind == OwnerKind.ACCOUNT_MANAGER) {
                return who.accountManager().or(() -> Optional.ofNullable(assignedManagers.get(who.id())))
                        .map(StaffId::value).orElse(kind.key());
            }
            return kind.key();
        }

        private Optional<String> owner(Customer who, OwnerKind kind, LocalDate day, Channel channel) {
            OwnerPool pool = policy.pool(kind);
            switch (kind) {
                case ACCOUNT_MANAGER -> {
                    Optional<StaffId> manager = manager(who);
                    return manager.map(StaffId::value).filter(name -> hasCapacity(pool, name, day, channel));
                }
                case SALES_TEAM, SERVICE_TEAM -> {
                    if (pool.members().isEmpty()) {
                        return Optional.of(kind.key()).filter(name -> hasCapacity(pool, name, day, channel));
                    }
                    return pool.members().stream().map(StaffId::value)
                            .filter(name -> hasCapacity(pool, name, day, channel))
                            .min(Comparator.comparingInt((String name) -> used.getOrDefault(name + "|" + day, 0))
                                    .thenComparing(Comparator.naturalOrder()));
                }
                default -> {
                    return Optional.of(kind.key()).filter(name -> hasCapacity(pool, name, day, channel));
                }
            }
        }

        private boolean hasCapacity(OwnerPool pool, String owner, LocalDate day, Channel channel) {
            return pool.capacity(channel).map(limit -> used.getOrDefault(owner + "|" + day + "|" + channel, 0) < limit)
                    .orElse(true);
        }

        /** The customer's manager, assigning the least loaded one when the customer has none. */
        private Optional<StaffId> manager(Customer who) {
            if (who.accountManager().isPresent()) {
                return who.accountManager();
            }
            StaffId assigned = assignedManagers.get(who.id());
            if (assigned != null) {
                return Optional.of(assigned);
            }
            Optional<Map.Entry<StaffId, Integer>> lightest = managerLoad.entrySet().stream()
                    .min(Map.Entry.<StaffId, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            if (lightest.isEmpty()) {
                return Optional.empty();
            }
            StaffId manager = lightest.get().getKey();
            int load = lightest.get().getValue();
            managerLoad.merge(manager, 1, Integer::sum);
            assignedManagers.put(who.id(), manager);
            assignments.add(new ManagerAssignment(who.id(), manager, "no account manager; " + manager
                    + " had the fewest customers (" + load + ")"));
            return Optional.of(manager);
        }
    }
}

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
import java.util.Set;
import java.util.TreeMap;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
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
 * The agenda planner as it was before it streamed, kept unchanged as the reference that
 * {@code AgendaStreamingProperties} compares {@link AgendaPlanner} with: it holds every customer,
 * every due contact and the whole agenda in lists. Plans contacts: a pure function from a cadence
 * policy, customers and a range of days to an {@link Agenda}.
 *
 * <p>How it decides, in the words of the documentation:
 * <ul>
 *   <li><b>Due days.</b> A rule's next contact is due one interval after the last actual
 *       interaction that counts for it (its channels, and the kinds its purpose counts); without
 *       one since the rhythm began (a new customer, or a tier change) it is due on the day the
 *       rhythm began. A contact due before the range is overdue and is planned first; later ones
 *       follow one interval after the day the previous one is planned.</li>
 *   <li><b>Order.</b> Day by day, every contact due by then competes for the day's capacity in
 *       the order: tier (highest first), days overdue (most first), churn risk (highest first),
 *       customer id, rule; what does not fit waits for the next day. Contacts due after the
 *       range are left for a later plan.</li>
 *   <li><b>Days and times.</b> The first day, never before the due day, with working time of
 *       the owner (the owner pool's calendar, else the cadences calendar) that falls, in the
 *       customer's time zone, on a preferred day and within the preferred hours, if the customer
 *       states them. A preferred day the owners' calendar has closed (a weekend) is worked in
 *       the owners' usual hours; a holiday never is. The contact's slot is that overlap. Days are
 *       dates in the cadences calendar's zone.</li>
 *   <li><b>Channels.</b> The rule's channels without the do-not-contact ones, the customer's
 *       preferred channel first. Marketing contacts wait while a complaint is open, if the
 *       policy says so. Customers for whom the win-back condition holds get only the win-back rule.</li>
 *   <li><b>Owners.</b> Account managers: the customer's own, or the one with the fewest
 *       customers, assigned and reported once a contact is placed with them. Teams: the member
 *       with the fewest contacts that day. No owner exceeds a daily capacity; no customer exceeds
 *       the frequency cap, counting actual contacts too (not the customer's own inquiries).</li>
 *   <li>A due contact that cannot be placed is reported with the reason, never dropped.</li>
 * </ul>
 * Immutable and thread-safe; every call starts from scratch.
 */
final class ListAgendaPlanner {
    private final CadencePolicy policy;
    private final TierLadder ladder;

    private ListAgendaPlanner(CadencePolicy policy, TierLadder ladder) {
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
    static ListAgendaPlanner of(CadencePolicy policy, TierLadder ladder) {
        return new ListAgendaPlanner(policy, ladder);
    }

    /**
     * Plans the contacts of a range of days.
     *
     * @param from the first day, also the day against which contacts count as overdue; not null
     * @param to the last day, not before {@code from}; not null
     * @param customers the customers; not null
     * @return the agenda
     */
    Agenda plan(LocalDate from, LocalDate to, List<CadenceCustomer> customers) {
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
        private final Map<OwnerDay, Integer> usedPerDay = new HashMap<>();
        private final Map<OwnerChannelDay, Integer> usedPerChannel = new HashMap<>();
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

        /** Contacts an owner has on a day: the key of the load balance. */
        private record OwnerDay(String owner, LocalDate day) {
        }

        /** Contacts an owner has on a day by one channel: the key of the capacity check. */
        private record OwnerChannelDay(String owner, Channel channel, LocalDate day) {
        }

        /** A contact waiting to be placed, with what kept it from the days tried so far. */
        private static final class Pending {
            private final CadenceCustomer customer;
            private final int ruleIndex;
            private final CadenceRule rule;
            private final LocalDate due;
            private boolean hadSlot;
            private boolean capReached;

            Pending(CadenceCustomer customer, int ruleIndex, CadenceRule rule, LocalDate due) {
                this.customer = customer;
                this.ruleIndex = ruleIndex;
                this.rule = rule;
                this.due = due;
            }
        }

        Agenda plan() {
            // The pool's managers start without customers; the customers' own managers count theirs.
            policy.pool(OwnerKind.ACCOUNT_MANAGER).members().forEach(manager -> managerLoad.put(manager, 0));
            for (CadenceCustomer customer : customers) {
                customer.customer().accountManager().ifPresent(manager -> managerLoad.merge(manager, 1, Integer::sum));
                TreeMap<LocalDate, Integer> days = new TreeMap<>();
                for (Interaction interaction : customer.interactions()) {
                    // The cap limits the business's contacts: the customer's own inquiries do not count.
                    if (interaction.kind() != InteractionKind.INQUIRY) {
                        days.merge(day(interaction), 1, Integer::sum);
                    }
                }
                touches.put(customer.customer().id(), days);
            }
            List<Pending> waiting = new ArrayList<>();
            for (CadenceCustomer customer : customers) {
                List<CadenceRule> rules = rulesFor(customer);
                for (int i = 0; i < rules.size(); i++) {
                    LocalDate due = firstDue(customer, rules.get(i));
                    // Contacts due after the range are not this plan's business.
                    if (!due.isAfter(to)) {
                        Pending pending = new Pending(customer, i, rules.get(i), due);
                        blocked(pending).ifPresentOrElse(reason -> unscheduled(pending, reason.getKey(), reason.getValue()),
                                () -> waiting.add(pending));
                    }
                }
            }
            // Day by day: every contact due by then competes for the day, ranked by tier, days
            // overdue and churn risk; what does not fit waits for the next day.
            List<Pending> left = waiting;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                LocalDate today = day;
                List<Pending> ready = new ArrayList<>();
                List<Pending> later = new ArrayList<>();
                for (Pending pending : left) {
                    (pending.due.isAfter(today) ? later : ready).add(pending);
                }
                ready.sort(order());
                for (Pending pending : ready) {
                    if (place(pending, today)) {
                        LocalDate next = pending.rule.every().after(today, policy.calendar());
                        if (!next.isAfter(to)) {
                            later.add(new Pending(pending.customer, pending.ruleIndex, pending.rule, next));
                        }
                    } else {
                        later.add(pending);
                    }
                }
                left = later;
            }
            for (Pending pending : left) {
                Map.Entry<UnscheduledContact.Kind, String> reason = reasonUnplaced(pending);
                unscheduled(pending, reason.getKey(), reason.getValue());
            }
            planned.sort(Comparator.comparing(PlannedContact::date).thenComparing(PlannedContact::owner)
                    .thenComparing(PlannedContact::customerId).thenComparing(contact -> contact.rule().name()));
            unscheduled.sort(Comparator.comparing(UnscheduledContact::due).thenComparing(UnscheduledContact::customerId)
                    .thenComparing(contact -> contact.rule().name()));
            return new Agenda(from, to, planned, unscheduled, assignments);
        }

        /** Tier first, then the most overdue, then the highest churn risk; ties by customer and rule. */
        private Comparator<Pending> order() {
            return Comparator.comparingInt((Pending pending) -> rank(pending.customer.tier()))
                    .thenComparing(pending -> pending.due)
                    .thenComparing(pending -> pending.customer.churnRisk().orElse(BigDecimal.ZERO),
                            Comparator.reverseOrder())
                    .thenComparing(pending -> pending.customer.customer().id())
                    .thenComparingInt(pending -> pending.ruleIndex);
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

        /** A reason that keeps the contact off every day, if any. */
        private Optional<Map.Entry<UnscheduledContact.Kind, String>> blocked(Pending pending) {
            Customer who = pending.customer.customer();
            CadenceRule rule = pending.rule;
            if (rule.purpose().marketing() && policy.suppressMarketingWhileComplaintOpen()
                    && pending.customer.complaintOpen()) {
                return Optional.of(Map.entry(UnscheduledContact.Kind.COMPLAINT_OPEN,
                        "marketing (" + rule.purpose().key() + ") waits while a complaint is open"));
            }
            if (channels(who, rule).isEmpty()) {
                return Optional.of(Map.entry(UnscheduledContact.Kind.DO_NOT_CONTACT, "every channel of " + rule.name()
                        + " (" + String.join(", ", rule.channels().stream().map(Channel::key).toList())
                        + ") is on the customer's do-not-contact list"));
            }
            if (rule.owner() == OwnerKind.ACCOUNT_MANAGER && who.accountManager().isEmpty() && managerLoad.isEmpty()) {
                return Optional.of(Map.entry(UnscheduledContact.Kind.NO_ACCOUNT_MANAGER, "no account manager to assign:"
                        + " name managers on the customers or under cadences.owners.account_manager.members"));
            }
            return Optional.empty();
        }

        /** Places the contact on the day if a slot, the cap and an owner's capacity allow. */
        private boolean place(Pending pending, LocalDate day) {
            Customer who = pending.customer.customer();
            Optional<ContactSlot> slot = slot(who, day, pending.rule.owner());
            if (slot.isEmpty()) {
                return false;
            }
            pending.hadSlot = true;
            if (!withinCap(who.id(), day)) {
                pending.capReached = true;
                return false;
            }
            for (Channel channel : channels(who, pending.rule)) {
                Optional<String> owner = owner(who, pending.rule.owner(), day, channel);
                if (owner.isPresent()) {
                    record(pending, day, channel, owner.get(), slot.get());
                    return true;
                }
            }
            return false;
        }

        private Map.Entry<UnscheduledContact.Kind, String> reasonUnplaced(Pending pending) {
            LocalDate first = pending.due.isBefore(from) ? from : pending.due;
            CadenceRule rule = pending.rule;
            if (!pending.hadSlot) {
                return Map.entry(UnscheduledContact.Kind.NO_SUITABLE_DAY, "no day between " + first + " and " + to
                        + " has working time of the " + rule.owner().key() + " (calendar "
                        + policy.calendarOf(rule.owner()).name() + ") on the customer's preferred days and hours");
            }
            if (pending.capReached) {
                return Map.entry(UnscheduledContact.Kind.FREQUENCY_CAP, "the frequency cap of "
                        + policy.frequencyCap().orElseThrow().touches() + " contacts in "
                        + policy.frequencyCap().orElseThrow().days() + " days leaves no room until " + to);
            }
            return Map.entry(UnscheduledContact.Kind.NO_CAPACITY, "no " + rule.owner().key() + " has capacity left for "
                    + String.join(" or ", channels(pending.customer.customer(), rule).stream().map(Channel::key).toList())
                    + " on a suitable day until " + to);
        }

        private void unscheduled(Pending pending, UnscheduledContact.Kind kind, String reason) {
            unscheduled.add(new UnscheduledContact(pending.customer.customer().id(), pending.customer.tier(),
                    pending.rule, pending.due, intendedOwner(pending.customer.customer(), pending.rule.owner()), kind,
                    reason));
        }

        private void record(Pending pending, LocalDate day, Channel channel, String owner, ContactSlot slot) {
            Customer who = pending.customer.customer();
            if (pending.rule.owner() == OwnerKind.ACCOUNT_MANAGER && who.accountManager().isEmpty()
                    && !assignedManagers.containsKey(who.id())) {
                StaffId manager = StaffId.of(owner);
                int load = managerLoad.get(manager);
                managerLoad.merge(manager, 1, Integer::sum);
                assignedManagers.put(who.id(), manager);
                assignments.add(new ManagerAssignment(who.id(), manager, "no account manager; " + manager
                        + " had the fewest customers (" + load + ")"));
            }
            usedPerChannel.merge(new OwnerChannelDay(owner, channel, day), 1, Integer::sum);
            usedPerDay.merge(new OwnerDay(owner, day), 1, Integer::sum);
            touches.get(who.id()).merge(day, 1, Integer::sum);
            long overdue = pending.due.isBefore(from) ? ChronoUnit.DAYS.between(pending.due, from) : 0;
            String reason = pending.rule.name() + ": " + pending.rule.purpose().key() + " every "
                    + pending.rule.every() + ", due " + pending.due + (overdue > 0 ? ", " + overdue + " days overdue"
                    : "");
            planned.add(new PlannedContact(who.id(), pending.customer.tier(), day, channel, owner, pending.rule,
                    pending.due, who.contactPreferences().preferredHours(), who.contactPreferences().timeZone(), slot, reason));
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
            List<BusinessTime.TimeSpan> spans = ownerTime.workingSpans(day);
            BusinessCalendar calendar = ownerTime.calendar();
            if (spans.isEmpty() && days.contains(day.getDayOfWeek()) && !calendar.holidays().contains(day)) {
                // The plan contacts customers on the days they prefer, also when the owners' calendar
                // has that weekday closed: within the owners' usual hours (those of an extra working
                // day), but never on a holiday.
                spans = ownerTime.spans(day, calendar.extraDayHours());
            }
            for (BusinessTime.TimeSpan span : spans) {
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
                    return managerFor(who, pool, day, channel);
                }
                case SALES_TEAM, SERVICE_TEAM -> {
                    if (pool.members().isEmpty()) {
                        return Optional.of(kind.key()).filter(name -> hasCapacity(pool, name, day, channel));
                    }
                    return pool.members().stream().map(StaffId::value)
                            .filter(name -> hasCapacity(pool, name, day, channel))
                            .min(Comparator.comparingInt((String name) -> usedPerDay.getOrDefault(new OwnerDay(name, day), 0))
                                    .thenComparing(Comparator.naturalOrder()));
                }
                default -> {
                    return Optional.of(kind.key()).filter(name -> hasCapacity(pool, name, day, channel));
                }
            }
        }

        private boolean hasCapacity(OwnerPool pool, String owner, LocalDate day, Channel channel) {
            return pool.capacity(channel)
                    .map(limit -> usedPerChannel.getOrDefault(new OwnerChannelDay(owner, channel, day), 0) < limit)
                    .orElse(true);
        }

        /**
         * The customer's manager; for a customer without one, the one already assigned in this
         * run, else the least loaded manager with capacity for the day (assigned only once a
         * contact is placed with them).
         */
        private Optional<String> managerFor(Customer who, OwnerPool pool, LocalDate day, Channel channel) {
            Optional<StaffId> own = who.accountManager().or(() -> Optional.ofNullable(assignedManagers.get(who.id())));
            if (own.isPresent()) {
                return own.map(StaffId::value).filter(name -> hasCapacity(pool, name, day, channel));
            }
            return managerLoad.entrySet().stream()
                    .filter(entry -> hasCapacity(pool, entry.getKey().value(), day, channel))
                    .min(Map.Entry.<StaffId, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(entry -> entry.getKey().value());
        }
    }
}

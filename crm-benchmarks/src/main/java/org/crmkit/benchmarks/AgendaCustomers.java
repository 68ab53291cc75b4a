package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.ContactPreferences;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.cadence.CadenceCustomer;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.cadence.OwnerKind;
import org.crmkit.rules.cadence.OwnerPool;

/**
 * A customer base for planning contacts, made in code from a seed: what {@link
 * org.crmkit.rules.cadence.AgendaPlanner} gets from an ERP, without the tiering that precedes it.
 *
 * <ul>
 *   <li>tiers in the source plan's shares: 10% core, 30% important, 40% basic, 20% potential;</li>
 *   <li>created over the three years before the plan (prospects within the last year), so every
 *       customer's rhythm starts on its creation day, as the stateless command line has it;</li>
 *   <li>{@value #ACCOUNT_MANAGERS} account managers; 95% of core customers have one, the others
 *       get one assigned by the planner; a sales team of {@value #SALES_REPS} with the standard
 *       policy's daily capacity each;</li>
 *   <li>preferences: 15% a preferred channel, 5% weekends only, 5% Tuesdays and Thursdays only,
 *       10% preferred hours in their own time zone, 6% e-mail, SMS or both on the do-not-contact
 *       list;</li>
 *   <li>actual contacts in the last three months, by tier: most core customers were visited or met,
 *       most important ones called and some surveyed, most basic ones messaged, prospects inquired and
 *       were partly called back; older history is left out, as it no longer moves a due day;</li>
 *   <li>1% with an open complaint, and a churn risk for half of the customers.</li>
 * </ul>
 * The same seed always gives the same base. Stateless.
 */
final class AgendaCustomers {
    static final int ACCOUNT_MANAGERS = 25;
    static final int SALES_REPS = 12;
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    private static final List<ZoneId> FOREIGN_ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/Chicago"),
            ZoneId.of("Asia/Tokyo"));
    private static final Tier CORE = Tier.of("core");
    private static final Tier IMPORTANT = Tier.of("important");
    private static final Tier BASIC = Tier.of("basic");
    private static final Tier POTENTIAL = Tier.of("potential");

    private AgendaCustomers() {
    }

    /**
     * The standard policy's cadences with a named sales team: the standard policy names no members,
     * so its whole team would plan as one person.
     *
     * @param standard the standard policy's cadences
     * @return the same cadences, the sales team with {@value #SALES_REPS} members
     */
    static CadencePolicy withSalesTeam(CadencePolicy standard) {
        return withSalesTeam(standard, SALES_REPS);
    }

    /**
     * The standard policy's cadences with a sales team of a given size.
     *
     * @param standard the standard policy's cadences
     * @param size how many members
     * @return the same cadences, the sales team with that many members
     */
    static CadencePolicy withSalesTeam(CadencePolicy standard, int size) {
        Map<OwnerKind, OwnerPool> owners = new EnumMap<>(OwnerKind.class);
        owners.putAll(standard.owners());
        List<StaffId> reps = IntStream.rangeClosed(1, size).mapToObj(n -> StaffId.of(String.format("SR%02d", n)))
                .toList();
        OwnerPool team = standard.pool(OwnerKind.SALES_TEAM);
        owners.put(OwnerKind.SALES_TEAM, new OwnerPool(OwnerKind.SALES_TEAM, reps, team.dailyCapacity(),
                team.calendar()));
        return new CadencePolicy(standard.calendar(), standard.frequencyCap(),
                standard.suppressMarketingWhileComplaintOpen(), owners, standard.rules(), standard.winBackWhen(),
                standard.winBack());
    }

    /**
     * Generates the base.
     *
     * @param count how many customers
     * @param seed the seed
     * @param from the plan's first day: the as-of day of the metrics; contacts happen before it
     * @return the customers, in id order
     */
    static List<CadenceCustomer> generate(int count, long seed, LocalDate from) {
        List<CadenceCustomer> customers = new ArrayList<>(count);
        forEach(count, seed, from, customers::add);
        return customers;
    }

    /**
     * Generates the base one customer at a time, for bases too large to hold: the same customers
     * as {@link #generate}, in the same order, each made when the action is ready for it.
     *
     * @param count how many customers
     * @param seed the seed
     * @param from the plan's first day: the as-of day of the metrics; contacts happen before it
     * @param action receives each customer, in id order
     */
    static void forEach(int count, long seed, LocalDate from, Consumer<? super CadenceCustomer> action) {
        forEach(count, seed, from, ACCOUNT_MANAGERS, action);
    }

    /**
     * Generates the base one customer at a time, with a given number of account managers: the
     * same customers as {@link #forEach(int, long, LocalDate, Consumer)} but for the managers
     * drawn when there are {@value #ACCOUNT_MANAGERS}.
     *
     * @param count how many customers
     * @param seed the seed
     * @param from the plan's first day: the as-of day of the metrics; contacts happen before it
     * @param managers how many account managers the core customers' are drawn from
     * @param action receives each customer, in id order
     */
    static void forEach(int count, long seed, LocalDate from, int managers,
            Consumer<? super CadenceCustomer> action) {
        SplittableRandom root = new SplittableRandom(seed);
        for (int number = 1; number <= count; number++) {
            action.accept(customer(String.format("C%06d", number), root.split(), from, managers));
        }
    }

    private static CadenceCustomer customer(String id, SplittableRandom random, LocalDate from, int managers) {
        double draw = random.nextDouble();
        Tier tier = draw < 0.10 ? CORE : draw < 0.40 ? IMPORTANT : draw < 0.80 ? BASIC : POTENTIAL;
        LocalDate created = from.minusDays(1 + random.nextInt(tier == POTENTIAL ? 365 : 3 * 365));
        CustomerId customerId = CustomerId.of(id);
        Customer customer = Customer.of(customerId, "Customer " + id, created)
                .withContactPreferences(preferences(random, tier));
        if (tier == CORE && random.nextDouble() < 0.95) {
            customer = customer.withAccountManager(StaffId.of(String.format("AM%02d",
                    1 + random.nextInt(managers))));
        }
        List<Interaction> contacts = contacts(customerId, random, tier, created, from);
        boolean complaintOpen = random.nextDouble() < 0.01;
        Optional<BigDecimal> churnRisk = random.nextBoolean()
                ? Optional.of(BigDecimal.valueOf(random.nextInt(101), 2)) : Optional.empty();
        return new CadenceCustomer(customer, Optional.of(tier), created, contacts,
                complaintOpen, metrics(customerId, tier, created, from), churnRisk);
    }

    private static ContactPreferences preferences(SplittableRandom random, Tier tier) {
        ContactPreferences preferences = ContactPreferences.none();
        if (random.nextDouble() < 0.15) {
            List<Channel> channels = tier == CORE ? List.of(Channel.VISIT, Channel.VIDEO)
                    : tier == BASIC ? List.of(Channel.SMS, Channel.EMAIL)
                    : List.of(Channel.PHONE, Channel.ONLINE, Channel.WECHAT, Channel.EMAIL);
            preferences = preferences.withPreferredChannel(channels.get(random.nextInt(channels.size())));
        }
        double days = random.nextDouble();
        if (days < 0.05) {
            preferences = preferences.withPreferredDays(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        } else if (days < 0.10) {
            preferences = preferences.withPreferredDays(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
        }
        if (random.nextDouble() < 0.10) {
            int start = 8 + random.nextInt(8);
            preferences = preferences.withPreferredHours(LocalTimeRange.of(LocalTime.of(start, 0),
                    LocalTime.of(start + 2, 30))).withTimeZone(random.nextDouble() < 0.3
                    ? FOREIGN_ZONES.get(random.nextInt(FOREIGN_ZONES.size())) : ZoneId.of("Asia/Shanghai"));
        }
        double blocked = random.nextDouble();
        if (blocked < 0.03) {
            preferences = preferences.withDoNotContact(Set.of(Channel.EMAIL));
        } else if (blocked < 0.05) {
            preferences = preferences.withDoNotContact(Set.of(Channel.SMS));
        } else if (blocked < 0.06) {
            preferences = preferences.withDoNotContact(Set.of(Channel.SMS, Channel.EMAIL));
        }
        return preferences;
    }

    /** Contacts of the last three months, oldest first. */
    private static List<Interaction> contacts(CustomerId id, SplittableRandom random, Tier tier, LocalDate created,
            LocalDate from) {
        List<Interaction> contacts = new ArrayList<>();
        LocalDate since = created.isAfter(from.minusMonths(3)) ? created : from.minusMonths(3);
        int span = (int) ChronoUnit.DAYS.between(since, from);
        if (span < 1) {
            return contacts;
        }
        if (tier == CORE) {
            add(contacts, id, random, since, span, 0.75, Channel.VISIT, InteractionKind.VISIT);
            add(contacts, id, random, since, span, 0.35, Channel.VIDEO, InteractionKind.MEETING);
        } else if (tier == IMPORTANT) {
            add(contacts, id, random, since, span, 0.85, Channel.PHONE, InteractionKind.CALL);
            add(contacts, id, random, since, span, 0.40, Channel.ONLINE, InteractionKind.CALL);
            add(contacts, id, random, since, span, 0.45, Channel.PHONE, InteractionKind.SURVEY);
        } else if (tier == BASIC) {
            add(contacts, id, random, since, span, 0.75, Channel.SMS, InteractionKind.MESSAGE);
            add(contacts, id, random, since, span, 0.25, Channel.EMAIL, InteractionKind.MESSAGE);
        } else {
            add(contacts, id, random, since, span, 0.90, Channel.WECHAT, InteractionKind.INQUIRY);
            add(contacts, id, random, since, span, 0.40, Channel.PHONE, InteractionKind.CALL);
        }
        return contacts;
    }

    private static void add(List<Interaction> contacts, CustomerId id, SplittableRandom random, LocalDate since,
            int span, double chance, Channel channel, InteractionKind kind) {
        if (random.nextDouble() < chance) {
            LocalDate day = since.plusDays(random.nextInt(span));
            contacts.add(Interaction.of(InteractionId.of(id + "-I" + contacts.size()), id,
                    OffsetDateTime.of(day.atTime(9 + random.nextInt(9), random.nextInt(60)), OFFSET), channel, kind));
        }
    }

    private static CustomerMetrics metrics(CustomerId id, Tier tier, LocalDate created, LocalDate asOf) {
        String spend = tier == CORE ? "180000.00" : tier == IMPORTANT ? "52000.00" : tier == BASIC ? "9000.00" : "0.00";
        int orders = tier == POTENTIAL ? 0 : tier == BASIC ? 2 : 8;
        int tenure = (int) ChronoUnit.MONTHS.between(created, asOf);
        return new CustomerMetrics(id, asOf, DateWindow.trailingMonths(12, asOf), Money.of("CNY", spend), orders,
                Math.min(orders, 4), tier == POTENTIAL ? 1 : 0, true, tenure, false, Optional.empty());
    }
}

package org.crmkit.rules.cadence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.TierLadder;

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
 *
 * <p><b>Streaming.</b> {@link #plan(LocalDate, LocalDate, CadenceCustomerSource, AgendaSink)} reads
 * each customer once and writes the plan to a sink day by day, in the order {@link AgendaSink}
 * describes, which is the order of {@link Agenda}'s lists; {@link #plan(LocalDate, LocalDate,
 * List)} collects the same into an {@link Agenda}, for small bases. The day-by-day competition
 * couples customers (owners' daily capacity, the balance within a team, the pool of account
 * managers, and a customer's frequency cap across owners), so every due contact of the base stays
 * known until its day; what the plan keeps of it is small: about 50 bytes per customer and 30 per
 * due contact (the id's characters, a few numbers and flags), plus 8 bytes per contact day under a
 * frequency cap and 13 per contact placed on the day being planned, until the day is written. A
 * month for a million customers plans in a 256 MB heap (see {@code docs/benchmarks.md}).
 *
 * <p>Immutable and thread-safe; every call starts from scratch.
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
     * Plans the contacts of a range of days and returns them together: for bases whose agenda fits
     * in memory. The same as {@link #plan(LocalDate, LocalDate, CadenceCustomerSource, AgendaSink)}
     * with a sink that keeps everything.
     *
     * @param from the first day, also the day against which contacts count as overdue; not null
     * @param to the last day, not before {@code from}; not null
     * @param customers the customers, each once; not null
     * @return the agenda
     * @throws InvalidValueException if {@code to} is before {@code from}, or a customer is given twice
     */
    public Agenda plan(LocalDate from, LocalDate to, List<CadenceCustomer> customers) {
        Objects.requireNonNull(customers, "customers");
        AgendaCollector collector = new AgendaCollector();
        plan(from, to, customers::forEach, collector.sink());
        return collector.agenda(from, to);
    }

    /**
     * Plans the contacts of a range of days and writes them to a sink as each day is planned:
     * for bases of any size. The customers are read once, in any order, before the first day is
     * planned; the plan keeps a few dozen bytes of each (see above), so the source may stream them
     * from a database or a file.
     *
     * @param from the first day, also the day against which contacts count as overdue; not null
     * @param to the last day, not before {@code from}; not null
     * @param customers the customers, each once; not null
     * @param sink receives the planned contacts, the unscheduled ones and the managers assigned, in
     *     the order {@link AgendaSink} describes; not null
     * @throws InvalidValueException if {@code to} is before {@code from}, or a customer is given twice
     */
    public void plan(LocalDate from, LocalDate to, CadenceCustomerSource customers, AgendaSink sink) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(sink, "sink");
        AgendaRun run = run(from, to);
        customers.forEach(customer -> run.add(Objects.requireNonNull(customer, "customer")));
        run.plan(sink);
    }

    /** A run for the range, to be fed customers: also {@link AgendaService}'s, which reads the ports. */
    AgendaRun run(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidValueException("agenda must not end (" + to + ") before it starts (" + from + ")");
        }
        return new AgendaRun(policy, ladder, from, to);
    }
}

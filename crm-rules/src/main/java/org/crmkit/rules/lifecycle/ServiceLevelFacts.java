package org.crmkit.rules.lifecycle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.CaseKind;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;

/**
 * How a customer's complaints and inquiries were served, as of a day: the facts behind the
 * service-level signals. They come from evaluating the customer's cases with the SLA engine, which
 * needs the customer's tier, so they are computed beside the {@link org.crmkit.core.facts.CustomerFacts}
 * rather than by a facts source. Immutable and thread-safe.
 *
 * @param slaMet milestones met on time, of cases opened in the window; zero or more
 * @param slaBreaches milestones breached or met late, of cases opened in the window; zero or more
 * @param openBreaches breached milestones of cases still open; zero or more
 * @param openComplaints complaints still open; zero or more
 */
public record ServiceLevelFacts(int slaMet, int slaBreaches, int openBreaches, int openComplaints) {
    /** A customer without cases. */
    public static final ServiceLevelFacts NONE = new ServiceLevelFacts(0, 0, 0, 0);

    /** Checks the counts. */
    public ServiceLevelFacts {
        if (slaMet < 0 || slaBreaches < 0 || openBreaches < 0 || openComplaints < 0) {
            throw new InvalidValueException("ServiceLevelFacts counts must not be negative, were " + slaMet + ", "
                    + slaBreaches + ", " + openBreaches + ", " + openComplaints);
        }
    }

    /**
     * Counts a customer's evaluated cases: those opened after the as-of day are left out, and a case's
     * day is its opening day in the query's zone.
     *
     * @param customer the customer; not null
     * @param query the as-of day, the window and the zone; not null
     * @param cases the customer's cases as of the as-of moment; others' are rejected; not null
     * @return the counts
     * @throws InvalidValueException if a case belongs to another customer
     */
    public static ServiceLevelFacts of(CustomerId customer, MetricsQuery query, List<CaseSla> cases) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(cases, "cases");
        ZoneId zone = query.zone();
        int met = 0;
        int breached = 0;
        int openBreaches = 0;
        int openComplaints = 0;
        for (CaseSla sla : cases) {
            if (!sla.serviceCase().customerId().equals(customer)) {
                throw new InvalidValueException("Case '" + sla.serviceCase().id() + "' belongs to customer '"
                        + sla.serviceCase().customerId() + "', not to '" + customer + "'");
            }
            LocalDate opened = sla.serviceCase().openedAt().atZoneSameInstant(zone).toLocalDate();
            if (opened.isAfter(query.asOf())) {
                continue;
            }
            boolean inWindow = query.window().contains(opened);
            if (!sla.closed() && sla.serviceCase().kind() == CaseKind.COMPLAINT) {
                openComplaints++;
            }
            for (MilestoneStatus milestone : sla.milestones()) {
                boolean late = milestone.status() == MilestoneStatus.Status.BREACHED
                        || milestone.status() == MilestoneStatus.Status.MET && !milestone.metOnTime();
                if (inWindow && milestone.status() == MilestoneStatus.Status.MET && milestone.metOnTime()) {
                    met++;
                }
                if (inWindow && late) {
                    breached++;
                }
                if (!sla.closed() && milestone.status() == MilestoneStatus.Status.BREACHED) {
                    openBreaches++;
                }
            }
        }
        return new ServiceLevelFacts(met, breached, openBreaches, openComplaints);
    }
}

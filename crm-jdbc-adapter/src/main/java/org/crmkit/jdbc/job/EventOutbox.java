package org.crmkit.jdbc.job;

import org.crmkit.core.PersistenceException;

/**
 * The transactional outbox of a store: events written by jobs in the transaction of the state they
 * describe, waiting to be published. Obtained from {@link org.crmkit.jdbc.JdbcStore#outbox()}.
 *
 * <p>Events are published in the order they were written, which is also their order per customer,
 * and at least once: an event is marked published after the sink returned, so a process that dies
 * in between publishes it again on the next drain. The idempotency key of a
 * {@link org.crmkit.core.event.TierChanged} is {@code tier-changed/<customer id>/<as-of day>}, that
 * of a {@link org.crmkit.core.event.LifecycleStageChanged}
 * {@code lifecycle-stage-changed/<customer id>/<as-of day>}: a customer's tier, or stage, changes at
 * most once per as-of day, whichever run decided it. That of an SLA event of the {@link SlaJob}
 * ({@link org.crmkit.core.event.SlaWarning}, {@link org.crmkit.core.event.SlaBreached},
 * {@link org.crmkit.core.event.MilestoneMet}) is its {@link org.crmkit.core.event.SlaEvent#key()},
 * {@code <case id>|<milestone>|<cycle>|<type>}, e.g. {@code k-1|first_response|0|SlaBreached}: a
 * milestone warns, breaches and is met at most once per cycle, whichever day's run found it; it is
 * the key {@link org.crmkit.rules.sla.SlaService} marks published, too.
 */
public interface EventOutbox {
    /**
     * Publishes the waiting events in order and marks each published. At the first event the sink
     * fails on, the drain stops, so that no later event of that customer overtakes it; the events
     * before it stay marked, and the next drain starts with it.
     *
     * @param sink where the events go; not null
     * @return the number of events published
     * @throws RuntimeException what the sink threw, after marking the events it took
     * @throws PersistenceException if the database fails
     */
    long drainTo(OutboxSink sink);

    /** @return the number of events waiting to be published */
    long pending();
}

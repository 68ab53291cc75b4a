package org.crmkit.core.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A complaint or an inquiry by a customer, as opened; what happens next is a list of
 * {@link CaseEvent}s. Immutable and thread-safe.
 *
 * @param id the case id; not null
 * @param customerId the customer; not null
 * @param openedAt when the case was opened, with the offset it was recorded in; not null
 * @param kind complaint or inquiry; not null
 * @param priority the priority at opening, if given; not null
 * @param cause the cause, for the weekly review of causes, if recorded; not null
 * @param channel the channel the case came in through, if recorded; not null
 */
public record ServiceCase(
        CaseId id,
        CustomerId customerId,
        OffsetDateTime openedAt,
        CaseKind kind,
        Optional<Priority> priority,
        Optional<String> cause,
        Optional<Channel> channel) {

    /** Checks the invariants. */
    public ServiceCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(channel, "channel");
        cause = cause.map(String::strip).filter(text -> !text.isEmpty());
    }

    /**
     * A complaint without priority, cause or channel.
     *
     * @param id the case id; not null
     * @param customerId the customer; not null
     * @param openedAt when it was opened; not null
     * @return the case
     */
    public static ServiceCase complaint(CaseId id, CustomerId customerId, OffsetDateTime openedAt) {
        return new ServiceCase(id, customerId, openedAt, CaseKind.COMPLAINT, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * Whether the case is open at a moment: opened by then, and not resolved or closed since its
     * last reopening. Events after the moment do not count.
     *
     * @param moment the moment; not null
     * @param events the case's events in the order they happened; not null
     * @return true when the case is open then
     */
    public boolean isOpenAt(Instant moment, List<CaseEvent> events) {
        Objects.requireNonNull(moment, "moment");
        Objects.requireNonNull(events, "events");
        if (openedAt.toInstant().isAfter(moment)) {
            return false;
        }
        boolean open = true;
        for (CaseEvent event : events) {
            if (event.occurredAt().toInstant().isAfter(moment)) {
                break;
            }
            open = openAfter(open, event);
        }
        return open;
    }

    /**
     * Whether a case is open after one of its events, from whether it was open before: resolving
     * or closing it closes it, reopening opens it, other events leave it as it was. The step of
     * {@link #isOpenAt}, for callers that see a case's events one at a time.
     *
     * @param open whether the case was open before the event
     * @param event the event; not null
     * @return whether it is open after
     */
    public static boolean openAfter(boolean open, CaseEvent event) {
        return switch (event.type()) {
            case RESOLVED, CLOSED -> false;
            case REOPENED -> true;
            default -> open;
        };
    }

    /**
     * The customers with a complaint open at a moment ({@link #isOpenAt}): they get no marketing
     * contacts while it lasts. Inquiries are not complaints.
     *
     * @param cases the cases; not null
     * @param eventsOf each case's events in the order they happened; not null
     * @param moment the moment; not null
     * @return the customers
     */
    public static Set<CustomerId> customersWithOpenComplaints(Iterable<ServiceCase> cases,
            Function<CaseId, List<CaseEvent>> eventsOf, Instant moment) {
        Objects.requireNonNull(eventsOf, "eventsOf");
        Objects.requireNonNull(moment, "moment");
        Set<CustomerId> open = new HashSet<>();
        for (ServiceCase serviceCase : Objects.requireNonNull(cases, "cases")) {
            if (serviceCase.kind() == CaseKind.COMPLAINT && serviceCase.isOpenAt(moment, eventsOf.apply(serviceCase.id()))) {
                open.add(serviceCase.customerId());
            }
        }
        return open;
    }

    /**
     * Copy of another kind.
     *
     * @param newKind the kind; not null
     * @return the copy
     */
    public ServiceCase withKind(CaseKind newKind) {
        return new ServiceCase(id, customerId, openedAt, newKind, priority, cause, channel);
    }

    /**
     * Copy with a priority.
     *
     * @param newPriority the priority; not null
     * @return the copy
     */
    public ServiceCase withPriority(Priority newPriority) {
        return new ServiceCase(id, customerId, openedAt, kind, Optional.of(newPriority), cause, channel);
    }

    /**
     * Copy with a cause.
     *
     * @param newCause the cause; not null
     * @return the copy
     */
    public ServiceCase withCause(String newCause) {
        return new ServiceCase(id, customerId, openedAt, kind, priority, Optional.of(newCause), channel);
    }

    /**
     * Copy with a channel.
     *
     * @param newChannel the channel; not null
     * @return the copy
     */
    public ServiceCase withChannel(Channel newChannel) {
        return new ServiceCase(id, customerId, openedAt, kind, priority, cause, Optional.of(newChannel));
    }
}

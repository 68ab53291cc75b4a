package org.crmkit.core.model;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;

/**
 * One thing that happened to a service case. A {@code priority_changed} event carries the new
 * priority as its detail. Immutable and thread-safe.
 *
 * @param caseId the case; not null
 * @param occurredAt when it happened; not null
 * @param type what happened; not null
 * @param detail free text, or the new priority of a priority change; not null
 */
public record CaseEvent(CaseId caseId, OffsetDateTime occurredAt, CaseEventType type, Optional<String> detail) {
    /** Checks the invariants, including that a priority change names a valid priority. */
    public CaseEvent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        detail = detail.map(String::strip).filter(text -> !text.isEmpty());
        if (type == CaseEventType.PRIORITY_CHANGED) {
            if (detail.isEmpty()) {
                throw new InvalidValueException("a priority_changed event of case '" + caseId
                        + "' needs the new priority as its detail");
            }
            Priority.parse(detail.get());
        }
    }

    /**
     * An event without detail.
     *
     * @param caseId the case; not null
     * @param occurredAt when; not null
     * @param type what; not null
     * @return the event
     */
    public static CaseEvent of(CaseId caseId, OffsetDateTime occurredAt, CaseEventType type) {
        return new CaseEvent(caseId, occurredAt, type, Optional.empty());
    }

    /**
     * A priority change.
     *
     * @param caseId the case; not null
     * @param occurredAt when; not null
     * @param priority the new priority; not null
     * @return the event
     */
    public static CaseEvent priorityChanged(CaseId caseId, OffsetDateTime occurredAt, Priority priority) {
        return new CaseEvent(caseId, occurredAt, CaseEventType.PRIORITY_CHANGED, Optional.of(priority.name()));
    }

    /** @return the new priority of a priority change, else empty */
    public Optional<Priority> newPriority() {
        return type == CaseEventType.PRIORITY_CHANGED ? detail.map(Priority::parse) : Optional.empty();
    }
}

package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CaseEvent;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.port.CaseEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CaseEventLog} on {@code crm_case_event}, where a per-case sequence number keeps the
 * append order. Appends to one case take turns: each locks the case's first event row before it
 * reads the last event and checks the new one against it.
 *
 * <p>Or read-only on an ERP's complaint events through a mapping, which keep no append order: a
 * case's events are read in the order they happened, those of the same moment by the mapped
 * {@code sequence_number}, then by type.
 */
final class JdbcCaseEventLog implements CaseEventLog {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCaseEventLog.class);

    private static final String HISTORY = CaseEventRows.SELECT + " WHERE case_id = ? ORDER BY sequence_number";
    private static final String LOCK_FIRST =
            "SELECT sequence_number FROM crm_case_event WHERE case_id = ? AND sequence_number = 1 FOR UPDATE";
    private static final String LAST = CaseEventRows.SELECT
            + " WHERE case_id = ? ORDER BY sequence_number DESC FETCH FIRST 1 ROWS ONLY";

    /** The last event of a case and its place in the history. */
    private record Last(int sequenceNumber, CaseEvent event) {
    }

    private final Database database;
    private final Relation relation;
    private final String selectByCase;
    private final String selectAllInCaseOrder;
    private final Database.RowMapper<CaseEvent> mapper;

    JdbcCaseEventLog(Database database, Relation relation) {
        this.database = Objects.requireNonNull(database, "database");
        this.relation = Objects.requireNonNull(relation, "relation");
        Moments moments = relation.moments();
        this.mapper = relation.naming(row -> CaseEventRows.map(row, moments));
        if (relation.mapped()) {
            // The ERP's own order: when it happened, then its serial number where mapped (NULL when
            // not, the same for every row), then the type, so that both reads agree on ties.
            String order = moments.order("occurred") + ", sequence_number NULLS LAST, "
                    + database.dialect().byId("event_type");
            String select = "SELECT " + CaseEventRows.columns(moments) + " FROM " + relation.from();
            this.selectByCase = select + " WHERE case_id = ? ORDER BY " + order;
            this.selectAllInCaseOrder = select + " ORDER BY " + database.dialect().byId("case_id") + ", " + order;
        } else {
            this.selectByCase = HISTORY;
            this.selectAllInCaseOrder = CaseEventRows.SELECT + " ORDER BY " + database.dialect().byId("case_id")
                    + ", sequence_number";
        }
    }

    @Override
    public List<CaseEvent> findByCase(CaseId caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return database.transaction("find the events of case '" + caseId + "'",
                connection -> Database.list(connection, selectByCase, mapper, relation.parametersThen(caseId.value())));
    }

    @Override
    public void forEach(Consumer<? super CaseEvent> action) {
        Objects.requireNonNull(action, "action");
        database.forEach("visit the events of the cases", selectAllInCaseOrder, relation.parameters(), mapper, action);
    }

    @Override
    public void append(CaseEvent event) {
        Objects.requireNonNull(event, "event");
        ReadOnly.refuse(relation, "append event '" + event.type().key() + "' to case '" + event.caseId() + "'");
        CaseEventRows.storableMoment(event);
        CaseId caseId = event.caseId();
        database.transaction("append event '" + event.type().key() + "' to case '" + caseId + "'", connection -> {
            // The first event row never changes: locking it until commit makes the appends of one
            // case take turns, so the last event read below stays the last until this one is in.
            boolean hasEvents = Database.first(connection, LOCK_FIRST, row -> row.getInt(1), caseId.value())
                    .isPresent();
            int sequenceNumber = 1;
            if (hasEvents) {
                Last last = Database.first(connection, LAST,
                                row -> new Last(row.getInt("sequence_number"), CaseEventRows.map(row)),
                                caseId.value())
                        .orElseThrow();
                checkNotBefore(event, last.event());
                sequenceNumber = last.sequenceNumber() + 1;
            }
            // Two first events of a case both find nothing to lock; the primary key lets one of
            // them in, and the other's transaction runs again and then checks against that one.
            try (PreparedStatement insert = connection.prepareStatement(CaseEventRows.INSERT)) {
                CaseEventRows.bind(insert, event, sequenceNumber);
                insert.executeUpdate();
            }
            LOG.debug("Appended event {} #{} to case {}", event.type().key(), sequenceNumber, caseId);
            return null;
        });
    }

    private static void checkNotBefore(CaseEvent event, CaseEvent last) {
        if (event.occurredAt().toInstant().isBefore(last.occurredAt().toInstant())) {
            throw new InvalidValueException("Event '" + event.type().key() + "' of case '" + event.caseId()
                    + "' at " + event.occurredAt() + " is before the case's last event at " + last.occurredAt());
        }
    }
}

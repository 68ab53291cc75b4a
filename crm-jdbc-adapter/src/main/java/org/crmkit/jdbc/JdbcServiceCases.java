package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.port.ServiceCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ServiceCases} on {@code crm_case}. */
final class JdbcServiceCases implements ServiceCases {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcServiceCases.class);

    private final Database database;
    private final String selectAllInIdOrder;

    JdbcServiceCases(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.selectAllInIdOrder = ServiceCaseRows.SELECT + " ORDER BY " + database.dialect().byId("id");
    }

    @Override
    public Optional<ServiceCase> findById(CaseId id) {
        Objects.requireNonNull(id, "id");
        return database.transaction("find service case '" + id + "'", connection -> Database.first(connection,
                ServiceCaseRows.SELECT + " WHERE id = ?", ServiceCaseRows::map, id.value()));
    }

    @Override
    public void forEach(Consumer<? super ServiceCase> action) {
        Objects.requireNonNull(action, "action");
        database.forEach("visit the service cases", selectAllInIdOrder, List.of(), ServiceCaseRows::map, action);
    }

    @Override
    public void save(ServiceCase serviceCase) {
        Objects.requireNonNull(serviceCase, "serviceCase");
        database.transaction("save service case '" + serviceCase.id() + "'", connection -> {
            int updated;
            try (PreparedStatement update = connection.prepareStatement(ServiceCaseRows.UPDATE)) {
                ServiceCaseRows.bindUpdate(update, serviceCase);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                // A concurrent first save of the same id fails here with a unique violation;
                // the transaction is then run again and updates that row.
                try (PreparedStatement insert = connection.prepareStatement(ServiceCaseRows.INSERT)) {
                    ServiceCaseRows.bindInsert(insert, serviceCase);
                    insert.executeUpdate();
                }
            }
            LOG.debug("Saved service case {} of customer {}", serviceCase.id(), serviceCase.customerId());
            return null;
        });
    }
}

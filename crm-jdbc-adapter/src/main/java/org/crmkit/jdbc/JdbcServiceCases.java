package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.ServiceCase;
import org.crmkit.core.port.ServiceCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ServiceCases} on {@code crm_case}, or read-only on an ERP's complaints through a mapping. */
final class JdbcServiceCases implements ServiceCases {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcServiceCases.class);

    private final Database database;
    private final Relation relation;
    private final String select;
    private final String selectAllInIdOrder;
    private final Database.RowMapper<ServiceCase> mapper;

    JdbcServiceCases(Database database, Relation relation) {
        this.database = Objects.requireNonNull(database, "database");
        this.relation = Objects.requireNonNull(relation, "relation");
        Moments moments = relation.moments();
        this.mapper = relation.naming(row -> ServiceCaseRows.map(row, moments));
        this.select = "SELECT " + relation.columns(ServiceCaseRows.COLUMNS) + " FROM " + relation.from();
        this.selectAllInIdOrder = select + " ORDER BY " + database.dialect().byId("id");
    }

    @Override
    public Optional<ServiceCase> findById(CaseId id) {
        Objects.requireNonNull(id, "id");
        return database.transaction("find service case '" + id + "'", connection -> Database.first(connection,
                select + " WHERE id = ?", mapper, relation.parametersThen(id.value())));
    }

    @Override
    public void forEach(Consumer<? super ServiceCase> action) {
        Objects.requireNonNull(action, "action");
        database.forEach("visit the service cases", selectAllInIdOrder, relation.parameters(), mapper, action);
    }

    @Override
    public void save(ServiceCase serviceCase) {
        Objects.requireNonNull(serviceCase, "serviceCase");
        ReadOnly.refuse(relation, "save service case '" + serviceCase.id() + "'");
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

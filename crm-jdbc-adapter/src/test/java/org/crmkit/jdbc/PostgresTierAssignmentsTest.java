package org.crmkit.jdbc;

import org.crmkit.core.port.TierAssignments;
import org.crmkit.core.port.contract.TierAssignmentsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TierAssignments contract on an embedded PostgreSQL. */
class PostgresTierAssignmentsTest extends TierAssignmentsContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected TierAssignments newTierAssignments() {
        return DATABASE.store().tierAssignments();
    }
}

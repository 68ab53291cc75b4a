package org.crmkit.jdbc;

import org.crmkit.core.port.TierAssignments;
import org.crmkit.core.port.contract.TierAssignmentsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TierAssignments contract on an H2 in-memory database. */
class H2TierAssignmentsTest extends TierAssignmentsContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected TierAssignments newTierAssignments() {
        return DATABASE.store().tierAssignments();
    }
}

package org.crmkit.core.memory;

import org.crmkit.core.port.TierAssignments;
import org.crmkit.core.port.contract.TierAssignmentsContract;

class InMemoryTierAssignmentsTest extends TierAssignmentsContract {
    @Override
    protected TierAssignments newTierAssignments() {
        return InMemoryStore.create().tierAssignments();
    }
}

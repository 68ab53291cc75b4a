package org.crmkit.core.memory;

import org.crmkit.core.port.ServiceCases;
import org.crmkit.core.port.contract.ServiceCasesContract;

class InMemoryServiceCasesTest extends ServiceCasesContract {
    @Override
    protected ServiceCases newServiceCases() {
        return InMemoryStore.create().cases();
    }
}

package org.crmkit.core.model;

class PurchaseIdTest extends AbstractIdentifierTest<PurchaseId> {

    @Override
    String typeName() {
        return "PurchaseId";
    }

    @Override
    PurchaseId create(String value) {
        return PurchaseId.of(value);
    }

    @Override
    String valueOf(PurchaseId id) {
        return id.value();
    }
}

package org.crmkit.core.model;

class InvoiceIdTest extends AbstractIdentifierTest<InvoiceId> {

    @Override
    String typeName() {
        return "InvoiceId";
    }

    @Override
    InvoiceId create(String value) {
        return InvoiceId.of(value);
    }

    @Override
    String valueOf(InvoiceId id) {
        return id.value();
    }
}

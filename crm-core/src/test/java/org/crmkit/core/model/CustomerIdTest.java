package org.crmkit.core.model;

class CustomerIdTest extends AbstractIdentifierTest<CustomerId> {

    @Override
    String typeName() {
        return "CustomerId";
    }

    @Override
    CustomerId create(String value) {
        return CustomerId.of(value);
    }

    @Override
    String valueOf(CustomerId id) {
        return id.value();
    }
}

package org.crmkit.core.model;

class PaymentIdTest extends AbstractIdentifierTest<PaymentId> {

    @Override
    String typeName() {
        return "PaymentId";
    }

    @Override
    PaymentId create(String value) {
        return PaymentId.of(value);
    }

    @Override
    String valueOf(PaymentId id) {
        return id.value();
    }
}

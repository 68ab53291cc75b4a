package org.crmkit.core.model;

class InteractionIdTest extends AbstractIdentifierTest<InteractionId> {

    @Override
    String typeName() {
        return "InteractionId";
    }

    @Override
    InteractionId create(String value) {
        return InteractionId.of(value);
    }

    @Override
    String valueOf(InteractionId id) {
        return id.value();
    }
}

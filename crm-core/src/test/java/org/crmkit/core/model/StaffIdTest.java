package org.crmkit.core.model;

class StaffIdTest extends AbstractIdentifierTest<StaffId> {

    @Override
    String typeName() {
        return "StaffId";
    }

    @Override
    StaffId create(String value) {
        return StaffId.of(value);
    }

    @Override
    String valueOf(StaffId id) {
        return id.value();
    }
}

package org.crmkit.jdbc;

import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store over an existing ERP's tables on H2. */
class H2ErpStoreTest extends AbstractErpStoreTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }

    @Override
    String stored(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    @Override
    String doubleTypeName() {
        return "DOUBLE PRECISION";
    }

    @Override
    String booleanTypeName() {
        return "BOOLEAN";
    }

    @Override
    String varcharTypeName() {
        return "CHARACTER VARYING";
    }

    @Override
    String decimalTypeName() {
        return "DECIMAL";
    }
}

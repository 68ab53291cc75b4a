package org.crmkit.jdbc;

import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store over an existing ERP's tables on an embedded PostgreSQL. */
class PostgresErpStoreTest extends AbstractErpStoreTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    DatabaseExtension database() {
        return DATABASE;
    }

    @Override
    String stored(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    String doubleTypeName() {
        return "FLOAT8";
    }

    @Override
    String booleanTypeName() {
        return "BOOL";
    }

    @Override
    String varcharTypeName() {
        return "VARCHAR";
    }

    @Override
    String decimalTypeName() {
        return "NUMERIC";
    }
}

package org.crmkit.jdbc;

import java.util.Locale;
import org.crmkit.core.InvalidValueException;

/** The few things that differ between the supported databases; the SQL is otherwise the same. */
enum Dialect {
    /** H2 compares strings as Java does unless a database was created with a collation. */
    H2 {
        @Override
        String byId(String column) {
            return column;
        }
    },
    /** PostgreSQL sorts text by the database's locale; the "C" collation sorts by code point. */
    POSTGRESQL {
        @Override
        String byId(String column) {
            return column + " COLLATE \"C\"";
        }
    };

    /**
     * An ORDER BY term that sorts ids as crm-core's id types compare, by character code, whatever
     * the database's locale (Java's UTF-16 order and code-point order differ only between
     * characters beyond U+FFFF and those from U+E000 to U+FFFF).
     *
     * @param column the id column
     * @return the sort term
     */
    abstract String byId(String column);

    /**
     * Picks the dialect for a database.
     *
     * @param productName what {@code DatabaseMetaData.getDatabaseProductName()} says
     * @return the dialect
     * @throws InvalidValueException for a database the store does not support
     */
    static Dialect of(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new InvalidValueException("Unsupported database '" + productName
                + "', crmkit's JDBC store runs on H2 and PostgreSQL");
    }
}

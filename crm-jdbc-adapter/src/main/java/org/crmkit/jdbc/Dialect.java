package org.crmkit.jdbc;

import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalInt;
import org.crmkit.core.InvalidValueException;

/** The few things that differ between the supported databases; the SQL is otherwise the same. */
enum Dialect {
    /** H2 compares strings as Java does unless a database was created with a collation. */
    H2 {
        @Override
        String byId(String column) {
            return column;
        }

        @Override
        Comparator<String> idOrder() {
            return Comparator.naturalOrder();
        }

        @Override
        OptionalInt customersPerRange() {
            // H2 computes every group of a GROUP BY in the heap before it returns the first row.
            return OptionalInt.of(CUSTOMERS_PER_RANGE);
        }

        @Override
        String insertKeyUnlessPresent(String table, String column, String type) {
            // H2 knows ON CONFLICT only in its PostgreSQL mode; the standard MERGE works in any mode.
            return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS " + type + "))) s (" + column + ")"
                    + " ON t." + column + " = s." + column
                    + " WHEN NOT MATCHED THEN INSERT (" + column + ") VALUES (s." + column + ")";
        }

        @Override
        String upsertLatest(String table, String key, String keyType, String day) {
            return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS " + keyType + "), CAST(? AS DATE))) s (" + key
                    + ", " + day + ") ON t." + key + " = s." + key
                    + " WHEN MATCHED THEN UPDATE SET " + day + " = GREATEST(t." + day + ", s." + day + ")"
                    + " WHEN NOT MATCHED THEN INSERT (" + key + ", " + day + ") VALUES (s." + key + ", s." + day + ")";
        }
    },
    /** PostgreSQL sorts text by the database's locale; the "C" collation sorts by code point. */
    POSTGRESQL {
        @Override
        String byId(String column) {
            return column + " COLLATE \"C\"";
        }

        @Override
        Comparator<String> idOrder() {
            return Dialect::byCodePoint;
        }

        @Override
        OptionalInt customersPerRange() {
            // The server streams grouped rows through the cursor and spills to disk; ranges on
            // id COLLATE "C" could not use the indexes, which sort by the database's collation.
            return OptionalInt.empty();
        }

        @Override
        String insertKeyUnlessPresent(String table, String column, String type) {
            // Waits for a concurrent insert of the key and then does nothing, without an error
            // that would abort the transaction.
            return "INSERT INTO " + table + " (" + column + ") VALUES (?) ON CONFLICT (" + column + ") DO NOTHING";
        }

        @Override
        String upsertLatest(String table, String key, String keyType, String day) {
            return "INSERT INTO " + table + " (" + key + ", " + day + ") VALUES (?, ?) ON CONFLICT (" + key + ")"
                    + " DO UPDATE SET " + day + " = GREATEST(" + table + "." + day + ", EXCLUDED." + day + ")";
        }
    };

    /** Customers per range where grouping is bounded by ranges: their groups take a few megabytes. */
    static final int CUSTOMERS_PER_RANGE = 10_000;

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
     * The order {@link #byId} sorts ids in, for merging sorted streams in Java.
     *
     * @return the comparator
     */
    abstract Comparator<String> idOrder();

    /**
     * How many customers the facts source aggregates at a time: the database holds the groups of
     * that many customers in memory, as it computes a GROUP BY before returning its first row.
     *
     * @return the customers per range, or empty where grouped queries stream in bounded memory
     */
    abstract OptionalInt customersPerRange();

    /** Code-point order: what the "C" collation gives for UTF-8 text. */
    private static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * A statement that inserts a row with just a key, binding the key as its only parameter, and
     * does nothing if the table holds the key already: its update count is 1 if it inserted the
     * row, 0 if not. On H2, a key that a concurrent transaction inserted and then committed makes
     * the statement fail with a unique-key violation instead, which {@link Database#transaction}
     * answers by running the work again, when the key is found.
     *
     * @param table the table, whose other columns have defaults
     * @param column the key column, with a primary key or unique constraint of its own
     * @param type the SQL type of the key column, e.g. {@code VARCHAR(512)}
     * @return the statement
     */
    abstract String insertKeyUnlessPresent(String table, String column, String type);

    /**
     * A statement that inserts a key with a day, or raises the day stored for the key to it if it
     * is later: binds the key, then the day.
     *
     * @param table the table
     * @param key the key column, with a primary key or unique constraint of its own
     * @param keyType the SQL type of the key column, e.g. {@code VARCHAR(128)}
     * @param day the DATE column
     * @return the statement
     */
    abstract String upsertLatest(String table, String key, String keyType, String day);

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

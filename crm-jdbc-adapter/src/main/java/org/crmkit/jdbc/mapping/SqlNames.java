package org.crmkit.jdbc.mapping;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names a mapping may give to tables, views and columns. They are checked against a strict
 * pattern and always quoted in SQL, so that a name can never carry SQL of its own; values are never
 * part of the SQL text, they are bound as parameters.
 */
public final class SqlNames {
    /** Letters, digits and {@code _}, starting with a letter or {@code _}, at most 63: PostgreSQL's limit. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private SqlNames() {
    }

    /**
     * Checks a name of a schema, table, view or column.
     *
     * @param name the name; not null
     * @return a problem, saying what is wrong and quoting the name, or empty if the name is fine
     */
    public static Optional<String> checkIdentifier(String name) {
        Objects.requireNonNull(name, "name");
        if (IDENTIFIER.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + name + "' is not a name crmkit accepts: letters, digits and '_',"
                + " starting with a letter or '_', at most 63 characters");
    }

    /**
     * Quotes a checked name as both H2 and PostgreSQL read it: in double quotes, so that its case is
     * kept exactly as the database stores it.
     *
     * @param name a name {@link #checkIdentifier} accepts; not null
     * @return the quoted name
     * @throws IllegalArgumentException if the name is not one {@link #checkIdentifier} accepts
     */
    public static String quote(String name) {
        if (checkIdentifier(name).isPresent()) {
            throw new IllegalArgumentException("not a checked name: '" + name + "'");
        }
        return '"' + name + '"';
    }
}

package org.crmkit.jdbc.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an entity's rows are: a table or view, or a query of the application's own. Immutable and
 * thread-safe.
 */
public sealed interface Source {
    /**
     * A table or view, in the connection's current schema or a named one.
     *
     * @param name {@code name} or {@code schema.name}; not null
     * @return the source; its names are checked when the mapping is built
     */
    static Source table(String name) {
        Objects.requireNonNull(name, "name");
        int dot = name.indexOf('.');
        return dot < 0 ? new Table(Optional.empty(), name)
                : new Table(Optional.of(name.substring(0, dot)), name.substring(dot + 1));
    }

    /**
     * A query: a SELECT whose result columns the mapping names. Its text is the application's,
     * run as it stands (it takes no parameters); the mapping's filters apply to its rows.
     *
     * @param sql the query, without a trailing {@code ;}; not null
     * @return the source
     */
    static Source query(String sql) {
        return new Query(sql);
    }

    /**
     * A table or view.
     *
     * @param schema the schema, or empty for the connection's current one; not null
     * @param name the table's or view's name; not null
     */
    record Table(Optional<String> schema, String name) implements Source {
        /** Checks that the parts are there. */
        public Table {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
        }

        /** @return {@code schema.name}, or the name alone */
        @Override
        public String toString() {
            return schema.map(s -> s + "." + name).orElse(name);
        }
    }

    /**
     * A query of the application's own.
     *
     * @param sql the SELECT; not null
     */
    record Query(String sql) implements Source {
        /** Checks that the text is there. */
        public Query {
            Objects.requireNonNull(sql, "sql");
        }
    }
}

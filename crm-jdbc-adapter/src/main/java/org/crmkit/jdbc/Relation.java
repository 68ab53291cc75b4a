package org.crmkit.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crmkit.core.InvalidValueException;
import org.crmkit.jdbc.mapping.Entity;
import org.crmkit.jdbc.mapping.Field;

/**
 * Where the store reads an entity, as SQL that follows {@code FROM}: crmkit's own table, or a
 * subquery over an ERP's table, view or query that gives its rows crmkit's column names, with the
 * values it binds. Immutable.
 *
 * @param entity the entity
 * @param from the table name or the aliased subquery
 * @param parameters the values of the subquery's markers, in order
 * @param moments how its moments are kept
 * @param description names the rows' origin in messages, e.g. {@code table "partner"}; empty for crmkit's own
 */
record Relation(Entity entity, String from, List<Object> parameters, Moments moments, String description) {
    Relation {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(from, "from");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(moments, "moments");
        Objects.requireNonNull(description, "description");
    }

    /** crmkit's own table of an entity. */
    static Relation own(Entity entity) {
        return new Relation(entity, entity.crmkitTable(), List.of(), Moments.CRMKIT, "");
    }

    /** @return whether the rows are an ERP's, which crmkit only reads */
    boolean mapped() {
        return !description.isEmpty();
    }

    /**
     * The columns a reader selects from the relation: crmkit's own, or the entity's fields, the
     * names a mapped relation's subquery gives its columns.
     *
     * @param crmkitColumns the column list of crmkit's own table
     * @return the column list, comma-separated
     */
    String columns(String crmkitColumns) {
        return mapped() ? entity.fields().stream().map(Field::key).collect(Collectors.joining(", ")) : crmkitColumns;
    }

    /**
     * The relation's parameters followed by others, for a query that reads from it.
     *
     * @param more the values of the markers after the relation's
     * @return all values in order
     */
    Object[] parametersThen(Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        Collections.addAll(all, more);
        return all.toArray();
    }

    /**
     * Maps a row, naming the ERP's table in the message if its values are not ones crmkit accepts,
     * or a value crmkit requires is NULL there (crmkit's own columns are NOT NULL).
     *
     * @param mapper the mapper
     * @return the mapper that names the origin
     */
    <T> Database.RowMapper<T> naming(Database.RowMapper<T> mapper) {
        if (!mapped()) {
            return mapper;
        }
        return row -> {
            try {
                return mapper.map(row);
            } catch (InvalidValueException e) {
                throw new InvalidValueException(origin() + e.getMessage());
            } catch (NullPointerException e) {
                // The values crmkit requires are checked with Objects.requireNonNull(value, "name").
                InvalidValueException invalid = new InvalidValueException(origin() + "a required value is NULL"
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
                invalid.initCause(e);
                throw invalid;
            }
        };
    }

    private String origin() {
        return "A row of " + description + " (the " + entity.key() + " of the mapping): ";
    }
}

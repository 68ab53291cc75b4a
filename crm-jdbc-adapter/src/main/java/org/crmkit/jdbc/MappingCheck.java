package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crmkit.jdbc.mapping.Entity;
import org.crmkit.jdbc.mapping.EntityMapping;
import org.crmkit.jdbc.mapping.ErpMapping;
import org.crmkit.jdbc.mapping.Field;
import org.crmkit.jdbc.mapping.FieldValue;
import org.crmkit.jdbc.mapping.Filter;
import org.crmkit.jdbc.mapping.MappingException;
import org.crmkit.jdbc.mapping.Source;
import org.crmkit.jdbc.mapping.SqlNames;
import org.crmkit.rules.io.InputProblem;

/**
 * Checks a mapping against the database's metadata, only reading it, and turns each mapped
 * entity into a {@link Relation}: a subquery that gives the ERP's rows crmkit's column names. A
 * missing schema, table, view or column, a column of a type its field cannot be read from, or a
 * query or filter the database refuses is a problem naming it; all are reported at once.
 *
 * <p>Names are matched exactly first and, failing that, regardless of case when exactly one name
 * matches so (H2 stores unquoted names in upper case, PostgreSQL in lower case), and the stored
 * spelling is then quoted.
 */
final class MappingCheck {
    private final Connection connection;
    private final ErpMapping mapping;
    private final List<InputProblem> problems = new ArrayList<>();

    /** A column of a mapped source, as the database describes it. */
    private record Column(String name, int type, String typeName, int scale) {
        boolean text() {
            return switch (type) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                        Types.CLOB -> true;
                default -> false;
            };
        }

        boolean integer() {
            return switch (type) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> true;
                case Types.NUMERIC, Types.DECIMAL -> scale == 0;
                default -> false;
            };
        }

        boolean exact() {
            return integer() || type == Types.NUMERIC || type == Types.DECIMAL;
        }

        boolean floating() {
            return type == Types.REAL || type == Types.FLOAT || type == Types.DOUBLE;
        }

        boolean zoned() {
            String name = typeName.toLowerCase(Locale.ROOT);
            return type == Types.TIMESTAMP_WITH_TIMEZONE
                    || (type == Types.TIMESTAMP && (name.contains("tz") || name.contains("time zone")));
        }

        boolean local() {
            return type == Types.TIMESTAMP && !zoned();
        }

        boolean bool() {
            return type == Types.BOOLEAN || type == Types.BIT;
        }
    }

    /** A resolved source: its SQL after FROM, how messages name it, and its columns. */
    private record Resolved(String from, String description, Map<String, Column> columns) {
    }

    private MappingCheck(Connection connection, ErpMapping mapping) {
        this.connection = connection;
        this.mapping = mapping;
    }

    /**
     * Checks the mapping and builds the store's relations, reading metadata only.
     *
     * @param connections the database
     * @param mapping the mapping
     * @return the relations, crmkit's own tables for the entities the mapping leaves out
     * @throws MappingException naming every problem
     * @throws org.crmkit.core.PersistenceException if the database cannot be reached
     */
    static Relations resolve(Database.ConnectionSource connections, ErpMapping mapping) {
        if (Arrays.stream(Entity.values()).allMatch(entity -> mapping.entity(entity).isEmpty())) {
            // Nothing to check against the database; an ERP without interactions reads none from crmkit's table.
            return mapping.keepsInteractions() ? Relations.OWN
                    : new Relations(Relations.OWN.byEntity(), false);
        }
        try (Connection connection = connections.open()) {
            MappingCheck check = new MappingCheck(connection, mapping);
            Map<Entity, Relation> relations = new EnumMap<>(Entity.class);
            for (Entity entity : Entity.values()) {
                relations.put(entity, mapping.entity(entity).flatMap(check::relation)
                        .orElseGet(() -> Relation.own(entity)));
            }
            if (!check.problems.isEmpty()) {
                throw new MappingException(check.problems);
            }
            return new Relations(relations, mapping.keepsInteractions());
        } catch (SQLException e) {
            throw Database.failure("Could not check the mapping against the database", e);
        }
    }

    private void problem(String path, String message) {
        problems.add(mapping.problemAt(path, message));
    }

    private Optional<Relation> relation(EntityMapping entity) {
        int before = problems.size();
        String at = entity.entity().key();
        Optional<Resolved> resolved;
        try {
            resolved = resolve(entity.source(), at);
        } catch (SQLException e) {
            problem(at + (entity.source() instanceof Source.Query ? ".query" : ".table"),
                    "the database refuses to describe it: " + firstLine(e));
            return Optional.empty();
        }
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        Resolved source = resolved.get();
        List<String> select = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        Moments moments = Moments.ZONED;
        for (Field field : entity.entity().fields()) {
            Optional<FieldValue> value = entity.field(field).or(() -> field.whenAbsent().map(FieldValue::fixed));
            if (value.isEmpty()) {
                select.add(absent(field) + " AS " + field.key());
            } else if (value.get() instanceof FieldValue.Fixed fixed) {
                if (field.kind() == Field.Kind.BOOLEAN) {
                    select.add("CAST(? AS BOOLEAN) AS " + field.key());
                    parameters.add(Boolean.valueOf(fixed.value()));
                } else {
                    select.add("CAST(? AS VARCHAR(" + Math.max(1, fixed.value().length()) + ")) AS " + field.key());
                    parameters.add(fixed.value());
                }
            } else if (value.get() instanceof FieldValue.Column named) {
                String path = at + ".columns." + field.key();
                Optional<Column> column = column(source, named.name(), path);
                if (column.isPresent()) {
                    Optional<String> expression = expression(field, column.get(), source, path);
                    expression.ifPresent(sql -> select.add(sql + " AS " + field.key()));
                    if (field.kind() == Field.Kind.MOMENT && column.get().local()) {
                        moments = mapping.timeZone().map(Moments::local).orElse(Moments.ZONED);
                    }
                }
            }
        }
        select.addAll(extraColumns(entity.entity()));
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < entity.filters().size(); i++) {
            Filter filter = entity.filters().get(i);
            Optional<Column> column = column(source, filter.column(), at + ".filters[" + i + "].column");
            if (column.isPresent()) {
                String term = "src." + quote(column.get().name()) + " " + filter.operator().sql();
                if (filter.operator().arity() == 1) {
                    term += " ?";
                } else if (filter.operator().arity() < 0) {
                    term += " (" + String.join(", ", Collections.nCopies(filter.values().size(), "?")) + ")";
                }
                conditions.add(term);
                parameters.addAll(filter.values());
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String from = "(SELECT " + String.join(", ", select) + " FROM " + source.from() + " src"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + ") "
                + entity.entity().crmkitTable();
        Relation relation = new Relation(entity.entity(), from, parameters, moments, source.description());
        // The whole subquery, filters bound, once: a filter value the column cannot be compared
        // with fails here, at start-up, and not in the first evaluation.
        try (PreparedStatement probe = Database.prepare(connection, "SELECT * FROM " + from + " WHERE 1 = 0",
                parameters); ResultSet rows = probe.executeQuery()) {
            rows.next();
        } catch (SQLException e) {
            problem(at, "the mapped rows of " + source.description() + " cannot be read: " + firstLine(e));
            return Optional.empty();
        }
        return Optional.of(relation);
    }

    /** The columns crmkit's readers read besides the mapped fields, with the values of crmkit's empty ones. */
    private static List<String> extraColumns(Entity entity) {
        return switch (entity) {
            case CUSTOMERS -> List.of("CAST(NULL AS VARCHAR(64)) AS time_zone",
                    "CAST(NULL AS VARCHAR(16)) AS preferred_channel", "CAST('' AS VARCHAR(32)) AS preferred_days",
                    "CAST(NULL AS VARCHAR(40)) AS preferred_hours", "CAST('' AS VARCHAR(128)) AS do_not_contact");
            case ORDERS -> List.of("CAST(NULL AS NUMERIC(38, 18)) AS quantity",
                    "CAST(NULL AS INTEGER) AS quantity_scale");
            case INTERACTIONS, COMPLAINTS, COMPLAINT_EVENTS, ORDER_LINES, INVOICES, PAYMENTS -> List.of();
        };
    }

    /** The value of an optional field the mapping leaves out and that has no {@link Field#whenAbsent} value. */
    private static String absent(Field field) {
        return switch (field.kind()) {
            case BOOLEAN -> "CAST(NULL AS BOOLEAN)";
            case INTEGER -> "CAST(NULL AS BIGINT)";
            default -> "CAST(NULL AS VARCHAR(128))";
        };
    }

    /** The SQL that reads a field from its column, if the column's type allows. */
    private Optional<String> expression(Field field, Column column, Resolved source, String path) {
        String quoted = "src." + quote(column.name());
        String what = "column \"" + column.name() + "\" of " + source.description() + " is "
                + column.typeName().toUpperCase(Locale.ROOT);
        String key = field.key();
        switch (field.kind()) {
            case KEY -> {
                if (column.text()) {
                    return Optional.of(quoted);
                }
                if (column.integer()) {
                    return Optional.of("CAST(" + quoted + " AS VARCHAR(40))");
                }
                problem(path, what + "; " + key + " is a key, read from a text or an integer column");
            }
            case TEXT, CURRENCY, CHANNEL, INTERACTION_KIND, CASE_KIND, PRIORITY, CASE_EVENT_TYPE -> {
                if (column.text()) {
                    return Optional.of(quoted);
                }
                problem(path, what + "; " + key + " is read from a text column");
            }
            case INTEGER -> {
                if (column.integer()) {
                    return Optional.of(quoted);
                }
                problem(path, what + "; " + key + " is read from an integer column (INTEGER, BIGINT, or NUMERIC"
                        + " without decimals)");
            }
            case DAY -> {
                if (column.type() == Types.DATE) {
                    return Optional.of(quoted);
                }
                if (column.local()) {
                    return Optional.of("CAST(" + quoted + " AS DATE)");
                }
                problem(path, what + "; " + key + " is read from a DATE or a TIMESTAMP without time zone"
                        + (column.zoned() ? " (give the day in the ERP's zone in a view or query)" : ""));
            }
            case DECIMAL, MONEY -> {
                if (column.exact()) {
                    return Optional.of(quoted);
                }
                problem(path, what + (column.floating() ? ", a binary floating-point type" : "") + "; " + key
                        + (field.kind() == Field.Kind.MONEY ? " is money," : " is")
                        + " read only from an exact number (NUMERIC, DECIMAL or an integer)");
            }
            case MOMENT -> {
                if (column.zoned()) {
                    return Optional.of(quoted);
                }
                if (column.local()) {
                    if (mapping.timeZone().isPresent()) {
                        return Optional.of(quoted);
                    }
                    problem(path, what + ", a timestamp without time zone; name the mapping's time_zone, the zone"
                            + " its values are local times in");
                } else {
                    problem(path, what + "; " + key + " is read from a TIMESTAMP WITH TIME ZONE, or a TIMESTAMP"
                            + " without one in the mapping's time_zone");
                }
            }
            case BOOLEAN -> {
                if (column.bool()) {
                    return Optional.of(quoted);
                }
                problem(path, what + "; " + key + " is read from a BOOLEAN column");
            }
        }
        return Optional.empty();
    }

    private Optional<Column> column(Resolved source, String name, String path) {
        Optional<String> found = match(source.columns().keySet(), name);
        if (found.isEmpty()) {
            problem(path, "column \"" + name + "\" not found in " + source.description() + ", which has "
                    + source.columns().keySet().stream().map(column -> "\"" + column + "\"")
                    .collect(Collectors.joining(", ")));
            return Optional.empty();
        }
        return Optional.of(source.columns().get(found.get()));
    }

    /** The name among the names: the same, or the only one equal regardless of case. */
    private static Optional<String> match(java.util.Collection<String> names, String name) {
        if (names.contains(name)) {
            return Optional.of(name);
        }
        List<String> alike = names.stream().filter(candidate -> candidate.equalsIgnoreCase(name)).toList();
        return alike.size() == 1 ? Optional.of(alike.get(0)) : Optional.empty();
    }

    private Optional<Resolved> resolve(Source source, String at) throws SQLException {
        if (source instanceof Source.Query query) {
            String from = "(" + query.sql().strip() + ")";
            String description = "the " + at + " query";
            try {
                return Optional.of(new Resolved(from, description, columns(from)));
            } catch (SQLException e) {
                problem(at + ".query", "the query fails on the database: " + firstLine(e));
                return Optional.empty();
            }
        }
        Source.Table table = (Source.Table) source;
        DatabaseMetaData metadata = connection.getMetaData();
        String schema;
        if (table.schema().isPresent()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = metadata.getSchemas()) {
                while (rows.next()) {
                    schemas.add(rows.getString("TABLE_SCHEM"));
                }
            }
            Optional<String> found = match(schemas, table.schema().get());
            if (found.isEmpty()) {
                problem(at + ".table", "schema \"" + table.schema().get() + "\" not found");
                return Optional.empty();
            }
            schema = found.get();
        } else {
            schema = connection.getSchema();
        }
        Map<String, String> tables = new LinkedHashMap<>();
        String escape = metadata.getSearchStringEscape();
        String pattern = schema.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        try (ResultSet rows = metadata.getTables(null, pattern, "%", null)) {
            while (rows.next()) {
                String type = String.valueOf(rows.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                if (type.contains("TABLE") || type.contains("VIEW")) {
                    tables.put(rows.getString("TABLE_NAME"), type.contains("VIEW") ? "view" : "table");
                }
            }
        }
        Optional<String> name = match(tables.keySet(), table.name());
        if (name.isEmpty()) {
            problem(at + ".table", "table or view \"" + table.name() + "\" not found in schema \"" + schema + "\"");
            return Optional.empty();
        }
        String from = quote(schema) + "." + quote(name.get());
        return Optional.of(new Resolved(from, tables.get(name.get()) + " \"" + name.get() + "\"", columns(from)));
    }

    /** The columns of a source, from a query that reads no row. */
    private Map<String, Column> columns(String from) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + from + " src WHERE 1 = 0")) {
            ResultSetMetaData metadata = probe.getMetaData();
            if (metadata == null) {
                try (ResultSet rows = probe.executeQuery()) {
                    return columns(rows.getMetaData());
                }
            }
            return columns(metadata);
        }
    }

    private static Map<String, Column> columns(ResultSetMetaData metadata) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            String label = metadata.getColumnLabel(i);
            columns.putIfAbsent(label, new Column(label, metadata.getColumnType(i), metadata.getColumnTypeName(i),
                    metadata.getScale(i)));
        }
        return columns;
    }

    /**
     * Quotes a name as the database stores it. The names come from the database's metadata, matched
     * to a name {@link SqlNames#checkIdentifier} accepted; doubling quotes keeps any stored name one name.
     */
    private static String quote(String stored) {
        return '"' + stored.replace("\"", "\"\"") + '"';
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return e.getSQLState() == null ? message : message + " (SQL state " + e.getSQLState() + ")";
    }
}

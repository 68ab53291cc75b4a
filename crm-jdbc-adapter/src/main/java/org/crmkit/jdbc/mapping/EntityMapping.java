package org.crmkit.jdbc.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Priority;
import org.crmkit.rules.io.InputProblem;
import org.jspecify.annotations.Nullable;

/**
 * Where one entity's rows are in an ERP: the table, view or query, the column (or fixed value) of
 * each field, and the filters a row must pass to count. Immutable and thread-safe.
 *
 * <pre>{@code
 * EntityMapping orders = EntityMapping.builder(Entity.ORDERS).table("sales_document")
 *         .column(Field.ORDER_ID, "doc_no").column(Field.ORDER_CUSTOMER_ID, "partner_no")
 *         .column(Field.ORDER_DATE, "doc_date").column(Field.ORDER_AMOUNT, "net_total")
 *         .fixed(Field.ORDER_CURRENCY, "EUR")
 *         .filter(Filter.notIn("doc_status", "cancelled", "refunded"))
 *         .build();
 * }</pre>
 *
 * @param entity the entity mapped; not null
 * @param source where its rows are; not null
 * @param fields each mapped field's column or fixed value, every required field among them; not null
 * @param filters the conditions every row must meet, all of them; not null
 */
public record EntityMapping(Entity entity, Source source, Map<Field, FieldValue> fields, List<Filter> filters) {
    /**
     * Checks the invariants.
     *
     * @throws MappingException naming every problem: a name crmkit does not accept, a field of
     *     another entity, a required field left out, a fixed value where a column is needed or one
     *     its field cannot hold
     */
    public EntityMapping {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fields, "fields");
        fields = fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fields));
        filters = List.copyOf(filters);
        List<Found> found = problems(entity, source, fields, filters);
        if (!found.isEmpty()) {
            throw new MappingException(found.stream()
                    .map(problem -> InputProblem.atPath(ErpMapping.BUILT_IN_CODE, 0, problem.path(), problem.message()))
                    .toList());
        }
    }

    /**
     * Starts a mapping of an entity.
     *
     * @param entity the entity; not null
     * @return a builder
     */
    public static Builder builder(Entity entity) {
        return new Builder(entity);
    }

    /**
     * A field's column or fixed value.
     *
     * @param field the field; not null
     * @return its value, or empty if the mapping leaves the optional field out
     */
    public Optional<FieldValue> field(Field field) {
        return Optional.ofNullable(fields.get(Objects.requireNonNull(field, "field")));
    }

    /** A problem at a key path. */
    record Found(String path, String message) {
    }

    /** Every problem of the parts of an entity's mapping, in mapping order. */
    static List<Found> problems(Entity entity, Source source, Map<Field, FieldValue> fields, List<Filter> filters) {
        String at = entity.key();
        List<Found> found = new ArrayList<>();
        if (source instanceof Source.Table table) {
            table.schema().flatMap(SqlNames::checkIdentifier).ifPresent(p -> found.add(new Found(at + ".table", p)));
            SqlNames.checkIdentifier(table.name()).ifPresent(p -> found.add(new Found(at + ".table", p)));
        } else if (source instanceof Source.Query query) {
            queryProblem(query.sql()).ifPresent(p -> found.add(new Found(at + ".query", p)));
        }
        for (Map.Entry<Field, FieldValue> entry : fields.entrySet()) {
            Field field = entry.getKey();
            if (field.entity() != entity) {
                found.add(new Found(at + ".columns", "field " + field + " belongs to " + field.entity().key()
                        + ", not to " + at));
                continue;
            }
            if (entry.getValue() instanceof FieldValue.Column column) {
                SqlNames.checkIdentifier(column.name())
                        .ifPresent(p -> found.add(new Found(at + ".columns." + field.key(), p)));
            } else if (entry.getValue() instanceof FieldValue.Fixed fixed) {
                fixedProblem(field, fixed.value())
                        .ifPresent(p -> found.add(new Found(at + ".fixed." + field.key(), p)));
            }
        }
        for (Field field : entity.fields()) {
            if (field.required() && !fields.containsKey(field)) {
                found.add(new Found(at + ".columns", "the required field '" + field.key() + "' is not mapped"
                        + (field.kind().fixable() ? "; name its column, or give it a fixed value" : "; name its column")));
            }
        }
        for (int i = 0; i < filters.size(); i++) {
            String path = at + ".filters[" + i + "].column";
            SqlNames.checkIdentifier(filters.get(i).column()).ifPresent(p -> found.add(new Found(path, p)));
        }
        return found;
    }

    private static Optional<String> queryProblem(String sql) {
        String text = sql.strip();
        if (text.isEmpty()) {
            return Optional.of("the query is empty");
        }
        if (text.endsWith(";")) {
            return Optional.of("the query must not end with ';': it runs inside crmkit's own queries");
        }
        if (text.indexOf('?') >= 0) {
            return Optional.of("the query must take no parameters ('?'); select rows with filters, whose values"
                    + " crmkit binds");
        }
        return Optional.empty();
    }

    /** What is wrong with a fixed value for a field, if anything. */
    private static Optional<String> fixedProblem(Field field, String value) {
        if (!field.kind().fixable()) {
            return Optional.of("'" + field.key() + "' takes a column, not a fixed value ('" + value + "')");
        }
        try {
            switch (field.kind()) {
                case CURRENCY -> Money.currency(value);
                case CHANNEL -> Channel.parse(value);
                case INTERACTION_KIND -> InteractionKind.parse(value);
                case CASE_KIND -> CaseKind.parse(value);
                case PRIORITY -> Priority.parse(value);
                case CASE_EVENT_TYPE -> CaseEventType.parse(value);
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return Optional.of("'" + field.key() + "' is true or false, was '" + value + "'");
                    }
                }
                default -> {
                    // Text: any value.
                }
            }
        } catch (InvalidValueException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** Builds an {@link EntityMapping}; not thread-safe. */
    public static final class Builder {
        private final Entity entity;
        private @Nullable Source source;
        private final Map<Field, FieldValue> fields = new EnumMap<>(Field.class);
        private final List<Filter> filters = new ArrayList<>();

        private Builder(Entity entity) {
            this.entity = Objects.requireNonNull(entity, "entity");
        }

        /**
         * Reads the rows from a table or view.
         *
         * @param name {@code name} or {@code schema.name}; not null
         * @return this builder
         */
        public Builder table(String name) {
            this.source = Source.table(name);
            return this;
        }

        /**
         * Reads the rows from a query of the application's own.
         *
         * @param sql a SELECT without parameters or trailing {@code ;}; not null
         * @return this builder
         */
        public Builder query(String sql) {
            this.source = Source.query(sql);
            return this;
        }

        /**
         * Reads a field from a column.
         *
         * @param field the field; not null
         * @param column the column's name; not null
         * @return this builder
         */
        public Builder column(Field field, String column) {
            fields.put(Objects.requireNonNull(field, "field"), FieldValue.column(column));
            return this;
        }

        /**
         * Gives a field the same value in every row.
         *
         * @param field the field; not null
         * @param value the value, e.g. {@code EUR}; not null
         * @return this builder
         */
        public Builder fixed(Field field, String value) {
            fields.put(Objects.requireNonNull(field, "field"), FieldValue.fixed(value));
            return this;
        }

        /**
         * Adds a condition that every row must meet.
         *
         * @param filter the condition; not null
         * @return this builder
         */
        public Builder filter(Filter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         * @throws MappingException naming every problem, also if neither a table nor a query was given
         */
        public EntityMapping build() {
            if (source == null) {
                throw new MappingException(List.of(InputProblem.atPath(ErpMapping.BUILT_IN_CODE, 0, entity.key(),
                        "name a table (or view) or a query")));
            }
            return new EntityMapping(entity, source, fields, filters);
        }
    }
}

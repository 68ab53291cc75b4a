package org.crmkit.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one kind of output row, declared once for JSON Lines and CSV: each field's name,
 * what it holds (text, a number, a flag, a list, a nested object) and how its value is taken from
 * the row. JSON writes the fields in order, absent values as null; CSV writes the same fields as
 * cells in the same order, nested objects flattened into their fields' own columns, lists joined
 * into one cell, absent values as empty cells, and text neutralised as {@link CsvText} says:
 * numbers, flags and amounts are the command's own and never are. Immutable and thread-safe.
 *
 * @param <R> the row type
 */
final class Columns<R> {
    private final List<Column<R>> columns;
    private final List<String> csvNames;

    private Columns(List<Column<R>> columns) {
        this.columns = List.copyOf(columns);
        List<String> names = new ArrayList<>();
        for (Column<R> column : columns) {
            names.addAll(column.csvNames());
        }
        this.csvNames = List.copyOf(names);
    }

    /** @return a builder of the fields of rows of type {@code R}, to be added in output order */
    static <R> Builder<R> builder() {
        return new Builder<>();
    }

    /** @return the CSV columns these fields make, in order: nested objects' fields in their place */
    List<String> csvNames() {
        return csvNames;
    }

    /** Writes the fields of a row, without the braces of its object. */
    void json(JsonGenerator json, R row) throws IOException {
        for (Column<R> column : columns) {
            column.json(json, row);
        }
    }

    /** Writes every field as null: the fields of an absent nested row. */
    void jsonNulls(JsonGenerator json) throws IOException {
        for (Column<R> column : columns) {
            column.jsonNull(json);
        }
    }

    /**
     * Puts the row's CSV cells where the header has them.
     *
     * @param row the row
     * @param cells the CSV row's cells, null where empty
     * @param at the header position of each of {@link #csvNames()}
     * @param from the index into {@code at} of the first of these fields' cells
     */
    void csv(R row, @Nullable String[] cells, int[] at, int from) {
        int next = from;
        for (Column<R> column : columns) {
            column.csv(row, cells, at, next);
            next += column.width();
        }
    }

    /** Adds fields in output order; {@link #build()} ends. Not thread-safe. */
    static final class Builder<R> {
        private final List<Column<R>> columns = new ArrayList<>();

        private Builder() {
        }

        /** Text: a JSON string, or null when absent. */
        Builder<R> text(String name, Function<? super R, @Nullable String> value) {
            return optional(name, value, JsonGenerator::writeString, CsvText::neutralise);
        }

        /**
         * A number the command computed: a {@link BigDecimal} as written, never in exponent
         * notation, an {@link Integer} or a {@link Long}; null when absent.
         */
        Builder<R> number(String name, Function<? super R, @Nullable Number> value) {
            return optional(name, value, (json, number) -> {
                if (number instanceof BigDecimal decimal) {
                    json.writeNumber(decimal);
                } else if (number instanceof Integer integer) {
                    json.writeNumber(integer.intValue());
                } else if (number instanceof Long whole) {
                    json.writeNumber(whole.longValue());
                } else {
                    throw new IllegalArgumentException("field '" + name + "' holds a " + number.getClass()
                            .getSimpleName() + ", not a BigDecimal, Integer or Long");
                }
            }, number -> number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString());
        }

        /** A field that may be absent: JSON null and an empty CSV cell when it is, else written as given. */
        private <V> Builder<R> optional(String name, Function<? super R, @Nullable V> value, JsonValue<V> json,
                Function<V, String> cell) {
            return add(new Leaf<R>(name) {
                @Override
                void json(JsonGenerator generator, R row) throws IOException {
                    generator.writeFieldName(jsonName);
                    V present = value.apply(row);
                    if (present == null) {
                        generator.writeNull();
                    } else {
                        json.write(generator, present);
                    }
                }

                @Override
                @Nullable String cell(R row) {
                    V present = value.apply(row);
                    return present == null ? null : cell.apply(present);
                }
            });
        }

        /** A count, never absent: no boxing on the way, which the million lines of {@code crm tier} notice. */
        Builder<R> integer(String name, ToIntFunction<? super R> value) {
            return add(new Leaf<R>(name) {
                @Override
                void json(JsonGenerator json, R row) throws IOException {
                    json.writeFieldName(jsonName);
                    json.writeNumber(value.applyAsInt(row));
                }

                @Override
                String cell(R row) {
                    return Integer.toString(value.applyAsInt(row));
                }
            });
        }

        /**
         * A count that may be unknown (JSON null, an empty cell), such as the inquiries of a source
         * without interactions data; unboxed as {@link #integer}.
         */
        Builder<R> optionalInteger(String name, ToIntFunction<? super R> value, Predicate<? super R> known) {
            return add(new Leaf<R>(name) {
                @Override
                void json(JsonGenerator json, R row) throws IOException {
                    json.writeFieldName(jsonName);
                    if (known.test(row)) {
                        json.writeNumber(value.applyAsInt(row));
                    } else {
                        json.writeNull();
                    }
                }

                @Override
                @Nullable String cell(R row) {
                    return known.test(row) ? Integer.toString(value.applyAsInt(row)) : null;
                }
            });
        }

        /** A flag, never absent: {@code true} or {@code false} (boxed without allocating: Booleans are cached). */
        Builder<R> flag(String name, Predicate<? super R> value) {
            return optionalFlag(name, row -> value.test(row));
        }

        /** A flag that may be absent (JSON null, an empty cell). */
        Builder<R> optionalFlag(String name, Function<? super R, @Nullable Boolean> value) {
            return optional(name, value, JsonGenerator::writeBoolean, Object::toString);
        }

        /**
         * An amount of money: a JSON string, so that no reader turns it into binary floating point,
         * and a number in CSV, as written ({@code 110000.00}).
         */
        Builder<R> amount(String name, Function<? super R, BigDecimal> value) {
            return add(new Leaf<R>(name) {
                @Override
                void json(JsonGenerator json, R row) throws IOException {
                    json.writeFieldName(jsonName);
                    json.writeString(value.apply(row).toPlainString());
                }

                @Override
                String cell(R row) {
                    return value.apply(row).toPlainString();
                }
            });
        }

        /** A list of text: a JSON array of strings; one CSV cell, the items joined with {@code separator}. */
        Builder<R> texts(String name, Function<? super R, List<String>> value, String separator) {
            return add(new Leaf<R>(name) {
                @Override
                void json(JsonGenerator json, R row) throws IOException {
                    json.writeFieldName(jsonName);
                    json.writeStartArray();
                    for (String text : value.apply(row)) {
                        json.writeString(text);
                    }
                    json.writeEndArray();
                }

                @Override
                String cell(R row) {
                    return CsvText.neutralise(String.join(separator, value.apply(row)));
                }
            });
        }

        /**
         * Numbers under names the row chooses, in its order (a model's parameters): JSON has the
         * row's own, CSV a column for each of {@code csvNames}, empty where the row has none.
         */
        Builder<R> numbers(Function<? super R, Map<String, Double>> value, List<String> csvNames) {
            List<String> names = List.copyOf(csvNames);
            return add(new Column<R>() {
                @Override
                void json(JsonGenerator json, R row) throws IOException {
                    for (Map.Entry<String, Double> entry : value.apply(row).entrySet()) {
                        json.writeFieldName(entry.getKey());
                        json.writeNumber(BigDecimal.valueOf(entry.getValue()));
                    }
                }

                @Override
                void jsonNull(JsonGenerator json) {
                    // An absent row has no names to write.
                }

                @Override
                void csv(R row, @Nullable String[] cells, int[] at, int from) {
                    Map<String, Double> numbers = value.apply(row);
                    for (int i = 0; i < names.size(); i++) {
                        Double number = numbers.get(names.get(i));
                        cells[at[from + i]] = number == null ? null : BigDecimal.valueOf(number).toPlainString();
                    }
                }

                @Override
                List<String> csvNames() {
                    return names;
                }
            });
        }

        /** Another row's fields in this row's place, in JSON and CSV alike; all null when it is absent. */
        <S> Builder<R> inline(Columns<S> fields, Function<? super R, @Nullable S> value) {
            return add(new Column<R>() {
                @Override
                void json(JsonGenerator json, R row) throws IOException {
                    S nested = value.apply(row);
                    if (nested == null) {
                        fields.jsonNulls(json);
                    } else {
                        fields.json(json, nested);
                    }
                }

                @Override
                void jsonNull(JsonGenerator json) throws IOException {
                    fields.jsonNulls(json);
                }

                @Override
                void csv(R row, @Nullable String[] cells, int[] at, int from) {
                    S nested = value.apply(row);
                    if (nested != null) {
                        fields.csv(nested, cells, at, from);
                    }
                }

                @Override
                List<String> csvNames() {
                    return fields.csvNames();
                }
            });
        }

        /** A nested object in JSON; in CSV its fields are columns of their own, in its place. */
        <S> Builder<R> object(String name, Columns<S> fields, Function<? super R, S> value) {
            return add(new Named<R>(name) {
                @Override
                void json(JsonGenerator json, R row) throws IOException {
                    json.writeFieldName(jsonName);
                    json.writeStartObject();
                    fields.json(json, value.apply(row));
                    json.writeEndObject();
                }

                @Override
                void csv(R row, @Nullable String[] cells, int[] at, int from) {
                    fields.csv(value.apply(row), cells, at, from);
                }

                @Override
                List<String> csvNames() {
                    return fields.csvNames();
                }
            });
        }

        /**
         * A JSON array of nested objects. A CSV row cannot hold it: a report with such a field
         * declares its CSV rows apart (one per nested object, say), and declaring it as CSV fails.
         */
        <S> Builder<R> objects(String name, Columns<S> fields, Function<? super R, List<S>> value) {
            return add(new Named<R>(name) {
                @Override
                void json(JsonGenerator json, R row) throws IOException {
                    json.writeFieldName(jsonName);
                    json.writeStartArray();
                    for (S nested : value.apply(row)) {
                        json.writeStartObject();
                        fields.json(json, nested);
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }

                @Override
                void csv(R row, @Nullable String[] cells, int[] at, int from) {
                    throw new IllegalStateException("field '" + name() + "' has no CSV form");
                }

                @Override
                List<String> csvNames() {
                    return List.of();
                }

                @Override
                Optional<String> listOfObjects() {
                    return Optional.of(name());
                }
            });
        }

        private Builder<R> add(Column<R> column) {
            columns.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /** @return the fields added */
        Columns<R> build() {
            return new Columns<>(columns);
        }
    }

    /** @return the first field that has no CSV form, a list of objects, if there is one */
    Optional<String> listOfObjects() {
        return columns.stream().map(Column::listOfObjects).flatMap(Optional::stream).findFirst();
    }

    /** How a present value of a field is written as JSON. */
    @FunctionalInterface
    private interface JsonValue<V> {
        void write(JsonGenerator json, V value) throws IOException;
    }

    /** One declared field; it may stand for several CSV columns. */
    private abstract static class Column<R> {
        abstract void json(JsonGenerator json, R row) throws IOException;

        abstract void jsonNull(JsonGenerator json) throws IOException;

        abstract void csv(R row, @Nullable String[] cells, int[] at, int from);

        abstract List<String> csvNames();

        int width() {
            return csvNames().size();
        }

        /** @return this field's name if it is a list of objects, which no CSV row can hold */
        Optional<String> listOfObjects() {
            return Optional.empty();
        }
    }

    /** A field with a name of its own (not a group of another row's fields). */
    private abstract static class Named<R> extends Column<R> {
        private final String name;
        /** The name quoted and escaped once, not on every line. */
        final SerializedString jsonName;

        Named(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.jsonName = new SerializedString(name);
        }

        final String name() {
            return name;
        }

        @Override
        void jsonNull(JsonGenerator json) throws IOException {
            json.writeFieldName(jsonName);
            json.writeNull();
        }
    }

    /** A field that is one JSON value and one CSV cell. */
    private abstract static class Leaf<R> extends Named<R> {
        Leaf(String name) {
            super(name);
        }

        /** @return the CSV cell, null when empty */
        abstract @Nullable String cell(R row);

        @Override
        void csv(R row, @Nullable String[] cells, int[] at, int from) {
            cells[at[from]] = cell(row);
        }

        @Override
        List<String> csvNames() {
            return List.of(name());
        }

        @Override
        int width() {
            return 1;
        }
    }
}

package org.crmkit.rules.internal.section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.model.Tier;

/**
 * The structure of a part of a policy document, declared once per section: which keys a map may
 * and must have, the type of each value, its allowed words and its number range. The readers take
 * their key lists from it (so the unknown-key check and the schema cannot disagree), and the JSON
 * Schema and the Markdown key reference are generated from it. Checks that relate values to each
 * other stay in the readers, and those of references to other sections in the section's
 * {@link SectionCheck}.
 */
public sealed interface Shape {
    /** @return what the value means, for the schema's and the reference's descriptions; may be empty */
    String description();

    /**
     * A map with known keys.
     *
     * @param fields the keys in document order, with their shapes
     * @param description what it is
     */
    record Fields(Map<String, Field> fields, String description) implements Shape {
        /** Copies the fields, keeping their order. */
        public Fields {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** @return the keys, in the order messages list them */
        public List<String> keys() {
            return List.copyOf(fields.keySet());
        }

        /**
         * The shape of a key's value.
         *
         * @param key the key
         * @return its shape
         */
        public Shape get(String key) {
            return Objects.requireNonNull(fields.get(key), key).shape();
        }
    }

    /**
     * One key of a {@link Fields} map.
     *
     * @param shape the value's shape
     * @param required whether the key must be given
     */
    record Field(Shape shape, boolean required) {
    }

    /**
     * A map from names the document chooses (calendar names, tiers) to values of one shape.
     *
     * @param namePattern the regular expression names must match, or empty for any
     * @param values the shape of every value
     * @param description what it is
     */
    record NamedMap(Optional<String> namePattern, Shape values, String description) implements Shape {
    }

    /**
     * A list.
     *
     * @param items the shape of every item
     * @param minItems the fewest items
     * @param description what it is
     */
    record Items(Shape items, int minItems, String description) implements Shape {
    }

    /**
     * Text: free, one of some words, or matching a pattern.
     *
     * @param words the allowed words, or empty for any text
     * @param pattern a regular expression the text must match, if any
     * @param anyCase whether the words may be written in any case, as the reader takes them
     * @param description what it is
     */
    record Text(List<String> words, Optional<String> pattern, boolean anyCase, String description) implements Shape {
        /** Copies the words. */
        public Text {
            words = List.copyOf(words);
        }
    }

    /**
     * A number, written as a number or as a string of decimal digits.
     *
     * @param whole whether it must be a whole number
     * @param minimum the lower bound, if bounded
     * @param aboveMinimum whether the value must be above the lower bound rather than at least it
     * @param maximum the largest value, if bounded
     * @param description what it is
     */
    record Number(boolean whole, Optional<java.math.BigDecimal> minimum, boolean aboveMinimum,
            Optional<java.math.BigDecimal> maximum, String description) implements Shape {
    }

    /**
     * true or false.
     *
     * @param description what it is
     */
    record Flag(String description) implements Shape {
    }

    /**
     * One of several shapes.
     *
     * @param alternatives the shapes
     * @param description what it is
     */
    record Either(List<Shape> alternatives, String description) implements Shape {
    }

    /**
     * A shape defined once and used in several places (the condition language, which is recursive).
     *
     * @param name its name in the schema's {@code $defs}
     * @param description what it is
     */
    record Named(String name, String description) implements Shape {
    }

    // Factories, so that declarations read like the document they describe.

    /**
     * Starts a map with known keys.
     *
     * @param description what it is
     * @return a builder
     */
    static FieldsBuilder fields(String description) {
        return new FieldsBuilder(description);
    }

    /** @param description what it is @return any non-blank text */
    static Text text(String description) {
        return new Text(List.of(), Optional.empty(), false, description);
    }

    /** @param pattern the regular expression @param description what it is @return text matching a pattern */
    static Text pattern(String pattern, String description) {
        return new Text(List.of(), Optional.of(pattern), false, description);
    }

    /** @param words the allowed words @param description what it is @return one of the words */
    static Text oneOf(List<String> words, String description) {
        return new Text(words, Optional.empty(), false, description);
    }

    /** @param minimum the smallest value @param description what it is @return a whole number of at least minimum */
    static Number whole(long minimum, String description) {
        return new Number(true, Optional.of(java.math.BigDecimal.valueOf(minimum)), false, Optional.empty(),
                description);
    }

    /**
     * A whole number in a range.
     *
     * @param minimum the smallest value
     * @param maximum the largest value
     * @param description what it is
     * @return the shape
     */
    static Number whole(long minimum, long maximum, String description) {
        return new Number(true, Optional.of(java.math.BigDecimal.valueOf(minimum)), false,
                Optional.of(java.math.BigDecimal.valueOf(maximum)), description);
    }

    /**
     * A decimal number in a range.
     *
     * @param minimum the smallest value, if bounded
     * @param maximum the largest value, if bounded
     * @param description what it is
     * @return the shape
     */
    static Number decimal(Optional<String> minimum, Optional<String> maximum, String description) {
        return new Number(false, minimum.map(java.math.BigDecimal::new), false,
                maximum.map(java.math.BigDecimal::new), description);
    }

    /**
     * A decimal above 0, with no upper bound.
     *
     * @param description what it is
     * @return the shape
     */
    static Number positive(String description) {
        return new Number(false, Optional.of(java.math.BigDecimal.ZERO), true, Optional.empty(), description);
    }

    /**
     * A share: a decimal above 0 and at most 1.
     *
     * @param description what it is
     * @return the shape
     */
    static Number share(String description) {
        return new Number(false, Optional.of(java.math.BigDecimal.ZERO), true, Optional.of(java.math.BigDecimal.ONE),
                description);
    }

    /**
     * One of an enum's policy spellings.
     *
     * @param constants the enum's constants
     * @param key a constant's spelling
     * @param description what it is
     * @param <E> the enum
     * @return the shape
     */
    static <E extends Enum<E>> Text words(E[] constants, java.util.function.Function<E, String> key,
            String description) {
        return oneOf(java.util.Arrays.stream(constants).map(key).toList(), description);
    }

    /**
     * One of an enum's policy spellings in any case, for the enums that the reader parses
     * ignoring case ({@code P1} for {@code p1}).
     *
     * @param constants the enum's constants
     * @param key a constant's spelling
     * @param description what it is
     * @param <E> the enum
     * @return the shape
     */
    static <E extends Enum<E>> Text wordsInAnyCase(E[] constants, java.util.function.Function<E, String> key,
            String description) {
        return new Text(java.util.Arrays.stream(constants).map(key).toList(), Optional.empty(), true, description);
    }

    /** @param description what it is @return true or false */
    static Flag flag(String description) {
        return new Flag(description);
    }

    /** @param items the items' shape @param minItems the fewest @param description what it is @return a list */
    static Items list(Shape items, int minItems, String description) {
        return new Items(items, minItems, description);
    }

    /**
     * A map from chosen names to values of one shape.
     *
     * @param namePattern the pattern of names, or null for any
     * @param values the values' shape
     * @param description what it is
     * @return the shape
     */
    static NamedMap named(String namePattern, Shape values, String description) {
        return new NamedMap(Optional.ofNullable(namePattern), values, description);
    }

    /** The shape of a condition on the metrics, such as {@code {spend: {gte: 100000}}}, defined once in the schema. */
    Named CONDITION = new Named("condition", "A condition: all, any, or one metric with comparisons.");

    /**
     * The shape of a condition on the metrics and the relationship signals, for the relationship
     * and lifecycle sections, such as {@code {referrals: {gte: 1}}}.
     */
    Named SIGNAL_CONDITION = new Named("signal_condition", "A condition: all, any, or one metric or relationship"
            + " signal with comparisons.");

    /** A duration more than zero such as 1h, 30m, 1h30m, or ISO-8601 PT1H. */
    Text DURATION = pattern("^(?=[^1-9]*[1-9])(?:\\d{1,6}h)?(?:\\d{1,6}m)?$|^[Pp]", "A duration more than zero such as"
            + " 1h, 30m, 1h30m or PT1H.");

    /** A tier's name. */
    Text TIER = pattern("^" + Tier.NAME_PATTERN + "$", "A tier's name.");

    /** An ISO date. */
    Text DATE = pattern("^\\d{4}-\\d{2}-\\d{2}$", "A date such as 2026-01-01.");

    /** Builds a {@link Fields} shape. */
    final class FieldsBuilder {
        private final String description;
        private final Map<String, Field> fields = new LinkedHashMap<>();

        private FieldsBuilder(String description) {
            this.description = description;
        }

        /**
         * Adds a required key.
         *
         * @param key the key
         * @param shape its value's shape
         * @return this builder
         */
        public FieldsBuilder required(String key, Shape shape) {
            fields.put(key, new Field(shape, true));
            return this;
        }

        /**
         * Adds an optional key.
         *
         * @param key the key
         * @param shape its value's shape
         * @return this builder
         */
        public FieldsBuilder optional(String key, Shape shape) {
            fields.put(key, new Field(shape, false));
            return this;
        }

        /** @return the shape */
        public Fields build() {
            return new Fields(fields, description);
        }
    }

    /**
     * Every list of keys in a shape, for tests that compare readers with declarations.
     *
     * @param shape the shape
     * @return the shapes of maps with known keys, depth first
     */
    static List<Fields> allFields(Shape shape) {
        List<Fields> found = new ArrayList<>();
        collect(shape, found);
        return found;
    }

    private static void collect(Shape shape, List<Fields> found) {
        if (shape instanceof Fields fields) {
            found.add(fields);
            fields.fields().values().forEach(field -> collect(field.shape(), found));
        } else if (shape instanceof NamedMap map) {
            collect(map.values(), found);
        } else if (shape instanceof Items items) {
            collect(items.items(), found);
        } else if (shape instanceof Either either) {
            either.alternatives().forEach(alternative -> collect(alternative, found));
        }
    }

}

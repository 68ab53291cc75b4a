package org.crmkit.jdbc.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.io.InvalidInputException;
import org.crmkit.rules.io.Utf8;
import org.jspecify.annotations.Nullable;

/**
 * Which of an ERP's tables, views or queries a {@link org.crmkit.jdbc.JdbcStore} reads the
 * customers, orders and their lines, interactions, complaints and their events, invoices and
 * payments from (the {@link Entity entities}); an entity the mapping leaves out is read from
 * crmkit's own table ({@link Entity#crmkitTable()}). An ERP that keeps no interactions says so
 * ({@code interactions: none}, {@link #keepsInteractions()}). {@link #crmkitTables()}, which maps
 * nothing, is the default.
 *
 * <p>A mapping is checked when it is built or read, every problem at once
 * ({@link MappingException}, naming the file, line and key path and quoting the bad value), and
 * again against the database when a store is created over it: a missing table, view or column, or
 * a column of a type its field cannot be read from, fails the store's creation before anything is
 * written. Names are checked against a strict pattern and quoted; filter values are bound as
 * parameters.
 *
 * <pre>{@code
 * ErpMapping mapping = ErpMapping.read(Path.of("erp-mapping.yaml"));
 * JdbcStore store = JdbcStore.create(dataSource, mapping);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class ErpMapping {
    /** The source name of mappings and values built in code. */
    static final String BUILT_IN_CODE = "mapping built in code";

    private static final ErpMapping CRMKIT_TABLES = new ErpMapping("crmkit's tables", Optional.empty(),
            Map.of(), true, Map.of());

    private final String source;
    private final Optional<ZoneId> timeZone;
    private final Map<Entity, EntityMapping> entities;
    private final boolean keepsInteractions;
    /** The line each key path was read from, for problems found later (against the database). */
    private final Map<String, Integer> lines;

    private ErpMapping(String source, Optional<ZoneId> timeZone, Map<Entity, EntityMapping> entities,
            boolean keepsInteractions, Map<String, Integer> lines) {
        this.source = source;
        this.timeZone = timeZone;
        this.entities = entities.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(entities));
        this.keepsInteractions = keepsInteractions;
        this.lines = Map.copyOf(lines);
    }

    /** @return the mapping that reads every entity from crmkit's own tables: the default */
    public static ErpMapping crmkitTables() {
        return CRMKIT_TABLES;
    }

    /** @return a builder of a mapping in code */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a mapping file, YAML or (for a name ending {@code .json}) JSON, in UTF-8.
     *
     * @param file the file; not null
     * @return the mapping
     * @throws MappingException naming every problem with its file, line and key path, bytes that
     *     are not UTF-8 too (a byte order mark is allowed)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static ErpMapping read(Path file) {
        Objects.requireNonNull(file, "file");
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the mapping file '" + file + "'", e);
        }
        String text;
        try {
            // Decoded as every input of crmkit is: strictly, a bad byte reported at its line.
            text = Utf8.decode(bytes, name);
        } catch (InvalidInputException e) {
            throw new MappingException(List.of(e.problem()));
        }
        return parse(text, name);
    }

    /**
     * Reads a mapping from text, YAML or (for a name ending {@code .json}) JSON.
     *
     * @param text the mapping; not null
     * @param name the mapping's name in problems, e.g. its file name; not null
     * @return the mapping
     * @throws MappingException naming every problem with its line and key path
     */
    public static ErpMapping parse(String text, String name) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        return MappingReader.read(text, name, name.endsWith(".json"));
    }

    /**
     * Where an entity is read from.
     *
     * @param entity the entity; not null
     * @return its mapping, or empty when it is read from crmkit's own table
     */
    public Optional<EntityMapping> entity(Entity entity) {
        return Optional.ofNullable(entities.get(Objects.requireNonNull(entity, "entity")));
    }

    /**
     * Whether the system keeps interactions at all: false for a mapping that says
     * {@code interactions: none} ({@link Builder#noInteractions()}). A store over such a mapping
     * has an empty, read-only interaction log, and its facts have unknown inquiries
     * ({@link org.crmkit.core.metrics.CustomerMetrics#inquiriesKnown()} false), so that the
     * potential tier says it cannot tell instead of reading 0 inquiries.
     *
     * @return false if the mapping says the ERP keeps no interactions
     */
    public boolean keepsInteractions() {
        return keepsInteractions;
    }

    /** @return the time zone of the mapped TIMESTAMP columns without one, if the mapping names it */
    public Optional<ZoneId> timeZone() {
        return timeZone;
    }

    /** @return the mapping's name in problems: its file name, or {@code mapping built in code} */
    public String source() {
        return source;
    }

    /**
     * A problem with this mapping, found later (against a database), at the line its key path was
     * read from.
     *
     * @param path the key path, e.g. {@code orders.columns.amount}; not null
     * @param message what is wrong; not null
     * @return the problem
     */
    public InputProblem problemAt(String path, String message) {
        Objects.requireNonNull(path, "path");
        return InputProblem.atPath(source, lines.getOrDefault(path, 0), path, message);
    }

    /** Mappings are equal when they map the same entities in the same way, wherever they were read from. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ErpMapping mapping && timeZone.equals(mapping.timeZone)
                && entities.equals(mapping.entities) && keepsInteractions == mapping.keepsInteractions;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeZone, entities, keepsInteractions);
    }

    /** @return the mapping's name, time zone and entities */
    @Override
    public String toString() {
        return "ErpMapping[" + source + ", timeZone=" + timeZone.map(ZoneId::getId).orElse("none") + ", "
                + entities.values() + (keepsInteractions ? "" : ", interactions: none") + "]";
    }

    /** Builds an {@link ErpMapping}; not thread-safe. */
    public static final class Builder {
        private @Nullable ZoneId timeZone;
        private final Map<Entity, EntityMapping> entities = new EnumMap<>(Entity.class);
        private boolean keepsInteractions = true;

        private Builder() {
        }

        /**
         * Says that the ERP keeps no interactions at all ({@code interactions: none} in a mapping
         * file), replacing an earlier mapping of them: the store's interaction log is empty and
         * read-only, and the inquiries of its facts are unknown rather than 0.
         *
         * @return this builder
         */
        public Builder noInteractions() {
            entities.remove(Entity.INTERACTIONS);
            keepsInteractions = false;
            return this;
        }

        /**
         * The time zone of mapped TIMESTAMP columns without one: a value {@code 2026-03-01 09:30}
         * is read as that time in this zone.
         *
         * @param zone the zone; not null
         * @return this builder
         */
        public Builder timeZone(ZoneId zone) {
            this.timeZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Reads an entity from the ERP, replacing an earlier mapping of it.
         *
         * @param mapping where the entity is; not null
         * @return this builder
         */
        public Builder entity(EntityMapping mapping) {
            entities.put(mapping.entity(), mapping);
            if (mapping.entity() == Entity.INTERACTIONS) {
                keepsInteractions = true;
            }
            return this;
        }

        /** @return the mapping; its entity mappings were checked when they were built */
        public ErpMapping build() {
            return build(BUILT_IN_CODE, Map.of());
        }

        ErpMapping build(String source, Map<String, Integer> lines) {
            return new ErpMapping(source, Optional.ofNullable(timeZone), entities, keepsInteractions, lines);
        }
    }
}

package org.crmkit.rules.internal.section;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one declaration of a capability's policy section: its keys in the document, its type, how it
 * is read and checked, what it refers to elsewhere in the policy, and what stands in when the
 * document leaves it out. Each capability package
 * declares its section (e.g. {@code SlaSection.SECTION}) and registers it with one line in
 * {@link org.crmkit.rules.internal.PolicySections#ALL}; the loader, {@link org.crmkit.rules.Policy}
 * and the generated schema and key reference work from these declarations alone.
 *
 * @param <S> the section's type, e.g. {@code SlaPolicy}
 */
public final class PolicySection<S> {
    /** Whether a section must be given, has a standard value, or may be absent. */
    public enum Presence {
        /** The document must have it; its reader is called even when it is absent, to say so. */
        REQUIRED,
        /** An absent section means its standard value. */
        STANDARD,
        /** An absent section means the capability is not used: {@code Policy.find} gives empty. */
        OPTIONAL
    }

    private final Class<S> type;
    private final java.util.Map<String, Shape> shapes;
    private final String description;
    private final Presence presence;
    private final Optional<Supplier<S>> standard;
    private final SectionReader<S> reader;
    private final SectionCheck<S> check;

    private PolicySection(Builder<S> builder) {
        this.type = builder.type;
        this.shapes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(builder.shapes));
        this.description = Objects.requireNonNull(builder.description, "description");
        this.presence = builder.presence;
        this.standard = builder.standard;
        this.reader = Objects.requireNonNull(builder.reader, "reader");
        this.check = builder.check;
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + " declares no key");
        }
    }

    /**
     * Starts the declaration of a section.
     *
     * @param type the section's type
     * @param <S> the section's type
     * @return a builder; give at least one key and the reader
     */
    public static <S> Builder<S> of(Class<S> type) {
        return new Builder<>(Objects.requireNonNull(type, "type"));
    }

    /** @return the section's type */
    public Class<S> type() {
        return type;
    }

    /** @return its top-level keys in the document, in the order messages list them */
    public List<String> keys() {
        return List.copyOf(shapes.keySet());
    }

    /** @return the shape of each top-level key, in document order */
    public java.util.Map<String, Shape> shapes() {
        return shapes;
    }

    /** @return what the capability does, one sentence for the key reference */
    public String description() {
        return description;
    }

    /** @return whether it must be given, has a standard value, or is optional */
    public Presence presence() {
        return presence;
    }

    /** @return the value of an absent section, for {@link Presence#STANDARD} sections */
    public Optional<S> standard() {
        return standard.map(Supplier::get);
    }

    /** @return reads and checks the section */
    public SectionReader<S> reader() {
        return reader;
    }

    /**
     * Checks what a value of this section refers to elsewhere in the policy: the loader calls it on
     * each section it read, {@code Policy.Builder} on each section it was given.
     *
     * @param section a value of this section's type
     * @param references the policy's tiers and calendars, and where to report
     * @throws ClassCastException if the value is not of this section's type
     */
    public void check(Object section, References references) {
        check.check(type.cast(section), references);
    }

    @Override
    public String toString() {
        return type.getSimpleName() + " " + keys();
    }

    /**
     * Builds a declaration.
     *
     * @param <S> the section's type
     */
    public static final class Builder<S> {
        private final Class<S> type;
        private final java.util.Map<String, Shape> shapes = new java.util.LinkedHashMap<>();
        private String description;
        private Presence presence = Presence.OPTIONAL;
        private Optional<Supplier<S>> standard = Optional.empty();
        private SectionReader<S> reader;
        private SectionCheck<S> check = (section, references) -> { };

        private Builder(Class<S> type) {
            this.type = type;
        }

        /**
         * Adds a top-level key of the document that belongs to this section, with its structure.
         *
         * @param key e.g. {@code "sla"}
         * @param shape the structure of its value
         * @return this builder
         */
        public Builder<S> key(String key, Shape shape) {
            shapes.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(shape, "shape"));
            return this;
        }

        /**
         * Describes the capability in one sentence, for the key reference.
         *
         * @param text the sentence
         * @return this builder
         */
        public Builder<S> description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Declares the section required: a policy without it is invalid.
         *
         * @return this builder
         */
        public Builder<S> required() {
            this.presence = Presence.REQUIRED;
            this.standard = Optional.empty();
            return this;
        }

        /**
         * Declares the value of an absent section.
         *
         * @param value makes the standard value
         * @return this builder
         */
        public Builder<S> standard(Supplier<S> value) {
            this.presence = Presence.STANDARD;
            this.standard = Optional.of(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Declares how the section is read and checked.
         *
         * @param reader the reader
         * @return this builder
         */
        public Builder<S> reader(SectionReader<S> reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Declares how the section's references to other parts of the policy (tiers, calendars) are
         * checked; a section without references needs none.
         *
         * @param check the check, run on the section's value
         * @return this builder
         */
        public Builder<S> check(SectionCheck<S> check) {
            this.check = Objects.requireNonNull(check, "check");
            return this;
        }

        /** @return the declaration */
        public PolicySection<S> build() {
            return new PolicySection<>(this);
        }
    }
}

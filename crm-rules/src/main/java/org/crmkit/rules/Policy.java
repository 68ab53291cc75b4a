package org.crmkit.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.port.ExchangeRates;
import org.crmkit.rules.internal.PolicySections;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Problems;
import org.crmkit.rules.policy.PolicyHeader;
import org.crmkit.rules.policy.PolicyValidationException;
import org.crmkit.rules.tiering.TieringPolicy;

/**
 * A validated policy document: the header every capability shares, the business calendars, and
 * one section per capability, given by its type. Load one with {@link PolicyLoader}, or build one
 * in code with {@link #builder}: both check every section and the references between them (tiers
 * named by the SLA or cadence sections, calendars) with the same checks and the same messages.
 *
 * <pre>{@code
 * Policy policy = PolicyLoader.load(Path.of("policy.yaml"));
 * TieringPolicy tiering = policy.section(TieringPolicy.class);        // always there
 * Optional<CadencePolicy> cadences = policy.find(CadencePolicy.class); // only if the file has one
 * }</pre>
 *
 * <p>Sections that every policy has ({@code tiers}, and those with a standard value such as
 * {@code sla}, {@code segmentation} and {@code clv}) are read with {@link #section}; optional
 * sections ({@code cadences}, {@code relationship}, {@code lifecycle}) with {@link #find}.
 * Immutable and thread-safe.
 */
public final class Policy {
    /** Name of the built-in calendar that is always open. */
    public static final String ALWAYS_OPEN_CALENDAR = "24x7";

    private final PolicyHeader header;
    private final Map<String, BusinessCalendar> calendars;
    private final Map<Class<?>, Object> sections;
    private final PolicySource source;

    /** The source named by the problems of a policy built in code, which have no file and no line. */
    static final String BUILDER_SOURCE = "<builder>";

    private Policy(Builder builder) {
        this.header = builder.header;
        BusinessCalendar alwaysOpen = BusinessCalendar.alwaysOpen(ALWAYS_OPEN_CALENDAR, header.zone());
        Map<String, BusinessCalendar> all = new LinkedHashMap<>();
        all.put(ALWAYS_OPEN_CALENDAR, alwaysOpen);
        all.putAll(builder.calendars);
        this.calendars = Collections.unmodifiableMap(all);
        Map<Class<?>, Object> present = new LinkedHashMap<>();
        for (PolicySection<?> entry : PolicySections.ALL) {
            Object given = builder.sections.get(entry.type());
            if (given != null) {
                present.put(entry.type(), given);
            } else if (entry.presence() == PolicySection.Presence.STANDARD) {
                present.put(entry.type(), entry.standard().orElseThrow());
            } else if (entry.presence() == PolicySection.Presence.REQUIRED) {
                throw new IllegalArgumentException("a policy needs a " + entry.type().getSimpleName());
            }
        }
        this.sections = Collections.unmodifiableMap(present);
        this.source = builder.source;
        // The loader's order of calendars, for the same messages: the policy's, then the built-in one.
        Map<String, BusinessCalendar> known = new LinkedHashMap<>(builder.calendars);
        known.put(ALWAYS_OPEN_CALENDAR, alwaysOpen);
        Problems problems = new Problems(BUILDER_SOURCE);
        PolicySections.checkReferences(sections, Optional.of(known), (path, message) -> problems.add(0, path, message));
        problems.throwIfAny();
    }

    /**
     * A policy with tiering only (other sections standard or absent) and the built-in calendar,
     * for policies built in code; the same as {@code builder(header).section(tiering).source(source).build()}.
     *
     * @param header the header; not null
     * @param tiering the tiering section; not null
     * @param source where it came from; not null
     * @return the policy
     */
    public static Policy of(PolicyHeader header, TieringPolicy tiering, PolicySource source) {
        return builder(header).section(tiering).source(source).build();
    }

    /**
     * A builder for policies built in code, which {@link Builder#build} checks as the loader checks
     * a file.
     *
     * @param header the header; not null
     * @return a builder with no calendars but the built-in one, no sections, and the source "code"
     */
    public static Builder builder(PolicyHeader header) {
        return new Builder(Objects.requireNonNull(header, "header"));
    }

    /**
     * A builder that starts from this policy, to replace some of its parts.
     *
     * @return a builder holding this policy's header, calendars, given sections and source
     */
    public Builder toBuilder() {
        return builderWith(header);
    }

    private Builder builderWith(PolicyHeader newHeader) {
        Builder builder = new Builder(newHeader).source(source);
        calendars.forEach((name, calendar) -> {
            if (!name.equals(ALWAYS_OPEN_CALENDAR)) {
                builder.calendars.put(name, calendar);
            }
        });
        builder.sections.putAll(sections);
        return builder;
    }

    /**
     * A copy of this policy that converts purchases through other exchange rates, such as the
     * dated rates of a store's table: {@code policy.withExchangeRates(store.exchangeRates())}. Every
     * engine and job that computes facts from the policy's header then converts through them.
     *
     * @param rates the rates into the policy's currency; not null
     * @return the copy, with the same calendars, sections and source
     */
    public Policy withExchangeRates(ExchangeRates rates) {
        return builderWith(header.withExchangeRates(Objects.requireNonNull(rates, "rates"))).build();
    }

    /** @return id, version, effective date, currency, time zone, evaluation window and exchange rates */
    public PolicyHeader header() {
        return header;
    }

    /** @return the policy's id and version */
    public PolicyRef ref() {
        return header.ref();
    }

    /** @return the business calendars by name, always with the built-in {@value #ALWAYS_OPEN_CALENDAR} */
    public Map<String, BusinessCalendar> calendars() {
        return calendars;
    }

    /**
     * A calendar by name.
     *
     * @param name e.g. {@code "office_hours"} or {@code "24x7"}; not null
     * @return the calendar, or empty if the policy has none of that name
     */
    public Optional<BusinessCalendar> calendar(String name) {
        return Optional.ofNullable(calendars.get(Objects.requireNonNull(name, "name")));
    }

    /** @return the document it was read from, for messages */
    public PolicySource source() {
        return source;
    }

    /**
     * A section every policy has: a required one such as {@link TieringPolicy}, or one whose
     * standard value stands in when the document leaves it out, such as
     * {@link org.crmkit.rules.sla.SlaPolicy}.
     *
     * @param type the section's type; not null
     * @param <S> the section's type
     * @return the section
     * @throws IllegalArgumentException if the type is no policy section, or an optional one (use {@link #find})
     */
    public <S> S section(Class<S> type) {
        PolicySection<?> entry = entry(type);
        if (entry.presence() == PolicySection.Presence.OPTIONAL) {
            throw new IllegalArgumentException(type.getSimpleName() + " is an optional policy section; use find("
                    + type.getSimpleName() + ".class)");
        }
        return type.cast(sections.get(type));
    }

    /**
     * A section, if the policy has it: for optional sections such as
     * {@link org.crmkit.rules.cadence.CadencePolicy}; sections every policy has are always found.
     *
     * @param type the section's type; not null
     * @param <S> the section's type
     * @return the section, or empty when the document has none
     * @throws IllegalArgumentException if the type is no policy section
     */
    public <S> Optional<S> find(Class<S> type) {
        entry(type);
        return Optional.ofNullable(sections.get(type)).map(type::cast);
    }

    private static PolicySection<?> entry(Class<?> type) {
        Objects.requireNonNull(type, "type");
        return PolicySections.of(type).orElseThrow(() -> new IllegalArgumentException(type.getName()
                + " is not a policy section"));
    }

    /** Policies are equal when header, calendars, sections and source are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Policy that && header.equals(that.header) && calendars.equals(that.calendars)
                && sections.equals(that.sections) && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, calendars, sections, source);
    }

    /** @return e.g. {@code "Policy[standard@1, sections TieringPolicy, SlaPolicy, ...]"} */
    @Override
    public String toString() {
        return "Policy[" + header.ref() + ", sections " + String.join(", ",
                sections.keySet().stream().map(Class::getSimpleName).toList()) + "]";
    }

    /**
     * Builds a policy in code; {@link #build} checks that the required sections are there and that
     * what they refer to is in the policy, as the loader does.
     */
    public static final class Builder {
        private final PolicyHeader header;
        private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        private final Map<Class<?>, Object> sections = new LinkedHashMap<>();
        private PolicySource source = PolicySource.named("code");

        private Builder(PolicyHeader header) {
            this.header = header;
        }

        /**
         * Adds or replaces a section; its class says which.
         *
         * @param section a section such as a {@link TieringPolicy}; not null
         * @return this builder
         * @throws IllegalArgumentException if it is no policy section
         */
        public Builder section(Object section) {
            Objects.requireNonNull(section, "section");
            sections.put(entry(section.getClass()).type(), section);
            return this;
        }

        /**
         * Adds or replaces a calendar, under its own name.
         *
         * @param calendar the calendar; not named {@value #ALWAYS_OPEN_CALENDAR}; not null
         * @return this builder
         */
        public Builder calendar(BusinessCalendar calendar) {
            Objects.requireNonNull(calendar, "calendar");
            if (calendar.name().equals(ALWAYS_OPEN_CALENDAR)) {
                throw new IllegalArgumentException("'" + ALWAYS_OPEN_CALENDAR + "' is built in and cannot be replaced");
            }
            calendars.put(calendar.name(), calendar);
            return this;
        }

        /**
         * Sets where the policy came from.
         *
         * @param source the source; not null
         * @return this builder
         */
        public Builder source(PolicySource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Builds the policy; absent sections with a standard value get it. The references between
         * sections are checked as the loader checks them, with the same messages: every tier that
         * the SLA targets and the cadences name must be one of the tiering section's, and every
         * calendar they use must be the policy's calendar of that name (added with
         * {@link #calendar}, or the built-in {@value Policy#ALWAYS_OPEN_CALENDAR} in the header's
         * zone). The problems name the source {@code <builder>}, the path and no line, e.g.
         * {@code <builder>: sla.targets[0].when.tiers[0]: unknown tier 'gold', expected one of basic}.
         *
         * @return the policy
         * @throws IllegalArgumentException if a required section is missing
         * @throws PolicyValidationException listing every reference the policy does not define
         */
        public Policy build() {
            return new Policy(this);
        }
    }
}

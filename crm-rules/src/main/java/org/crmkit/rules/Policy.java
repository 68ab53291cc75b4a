package org.crmkit.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.policy.PolicyHeader;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.LifecyclePolicy;
import org.crmkit.rules.relationship.RelationshipPolicy;
import org.crmkit.rules.segment.SegmentationPolicy;
import org.crmkit.rules.sla.SlaPolicy;
import org.crmkit.rules.tiering.TieringPolicy;

/**
 * A validated policy document: the header every capability shares and one section per
 * capability. Load one with {@link PolicyLoader}; a policy that exists is valid.
 * Immutable and thread-safe.
 *
 * @param header id, version, effective date, currency, time zone and evaluation window; not null
 * @param tiering the {@code tiers} and {@code tiering} sections; not null
 * @param calendars the business calendars by name, always with the built-in {@code 24x7}; not null
 * @param sla the {@code sla} section: complaint and inquiry targets; none when absent; not null
 * @param cadences the {@code cadences} section: contact rhythms per tier, if the policy plans contacts; not null
 * @param relationship the {@code relationship} section: level evidence and type rules, if given; not null
 * @param lifecycle the {@code lifecycle} section: stage rules, win-back and churn risk, if given; not null
 * @param segmentation the {@code segmentation} section: RFM binning and ABC thresholds, standard
 *     values where the policy gives none; not null
 * @param clv the {@code clv} section: purchase model, time unit, horizon and discount rate,
 *     standard values where the policy gives none; not null
 * @param source the document it was read from, for messages; not null
 */
public record Policy(PolicyHeader header, TieringPolicy tiering, Map<String, BusinessCalendar> calendars,
        SlaPolicy sla, Optional<CadencePolicy> cadences, Optional<RelationshipPolicy> relationship,
        Optional<LifecyclePolicy> lifecycle, SegmentationPolicy segmentation, ClvPolicy clv,
        PolicySource source) {

    /** Name of the built-in calendar that is always open. */
    public static final String ALWAYS_OPEN_CALENDAR = "24x7";

    /** Checks the invariants and adds the built-in calendar. */
    public Policy {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(tiering, "tiering");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(cadences, "cadences");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(segmentation, "segmentation");
        Objects.requireNonNull(clv, "clv");
        Objects.requireNonNull(source, "source");
        Map<String, BusinessCalendar> all = new LinkedHashMap<>();
        all.put(ALWAYS_OPEN_CALENDAR, BusinessCalendar.alwaysOpen(ALWAYS_OPEN_CALENDAR, header.zone()));
        all.putAll(Objects.requireNonNull(calendars, "calendars"));
        calendars = Collections.unmodifiableMap(all);
    }

    /**
     * A policy with tiering only and the built-in calendar, for policies built in code.
     *
     * @param header the header; not null
     * @param tiering the tiering section; not null
     * @param source where it came from; not null
     * @return the policy
     */
    public static Policy of(PolicyHeader header, TieringPolicy tiering, PolicySource source) {
        return new Policy(header, tiering, Map.of(), SlaPolicy.none(), Optional.empty(), Optional.empty(),
                Optional.empty(), SegmentationPolicy.standard(), ClvPolicy.standard(), source);
    }

    /** @return the policy's id and version */
    public PolicyRef ref() {
        return header.ref();
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
}

package org.crmkit.rules.cadence;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.condition.Condition;

/**
 * The {@code cadences} section of a policy: contact rules per tier, the owners who carry them out
 * with their daily capacity, the calendar of planning days, a frequency cap, and suppression.
 * Customers for whom the win-back condition holds (customers who stopped buying) get only the
 * win-back rule. Immutable and thread-safe.
 *
 * @param calendar the working time of owners whose pool names no calendar of its own; not null
 * @param frequencyCap the most contacts per customer in a window, if limited; not null
 * @param suppressMarketingWhileComplaintOpen whether marketing contacts wait until open complaints are closed
 * @param owners the owner pools by kind; kinds without a pool have no members and no limits; not null
 * @param rules the rules per tier, in policy order; not null
 * @param winBackWhen the condition on the metrics snapshot that marks a customer for win-back, if any; not null
 * @param winBack the win-back rule, present exactly when the condition is; not null
 */
public record CadencePolicy(
        BusinessCalendar calendar,
        Optional<FrequencyCap> frequencyCap,
        boolean suppressMarketingWhileComplaintOpen,
        Map<OwnerKind, OwnerPool> owners,
        Map<Tier, List<CadenceRule>> rules,
        Optional<Condition> winBackWhen,
        Optional<CadenceRule> winBack) {

    /** Copies and checks that rule names are unique. */
    public CadencePolicy {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(frequencyCap, "frequencyCap");
        Map<OwnerKind, OwnerPool> pools = new EnumMap<>(OwnerKind.class);
        pools.putAll(Objects.requireNonNull(owners, "owners"));
        owners = java.util.Collections.unmodifiableMap(pools);
        Map<Tier, List<CadenceRule>> byTier = new LinkedHashMap<>();
        Objects.requireNonNull(rules, "rules").forEach((tier, list) -> byTier.put(tier, List.copyOf(list)));
        rules = java.util.Collections.unmodifiableMap(byTier);
        Objects.requireNonNull(winBackWhen, "winBackWhen");
        Objects.requireNonNull(winBack, "winBack");
        if (winBackWhen.isPresent() != winBack.isPresent()) {
            throw new InvalidValueException("a win-back rule needs both its condition and its rule");
        }
        Set<String> names = new HashSet<>();
        for (List<CadenceRule> list : rules.values()) {
            for (CadenceRule rule : list) {
                if (!names.add(rule.name())) {
                    throw new InvalidValueException("two cadence rules are named " + rule.name());
                }
            }
        }
        winBack.ifPresent(rule -> {
            if (!names.add(rule.name())) {
                throw new InvalidValueException("two cadence rules are named " + rule.name());
            }
        });
    }

    /**
     * The working time of an owner kind: its pool's calendar, else the cadences calendar.
     *
     * @param kind the kind; not null
     * @return the calendar
     */
    public BusinessCalendar calendarOf(OwnerKind kind) {
        return pool(kind).calendar().orElse(calendar);
    }

    /**
     * The pool of an owner kind.
     *
     * @param kind the kind; not null
     * @return its pool, or an unlimited pool without members
     */
    public OwnerPool pool(OwnerKind kind) {
        return owners.getOrDefault(kind, OwnerPool.unlimited(kind));
    }
}

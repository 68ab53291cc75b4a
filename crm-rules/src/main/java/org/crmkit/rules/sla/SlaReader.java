package org.crmkit.rules.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Priority;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.internal.section.Node.ListNode;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Read;
import org.crmkit.rules.internal.section.SectionInput;
import org.crmkit.rules.internal.section.Shape;

/**
 * Reads the {@code sla} section: targets with their conditions and milestones, defaults for
 * the calendar and the warning, with the policy's calendars; the tiers it names are checked
 * by the section's declaration ({@link SlaSection}), as for an SLA built in code.
 */
final class SlaReader {
    private static final List<String> FIELDS = SlaSection.SHAPE.keys();
    private static final List<String> TARGET_FIELDS = SlaSection.TARGET.keys();
    private static final List<String> WHEN_FIELDS = ((Shape.Fields) SlaSection.TARGET.get("when")).keys();
    private static final List<String> MILESTONE_FIELDS = SlaSection.MILESTONE.keys();
    private static final List<String> WARN_FIELDS = SlaSection.WARN.keys();
    private static final List<String> ESCALATE_FIELDS = ((Shape.Fields) SlaSection.MILESTONE.get("escalate")).keys();

    private final Read read;
    private final Optional<Map<String, BusinessCalendar>> calendars;

    /** Warning defaults of the section. */
    private record Warning(Optional<Integer> atPercent, Optional<Duration> before, Optional<Node> beforeNode) {
        static final Warning NONE = new Warning(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private SlaReader(SectionInput input) {
        this.read = input.read();
        this.calendars = input.calendars();
    }

    /**
     * Reads the section; the calendars it names are looked up when those could be read.
     *
     * @param input the document
     * @return the SLA policy, or empty after problems
     */
    static Optional<SlaPolicy> read(SectionInput input) {
        return new SlaReader(input).sla(input.node("sla"));
    }

    private Optional<SlaPolicy> sla(Optional<Node> section) {
        if (section.isEmpty()) {
            return Optional.of(SlaPolicy.none());
        }
        Optional<MapNode> map = read.map(section.get(), FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<Node> defaultCalendar = read.optional(map.get(), "calendar");
        boolean complete = defaultCalendar.map(node -> read.reference(node, calendars, "calendar").isPresent()).orElse(true);
        Optional<Warning> defaultWarning = read.optional(map.get(), "warn").map(this::warning)
                .orElse(Optional.of(Warning.NONE));
        complete &= defaultWarning.isPresent();
        Optional<ListNode> targetNodes = read.required(map.get(), "targets").flatMap(read::list);
        if (targetNodes.isEmpty()) {
            return Optional.empty();
        }
        List<SlaTarget> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node item : targetNodes.get().items()) {
            Optional<SlaTarget> target = target(item, defaultCalendar, defaultWarning.orElse(Warning.NONE), names);
            target.ifPresent(targets::add);
            complete &= target.isPresent();
        }
        return complete ? Optional.of(new SlaPolicy(targets)) : Optional.empty();
    }

    private Optional<SlaTarget> target(Node node, Optional<Node> defaultCalendar, Warning defaultWarning,
            Set<String> names) {
        Optional<MapNode> map = read.map(node, TARGET_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = read.required(map.get(), "name").flatMap(read::text);
        if (name.isPresent() && !names.add(name.get())) {
            read.problems().add(map.get().entries().get("name"), "duplicate SLA target '" + name.get() + "'");
            name = Optional.empty();
        }
        Set<CaseKind> kinds = EnumSet.noneOf(CaseKind.class);
        Set<Tier> forTiers = new LinkedHashSet<>();
        Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        boolean complete = name.isPresent();
        Optional<Node> when = read.optional(map.get(), "when");
        if (when.isPresent()) {
            Optional<MapNode> conditions = read.map(when.get(), WHEN_FIELDS);
            complete &= conditions.isPresent();
            if (conditions.isPresent()) {
                complete &= values(conditions.get(), "kinds", CaseKind::parse, kinds);
                complete &= values(conditions.get(), "priorities", Priority::parse, priorities);
                complete &= values(conditions.get(), "tiers", Tier::of, forTiers);
            }
        }
        Optional<ListNode> milestoneNodes = read.required(map.get(), "milestones").flatMap(read::list);
        List<Milestone> milestones = new ArrayList<>();
        Set<String> milestoneNames = new HashSet<>();
        complete &= milestoneNodes.isPresent();
        for (Node item : milestoneNodes.map(ListNode::items).orElse(List.of())) {
            Optional<Milestone> milestone = milestone(item, defaultCalendar, defaultWarning, milestoneNames);
            milestone.ifPresent(milestones::add);
            complete &= milestone.isPresent();
        }
        if (complete && milestones.isEmpty()) {
            read.problems().add(milestoneNodes.get(), "needs at least one milestone");
            return Optional.empty();
        }
        return complete ? Optional.of(new SlaTarget(name.get(), kinds, forTiers, priorities, milestones))
                : Optional.empty();
    }

    private Optional<Milestone> milestone(Node node, Optional<Node> defaultCalendar, Warning defaultWarning,
            Set<String> names) {
        Optional<MapNode> map = read.map(node, MILESTONE_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode fields = map.get();
        Optional<String> name = read.required(fields, "name").flatMap(read::text);
        if (name.isPresent() && !names.add(name.get())) {
            read.problems().add(fields.entries().get("name"), "duplicate milestone '" + name.get() + "' in this target");
            name = Optional.empty();
        }
        Optional<Duration> within = read.required(fields, "within").flatMap(read::duration);
        boolean businessTime = read.optional(fields, "business_time").flatMap(read::bool).orElse(true);
        Optional<BusinessCalendar> calendar;
        if (!businessTime) {
            calendar = calendars.map(known -> known.get(Policy.ALWAYS_OPEN_CALENDAR));
            Optional<Node> named = read.optional(fields, "calendar");
            if (named.isPresent()) {
                read.problems().add(named.get(), "a milestone with business_time: false counts wall-clock time and"
                        + " takes no calendar");
                calendar = Optional.empty();
            }
        } else {
            Optional<Node> calendarNode = read.optional(fields, "calendar").or(() -> defaultCalendar);
            if (calendarNode.isEmpty()) {
                read.problems().add(node, "a business-time milestone needs a calendar: set calendar here or in"
                        + " sla.calendar, or business_time: false");
                calendar = Optional.empty();
            } else {
                calendar = read.reference(calendarNode.get(), calendars, "calendar");
            }
        }
        Set<CaseEventType> metBy = EnumSet.noneOf(CaseEventType.class);
        boolean complete = name.isPresent() && within.isPresent() && calendar.isPresent();
        Optional<Node> metByNode = read.required(fields, "met_by");
        complete &= metByNode.isPresent() && values(fields, "met_by", CaseEventType::parse, metBy);
        if (metByNode.isPresent() && metBy.isEmpty() && complete) {
            read.problems().add(metByNode.get(), "needs at least one event, e.g. [responded]");
            complete = false;
        }
        Optional<Warning> warning = read.optional(fields, "warn").map(this::warning).orElse(Optional.of(defaultWarning));
        complete &= warning.isPresent();
        if (warning.isPresent() && within.isPresent() && warning.get().before().isPresent()
                && warning.get().before().get().compareTo(within.get()) >= 0) {
            Node before = warning.get().beforeNode().orElseThrow();
            read.problems().add(before, "the warning lead time " + before.describe() + " must be less than the"
                    + " milestone's target of " + fields.entries().get("within").describe()
                    + (before.path().startsWith("sla.warn") ? " (milestone " + name.orElse("?") + ")" : ""));
            complete = false;
        }
        List<String> onWarning = new ArrayList<>();
        List<String> onBreach = new ArrayList<>();
        Optional<Node> escalate = read.optional(fields, "escalate");
        if (escalate.isPresent()) {
            Optional<MapNode> steps = read.map(escalate.get(), ESCALATE_FIELDS);
            complete &= steps.isPresent();
            if (steps.isPresent()) {
                complete &= values(steps.get(), "warning", Function.identity(), onWarning);
                complete &= values(steps.get(), "breach", Function.identity(), onBreach);
            }
        }
        boolean restart = read.optional(fields, "restart_on_reopen").flatMap(read::bool).orElse(false);
        if (!complete) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Milestone(name.get(), within.get(), calendar.get(), metBy, warning.get().atPercent(),
                    warning.get().before(), onWarning, onBreach, restart));
        } catch (InvalidValueException e) {
            read.problems().add(node, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Warning> warning(Node node) {
        Optional<MapNode> map = read.map(node, WARN_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<Node> percentNode = read.optional(map.get(), "at_percent");
        Optional<Integer> percent = percentNode.flatMap(n -> read.integer(n, 1));
        if (percent.isPresent() && percent.get() > 99) {
            read.problems().add(percentNode.get(), "must be at most 99, was " + percent.get());
            return Optional.empty();
        }
        Optional<Node> beforeNode = read.optional(map.get(), "before");
        Optional<Duration> before = beforeNode.flatMap(read::duration);
        if (percentNode.isPresent() && percent.isEmpty() || beforeNode.isPresent() && before.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Warning(percent, before, beforeNode));
    }

    /** Reads an optional list of values into a collection, reporting each bad one. */
    private <T> boolean values(MapNode map, String key, Function<String, T> parse, java.util.Collection<T> into) {
        return read.optional(map, key).map(node -> read.values(node, parse, into)).orElse(true);
    }
}

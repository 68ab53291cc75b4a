package org.crmkit.rules.cadence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.internal.section.ConditionReader;
import org.crmkit.rules.internal.section.Node.ListNode;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Read;
import org.crmkit.rules.internal.section.SectionInput;
import org.crmkit.rules.internal.section.Shape;

/**
 * Reads the {@code cadences} section: rules per tier, owners and capacities, cap and suppression,
 * with the policy's calendars; the tiers it names are checked by the section's declaration
 * ({@link CadenceSection}), as for cadences built in code.
 */
final class CadenceReader {
    private static final List<String> FIELDS = CadenceSection.SHAPE.keys();
    private static final List<String> CAP_FIELDS = ((Shape.Fields) CadenceSection.SHAPE.get("frequency_cap")).keys();
    private static final List<String> OWNER_FIELDS = CadenceSection.POOL.keys();
    private static final List<String> RULE_FIELDS = CadenceSection.RULE.keys();
    private static final List<String> WIN_BACK_FIELDS = ((Shape.Fields) CadenceSection.SHAPE.get("win_back")).keys();

    private final Read read;
    private final Optional<Map<String, BusinessCalendar>> calendars;
    private final ConditionReader conditions;

    private CadenceReader(SectionInput input) {
        this.read = input.read();
        this.calendars = input.calendars();
        this.conditions = input.conditions();
    }

    /**
     * Reads the section, called only when the document has one; the calendars it names are looked
     * up when those could be read.
     *
     * @param input the document
     * @return the policy, or empty after problems
     */
    static Optional<CadencePolicy> read(SectionInput input) {
        return new CadenceReader(input).cadences(input.node("cadences").orElseThrow());
    }

    private Optional<CadencePolicy> cadences(Node section) {
        Optional<MapNode> map = read.map(section, FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode fields = map.get();
        Optional<BusinessCalendar> calendar = read.required(fields, "calendar").flatMap(node -> read.reference(node, calendars, "calendar"));
        boolean complete = calendar.isPresent();
        Optional<FrequencyCap> cap = Optional.empty();
        Optional<Node> capNode = read.optional(fields, "frequency_cap");
        if (capNode.isPresent()) {
            Optional<MapNode> capMap = read.map(capNode.get(), CAP_FIELDS);
            Optional<Integer> touches = capMap.flatMap(m -> read.required(m, "touches")).flatMap(n -> read.integer(n, 1));
            Optional<Integer> days = capMap.flatMap(m -> read.required(m, "days")).flatMap(n -> read.integer(n, 1));
            complete &= touches.isPresent() && days.isPresent();
            if (touches.isPresent() && days.isPresent()) {
                cap = Optional.of(new FrequencyCap(touches.get(), days.get()));
            }
        }
        boolean suppress = read.optional(fields, "suppress_marketing_while_complaint_open").flatMap(read::bool)
                .orElse(true);
        Map<OwnerKind, OwnerPool> owners = new EnumMap<>(OwnerKind.class);
        Optional<Node> ownersNode = read.optional(fields, "owners");
        if (ownersNode.isPresent()) {
            complete &= owners(ownersNode.get(), owners);
        }
        Map<Tier, List<CadenceRule>> rules = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        Optional<Node> tiersNode = read.required(fields, "tiers");
        complete &= tiersNode.isPresent() && rules(tiersNode.get(), rules, names);
        Optional<Condition> winBackWhen = Optional.empty();
        Optional<CadenceRule> winBack = Optional.empty();
        Optional<Node> winBackNode = read.optional(fields, "win_back");
        if (winBackNode.isPresent()) {
            Optional<MapNode> winBackMap = read.map(winBackNode.get(), WIN_BACK_FIELDS);
            winBackWhen = winBackMap.flatMap(m -> read.required(m, "when")).flatMap(conditions::condition);
            winBack = winBackMap.flatMap(m -> rule(m, names));
            complete &= winBackWhen.isPresent() && winBack.isPresent();
        }
        if (!complete) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CadencePolicy(calendar.get(), cap, suppress, owners, rules, winBackWhen, winBack));
        } catch (InvalidValueException e) {
            read.problems().add(section, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean owners(Node node, Map<OwnerKind, OwnerPool> owners) {
        List<String> kinds = Arrays.stream(OwnerKind.values()).map(OwnerKind::key).toList();
        Optional<MapNode> map = read.map(node, kinds);
        if (map.isEmpty()) {
            return false;
        }
        boolean complete = true;
        for (Map.Entry<String, Node> entry : map.get().entries().entrySet()) {
            if (!kinds.contains(entry.getKey())) {
                complete = false; // reported as an unknown field
                continue;
            }
            OwnerKind kind = keyword(OwnerKind.values(), OwnerKind::key, entry.getKey(), "owner");
            Optional<MapNode> pool = read.map(entry.getValue(), OWNER_FIELDS);
            if (pool.isEmpty()) {
                complete = false;
                continue;
            }
            List<StaffId> members = new ArrayList<>();
            Optional<Node> membersNode = read.optional(pool.get(), "members");
            if (membersNode.isPresent()) {
                complete &= read.values(membersNode.get(), StaffId::of, members);
            }
            Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
            Optional<Node> capacityNode = read.optional(pool.get(), "capacity");
            if (capacityNode.isPresent()) {
                List<String> channels = Arrays.stream(Channel.values()).map(Channel::key).toList();
                Optional<MapNode> perChannel = read.map(capacityNode.get(), channels);
                complete &= perChannel.isPresent();
                for (Map.Entry<String, Node> limit : perChannel.map(m -> m.entries().entrySet())
                        .orElse(java.util.Set.of())) {
                    if (!channels.contains(limit.getKey())) {
                        complete = false;
                        continue;
                    }
                    Optional<Integer> value = read.integer(limit.getValue(), 0);
                    value.ifPresent(v -> capacity.put(Channel.parse(limit.getKey()), v));
                    complete &= value.isPresent();
                }
            }
            Optional<BusinessCalendar> ownCalendar = Optional.empty();
            Optional<Node> calendarNode = read.optional(pool.get(), "calendar");
            if (calendarNode.isPresent()) {
                ownCalendar = read.reference(calendarNode.get(), calendars, "calendar");
                complete &= ownCalendar.isPresent();
            }
            owners.put(kind, new OwnerPool(kind, members, capacity, ownCalendar));
        }
        return complete;
    }

    private boolean rules(Node node, Map<Tier, List<CadenceRule>> rules, Set<String> names) {
        if (!(node instanceof MapNode map)) {
            read.problems().add(node, "must be a map from tier to cadence rules, was " + node.describe());
            return false;
        }
        boolean complete = true;
        for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
            Tier tier;
            try {
                tier = Tier.of(entry.getKey());
            } catch (InvalidValueException e) {
                read.problems().add(entry.getValue(), e.getMessage());
                complete = false;
                continue;
            }
            Optional<ListNode> list = read.list(entry.getValue());
            if (list.isEmpty()) {
                complete = false;
                continue;
            }
            List<CadenceRule> tierRules = new ArrayList<>();
            for (Node item : list.get().items()) {
                Optional<CadenceRule> rule = read.map(item, RULE_FIELDS).flatMap(m -> rule(m, names));
                rule.ifPresent(tierRules::add);
                complete &= rule.isPresent();
            }
            rules.put(tier, tierRules);
        }
        return complete;
    }

    private Optional<CadenceRule> rule(MapNode map, Set<String> names) {
        Optional<String> name = read.required(map, "name").flatMap(read::text);
        if (name.isPresent() && !names.add(name.get())) {
            read.problems().add(map.entries().get("name"), "duplicate cadence rule '" + name.get() + "'");
            name = Optional.empty();
        }
        List<Channel> channels = new ArrayList<>();
        Optional<ListNode> channelList = read.required(map, "channels").flatMap(read::list);
        boolean complete = name.isPresent() && channelList.isPresent();
        for (Node item : channelList.map(ListNode::items).orElse(List.of())) {
            Optional<Channel> channel = read.text(item).flatMap(text -> parse(item, () -> Channel.parse(text)));
            channel.filter(c -> !channels.contains(c)).ifPresent(channels::add);
            complete &= channel.isPresent();
        }
        if (channelList.isPresent() && channelList.get().items().isEmpty()) {
            read.problems().add(channelList.get(), "needs at least one channel");
            complete = false;
        }
        Optional<CadenceInterval> every = read.required(map, "every").flatMap(node -> read.text(node)
                .flatMap(text -> parse(node, () -> CadenceInterval.parse(text))));
        Optional<OwnerKind> owner = read.required(map, "owner").flatMap(node -> read.text(node)
                .flatMap(text -> parse(node, () -> keyword(OwnerKind.values(), OwnerKind::key, text, "owner"))));
        Optional<ContactPurpose> purpose = read.required(map, "purpose").flatMap(node -> read.text(node)
                .flatMap(text -> parse(node,
                        () -> keyword(ContactPurpose.values(), ContactPurpose::key, text, "purpose"))));
        complete &= every.isPresent() && owner.isPresent() && purpose.isPresent();
        return complete ? Optional.of(new CadenceRule(name.get(), channels, every.get(), owner.get(), purpose.get()))
                : Optional.empty();
    }

    private <T> Optional<T> parse(Node node, java.util.function.Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (InvalidValueException e) {
            read.problems().add(node, e.getMessage());
            return Optional.empty();
        }
    }

    /** Finds the constant whose policy key the text is, ignoring case; the message lists the keys. */
    private static <E extends Enum<E>> E keyword(E[] constants, Function<E, String> key, String text, String what) {
        for (E constant : constants) {
            if (key.apply(constant).equals(text.toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new InvalidValueException("Unknown " + what + " '" + text + "', expected one of "
                + Arrays.stream(constants).map(key).collect(Collectors.joining(", ")));
    }
}

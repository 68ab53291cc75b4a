package org.crmkit.rules.relationship;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.RelationshipType;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.FirstMatch;
import org.crmkit.rules.internal.section.ConditionReader;
import org.crmkit.rules.internal.section.Node.ListNode;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Read;
import org.crmkit.rules.internal.section.SectionInput;
import org.crmkit.rules.internal.section.Shape;

/**
 * Reads the {@code relationship} section: evidence per level, the first-match list of types (the
 * last entry without {@code when} applies otherwise), and the value-added categories. Its
 * conditions may test the relationship signals as well as the metrics.
 */
final class RelationshipReader {
    private static final List<String> RELATIONSHIP_FIELDS = RelationshipSection.SHAPE.keys();
    private static final List<String> LEVEL_FIELDS = ((Shape.Fields) RelationshipSection.LEVELS.get(RelationshipSection.LEVELS.keys().get(0))).keys();

    private final Read read;
    private final ConditionReader conditions;

    private RelationshipReader(SectionInput input) {
        this.read = input.read();
        this.conditions = input.conditions().withSignals();
    }

    /**
     * Reads the section, called only when the document has one.
     *
     * @param input the document
     * @return the policy, or empty after problems
     */
    static Optional<RelationshipPolicy> read(SectionInput input) {
        return new RelationshipReader(input).relationship(input.node("relationship").orElseThrow());
    }

    private Optional<RelationshipPolicy> relationship(Node section) {
        Optional<MapNode> map = read.map(section, RELATIONSHIP_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Set<String> categories = new LinkedHashSet<>();
        boolean complete = true;
        Optional<Node> categoriesNode = read.optional(map.get(), "value_added_categories");
        if (categoriesNode.isPresent()) {
            Optional<ListNode> list = read.list(categoriesNode.get());
            complete &= list.isPresent();
            for (Node item : list.map(ListNode::items).orElse(List.of())) {
                Optional<String> category = read.text(item);
                category.ifPresent(categories::add);
                complete &= category.isPresent();
            }
        }
        Optional<Map<RelationshipLevel, Condition>> levels = read.required(map.get(), "levels").flatMap(this::levels);
        Optional<FirstMatch<RelationshipType>> types = read.required(map.get(), "types")
                .flatMap(node -> conditions.firstMatch(node, "type", text -> RelationshipType.parse(text)));
        if (!complete || levels.isEmpty() || types.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RelationshipPolicy(levels.get(), types.get(), categories));
    }

    private Optional<Map<RelationshipLevel, Condition>> levels(Node node) {
        List<String> names = Arrays.stream(RelationshipLevel.values()).map(RelationshipLevel::key).toList();
        Optional<MapNode> map = read.map(node, names);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Map<RelationshipLevel, Condition> evidence = new EnumMap<>(RelationshipLevel.class);
        boolean complete = true;
        for (RelationshipLevel level : RelationshipLevel.values()) {
            Optional<Condition> when = read.required(map.get(), level.key())
                    .flatMap(levelNode -> read.map(levelNode, LEVEL_FIELDS))
                    .flatMap(levelMap -> read.required(levelMap, "when"))
                    .flatMap(conditions::condition);
            when.ifPresent(condition -> evidence.put(level, condition));
            complete &= when.isPresent();
        }
        return complete ? Optional.of(evidence) : Optional.empty();
    }
}

package org.crmkit.rules.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.RelationshipType;
import org.crmkit.rules.condition.Choice;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.FirstMatch;
import org.crmkit.rules.internal.Node.ListNode;
import org.crmkit.rules.internal.Node.MapNode;
import org.crmkit.rules.lifecycle.ChurnFactor;
import org.crmkit.rules.lifecycle.ChurnRiskPolicy;
import org.crmkit.rules.lifecycle.LifecyclePolicy;
import org.crmkit.rules.relationship.RelationshipPolicy;

/**
 * Reads the {@code relationship} and {@code lifecycle} sections: evidence per level, first-match
 * lists of types and stages (the last entry without {@code when} applies otherwise), win-back and
 * churn risk. Their conditions may test the relationship signals as well as the metrics.
 */
final class RelationshipReader {
    private static final List<String> RELATIONSHIP_FIELDS = List.of("value_added_categories", "levels", "types");
    private static final List<String> LEVEL_FIELDS = List.of("description", "when");
    private static final List<String> LIFECYCLE_FIELDS = List.of("stages", "win_back", "churn_risk");
    private static final List<String> WIN_BACK_FIELDS = List.of("when");
    private static final List<String> CHURN_FIELDS = List.of("weights", "high_risk", "recency_full_risk_ratio");

    private final Read read;
    private final ConditionReader conditions;

    RelationshipReader(Read read, ConditionReader conditions) {
        this.read = read;
        this.conditions = conditions.withSignals();
    }

    /**
     * Reads the {@code relationship} section.
     *
     * @param section the section, if present
     * @return the policy, empty when absent; empty after problems
     */
    Optional<Optional<RelationshipPolicy>> relationship(Optional<Node> section) {
        if (section.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        Optional<MapNode> map = read.map(section.get(), RELATIONSHIP_FIELDS);
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
                .flatMap(node -> choices(node, "type", text -> RelationshipType.parse(text)));
        if (!complete || levels.isEmpty() || types.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(new RelationshipPolicy(levels.get(), types.get(), categories)));
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

    /**
     * Reads the {@code lifecycle} section.
     *
     * @param section the section, if present
     * @return the policy, empty when absent; empty after problems
     */
    Optional<Optional<LifecyclePolicy>> lifecycle(Optional<Node> section) {
        if (section.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        Optional<MapNode> map = read.map(section.get(), LIFECYCLE_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<FirstMatch<LifecycleStage>> stages = read.required(map.get(), "stages")
                .flatMap(node -> choices(node, "stage", text -> LifecycleStage.parse(text)));
        if (stages.isPresent()) {
            List<String> missing = Arrays.stream(LifecycleStage.values())
                    .filter(stage -> stages.get().choices().stream().noneMatch(choice -> choice.outcome() == stage))
                    .map(LifecycleStage::key).toList();
            if (!missing.isEmpty()) {
                read.problems().add(map.get().entries().get("stages"), "needs a rule for every stage, missing "
                        + String.join(", ", missing));
            }
        }
        Optional<Optional<Condition>> winBack = read.optional(map.get(), "win_back")
                .map(node -> read.map(node, WIN_BACK_FIELDS).flatMap(winMap -> read.required(winMap, "when"))
                        .flatMap(conditions::condition).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<ChurnRiskPolicy> churn = read.required(map.get(), "churn_risk").flatMap(this::churnRisk);
        if (stages.isEmpty() || winBack.isEmpty() || churn.isEmpty() || !read.problems().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(new LifecyclePolicy(stages.get(), winBack.get(), churn.get())));
    }

    private Optional<ChurnRiskPolicy> churnRisk(Node node) {
        Optional<MapNode> map = read.map(node, CHURN_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        List<String> factorKeys = Arrays.stream(ChurnFactor.values()).map(ChurnFactor::key).toList();
        Optional<MapNode> weightsNode = read.required(map.get(), "weights").flatMap(w -> read.map(w, factorKeys));
        Map<ChurnFactor, BigDecimal> weights = new EnumMap<>(ChurnFactor.class);
        boolean complete = weightsNode.isPresent();
        for (Map.Entry<String, Node> entry : weightsNode.map(MapNode::entries).orElse(Map.of()).entrySet()) {
            Optional<ChurnFactor> factor = ChurnFactor.byKey(entry.getKey());
            Optional<BigDecimal> weight = read.nonNegativeDecimal(entry.getValue());
            if (factor.isPresent() && weight.isPresent()) {
                weights.put(factor.get(), weight.get());
            }
            complete &= factor.isPresent() && weight.isPresent();
        }
        if (complete && weights.values().stream().allMatch(weight -> weight.signum() == 0)) {
            read.problems().add(weightsNode.get(), "needs at least one weight above zero, factors: "
                    + ChurnFactor.knownKeys());
            complete = false;
        }
        Optional<BigDecimal> high = read.required(map.get(), "high_risk").flatMap(read::decimal)
                .filter(value -> inRange(map.get().entries().get("high_risk"), value));
        Optional<BigDecimal> ratio = read.optional(map.get(), "recency_full_risk_ratio")
                .map(n -> read.decimal(n).filter(value -> {
                    if (value.compareTo(BigDecimal.ONE) <= 0) {
                        read.problems().add(n, "must be more than 1, was " + value.toPlainString());
                        return false;
                    }
                    return true;
                }))
                .orElse(Optional.of(BigDecimal.valueOf(3)));
        if (!complete || high.isEmpty() || ratio.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChurnRiskPolicy(weights, high.get(), ratio.get()));
    }

    private boolean inRange(Node node, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            read.problems().add(node, "must be between 0 and 1, was " + value.toPlainString());
            return false;
        }
        return true;
    }

    /** Reads a first-match list: items {@code {<what>: name, when: condition}}, the last without when. */
    private <T> Optional<FirstMatch<T>> choices(Node node, String what, Function<String, T> parse) {
        Optional<ListNode> list = read.list(node);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.get().items().isEmpty()) {
            read.problems().add(node, "needs at least one " + what);
            return Optional.empty();
        }
        List<Choice<T>> choices = new ArrayList<>();
        Set<T> seen = new LinkedHashSet<>();
        boolean complete = true;
        List<Node> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            Optional<MapNode> item = read.map(items.get(i), List.of(what, "description", "when"));
            if (item.isEmpty()) {
                complete = false;
                continue;
            }
            Optional<Node> nameNode = read.required(item.get(), what);
            Optional<T> outcome = nameNode.flatMap(read::text).flatMap(text -> {
                try {
                    return Optional.of(parse.apply(text));
                } catch (InvalidValueException e) {
                    read.problems().add(nameNode.get(), e.getMessage());
                    return Optional.empty();
                }
            });
            if (outcome.isPresent() && !seen.add(outcome.get())) {
                read.problems().add(nameNode.get(), what + " '" + nameNode.flatMap(read::text).orElse("")
                        + "' is listed twice");
                outcome = Optional.empty();
            }
            Optional<Node> whenNode = read.optional(item.get(), "when");
            if (last && whenNode.isPresent()) {
                read.problems().add(whenNode.get(), "the last " + what + " applies otherwise and takes no when");
                complete = false;
                continue;
            }
            if (!last && whenNode.isEmpty()) {
                read.problems().add(item.get().line(), Node.child(item.get().path(), "when"),
                        "is required: only the last " + what + " applies otherwise");
                complete = false;
                continue;
            }
            Optional<Condition> when = whenNode.flatMap(conditions::condition);
            complete &= outcome.isPresent() && (last || when.isPresent());
            if (outcome.isPresent()) {
                choices.add(new Choice<>(outcome.get(), when));
            }
        }
        return complete ? Optional.of(new FirstMatch<>(choices)) : Optional.empty();
    }
}

package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.FirstMatch;
import org.crmkit.rules.internal.section.ConditionReader;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Read;
import org.crmkit.rules.internal.section.SectionInput;
import org.crmkit.rules.internal.section.Shape;

/**
 * Reads the {@code lifecycle} section: the first-match list of stages (the last entry without
 * {@code when} applies otherwise, every stage once), win-back and churn risk. Its conditions may
 * test the relationship signals as well as the metrics.
 */
final class LifecycleReader {
    private static final List<String> LIFECYCLE_FIELDS = LifecycleSection.SHAPE.keys();
    private static final List<String> WIN_BACK_FIELDS = ((Shape.Fields) LifecycleSection.SHAPE.get("win_back")).keys();
    private static final List<String> CHURN_FIELDS = ((Shape.Fields) LifecycleSection.SHAPE.get("churn_risk")).keys();

    private final Read read;
    private final ConditionReader conditions;

    private LifecycleReader(SectionInput input) {
        this.read = input.read();
        this.conditions = input.conditions().withSignals();
    }

    /**
     * Reads the section, called only when the document has one.
     *
     * @param input the document
     * @return the policy, or empty after problems
     */
    static Optional<LifecyclePolicy> read(SectionInput input) {
        return new LifecycleReader(input).lifecycle(input.node("lifecycle").orElseThrow());
    }

    private Optional<LifecyclePolicy> lifecycle(Node section) {
        Optional<MapNode> map = read.map(section, LIFECYCLE_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<FirstMatch<LifecycleStage>> stages = read.required(map.get(), "stages")
                .flatMap(node -> conditions.firstMatch(node, "stage", text -> LifecycleStage.parse(text)));
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
        return Optional.of(new LifecyclePolicy(stages.get(), winBack.get(), churn.get()));
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
}

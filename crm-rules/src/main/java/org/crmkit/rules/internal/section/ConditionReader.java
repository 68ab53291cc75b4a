package org.crmkit.rules.internal.section;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.Measure;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.metrics.Signal;
import org.crmkit.rules.condition.AllOf;
import org.crmkit.rules.condition.AnyOf;
import org.crmkit.rules.condition.Choice;
import org.crmkit.rules.condition.Comparison;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.FirstMatch;
import org.crmkit.rules.condition.Operator;
import org.crmkit.rules.internal.section.Node.ListNode;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node.Scalar;

/**
 * Reads the condition language of policy files:
 * <pre>
 * when:
 *   all:                              # or any:
 *     - spend: {gte: 100000}          # a metric with one or more comparisons (all must hold)
 *     - active_quarters: {gte: 3}
 *     - strategic_agreement: true     # flags take true/false
 * </pre>
 * Every node is a map with exactly one key: {@code all}, {@code any} or a metric.
 */
public final class ConditionReader {
    private static final String ALL = "all";
    private static final String ANY = "any";
    private static final String CURRENCY = "currency";

    private final Read read;
    private final Optional<Currency> policyCurrency;
    private final boolean signals;

    /**
     * Creates a reader.
     *
     * @param read reads typed values and collects problems
     * @param policyCurrency the policy's currency, if it could be read; spend comparisons may
     *     restate it and must then match it
     */
    public ConditionReader(Read read, Optional<Currency> policyCurrency) {
        this(read, policyCurrency, false);
    }

    private ConditionReader(Read read, Optional<Currency> policyCurrency, boolean signals) {
        this.read = read;
        this.policyCurrency = policyCurrency;
        this.signals = signals;
    }

    /**
     * A reader that also accepts the relationship {@link Signal signals}, for the lifecycle and
     * relationship sections; tier conditions stay on metrics.
     *
     * @return the reader
     */
    public ConditionReader withSignals() {
        return new ConditionReader(read, policyCurrency, true);
    }

    /**
     * Reads a condition.
     *
     * @param node the node
     * @return the condition, or empty after reporting problems
     */
    public Optional<Condition> condition(Node node) {
        if (!(node instanceof MapNode map)) {
            read.problems().add(node, "must be a condition such as {spend: {gte: 100000}}, was " + node.describe());
            return Optional.empty();
        }
        if (map.entries().size() != 1) {
            read.problems().add(node, map.entries().isEmpty()
                    ? "must hold one condition (all, any or a metric), was empty"
                    : "must hold exactly one condition, found " + String.join(", ", map.entries().keySet())
                            + "; combine several with all or any");
            return Optional.empty();
        }
        Map.Entry<String, Node> entry = map.entries().entrySet().iterator().next();
        String key = entry.getKey();
        Node value = entry.getValue();
        if (key.equals(ALL) || key.equals(ANY)) {
            return combination(key, value);
        }
        Optional<Measure> measure = Metric.byKey(key).map(Measure.class::cast)
                .or(() -> signals ? Signal.byKey(key) : Optional.empty());
        if (measure.isEmpty()) {
            read.problems().add(value, "unknown metric '" + key + "', expected all, any or one of "
                    + Metric.knownKeys() + (signals ? ", " + Signal.knownKeys() : ""));
            return Optional.empty();
        }
        return comparisons(measure.get(), value);
    }

    /**
     * Reads a first-match list: items {@code {<what>: name, when: condition}}, the last without
     * {@code when} (it applies otherwise).
     *
     * @param node the list
     * @param what the key naming each item's outcome, e.g. "stage"
     * @param parse parses an outcome, throwing {@link InvalidValueException} with the message to report
     * @param <T> the outcome's type
     * @return the list, or empty after problems
     */
    public <T> Optional<FirstMatch<T>> firstMatch(Node node, String what, Function<String, T> parse) {
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
            Optional<Condition> when = whenNode.flatMap(this::condition);
            complete &= outcome.isPresent() && (last || when.isPresent());
            if (outcome.isPresent()) {
                choices.add(new Choice<>(outcome.get(), when));
            }
        }
        return complete ? Optional.of(new FirstMatch<>(choices)) : Optional.empty();
    }

    private Optional<Condition> combination(String key, Node value) {
        Optional<ListNode> list = read.list(value);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.get().items().isEmpty()) {
            read.problems().add(value, key + " needs at least one condition");
            return Optional.empty();
        }
        List<Condition> parts = new ArrayList<>();
        boolean complete = true;
        for (Node item : list.get().items()) {
            Optional<Condition> part = condition(item);
            part.ifPresent(parts::add);
            complete &= part.isPresent();
        }
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(key.equals(ALL) ? new AllOf(parts) : new AnyOf(parts));
    }

    private Optional<Condition> comparisons(Measure metric, Node value) {
        if (metric.kind() == Measure.Kind.FLAG && value instanceof Scalar) {
            return read.bool(value).map(flag -> Comparison.flag(metric, flag));
        }
        List<String> allowed = allowedKeys(metric);
        if (!(value instanceof MapNode)) {
            read.problems().add(value, "must be comparisons such as {" + (metric.kind() == Measure.Kind.FLAG
                    ? "eq: true" : "gte: 1") + "}, was " + value.describe());
            return Optional.empty();
        }
        Optional<MapNode> map = read.map(value, allowed);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        List<Condition> parts = new ArrayList<>();
        boolean complete = true;
        for (Map.Entry<String, Node> entry : map.get().entries().entrySet()) {
            String key = entry.getKey();
            if (key.equals(CURRENCY)) {
                checkCurrency(entry.getValue());
                continue;
            }
            Optional<Operator> operator = Operator.byKey(key);
            if (operator.isEmpty()) {
                complete = false; // already reported as an unknown field
                continue;
            }
            Optional<BigDecimal> threshold = threshold(metric, operator.get(), entry.getValue());
            threshold.ifPresent(number -> parts.add(new Comparison(metric, operator.get(), number)));
            complete &= threshold.isPresent();
        }
        if (!complete) {
            return Optional.empty();
        }
        if (parts.isEmpty()) {
            read.problems().add(value, "needs at least one comparison, one of " + String.join(", ",
                    allowed.stream().filter(key -> !key.equals(CURRENCY)).toList()));
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1 ? parts.get(0) : new AllOf(parts));
    }

    private Optional<BigDecimal> threshold(Measure metric, Operator operator, Node node) {
        if (metric.kind() == Measure.Kind.FLAG) {
            return read.bool(node).map(flag -> flag ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        Optional<BigDecimal> number = read.decimal(node);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        if (number.get().signum() < 0 && metric.kind() != Measure.Kind.RATIO) {
            read.problems().add(node, "must not be negative, was " + number.get().toPlainString());
            return Optional.empty();
        }
        if (metric.kind() == Measure.Kind.COUNT && number.get().stripTrailingZeros().scale() > 0) {
            read.problems().add(node, "must be a whole number for " + metric.key() + ", was "
                    + number.get().toPlainString());
            return Optional.empty();
        }
        if (metric.kind() == Measure.Kind.RATIO && metric.maximum().isPresent() && (number.get().signum() < 0
                || number.get().compareTo(BigDecimal.valueOf(metric.maximum().getAsInt())) > 0)) {
            read.problems().add(node, "must be between 0 and " + metric.maximum().getAsInt() + " for "
                    + metric.key() + ", was " + number.get().toPlainString());
            return Optional.empty();
        }
        return number;
    }

    private void checkCurrency(Node node) {
        read.text(node).ifPresent(code -> policyCurrency.ifPresent(expected -> {
            if (!expected.getCurrencyCode().equals(code)) {
                read.problems().add(node, "currency '" + code + "' does not match the policy's currency "
                        + expected.getCurrencyCode());
            }
        }));
    }

    private static List<String> allowedKeys(Measure metric) {
        if (metric.kind() == Measure.Kind.FLAG) {
            return List.of(Operator.EQ.key());
        }
        Stream<String> operators = Arrays.stream(Operator.values()).map(Operator::key);
        return metric.kind() == Measure.Kind.MONEY
                ? Stream.concat(operators, Stream.of(CURRENCY)).collect(Collectors.toList())
                : operators.collect(Collectors.toList());
    }
}

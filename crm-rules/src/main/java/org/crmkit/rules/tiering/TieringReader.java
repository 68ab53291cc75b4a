package org.crmkit.rules.tiering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.internal.section.ConditionReader;
import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Node.ListNode;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node.Scalar;
import org.crmkit.rules.internal.section.Read;
import org.crmkit.rules.internal.section.SectionInput;
import org.crmkit.rules.internal.section.Shape;

/**
 * Reads the {@code tiers} list and the {@code tiering} options: the rules with their conditions,
 * the hit policy, demotion grace and expected shares, whose tiers must be among the rules'.
 */
final class TieringReader {
    private static final List<String> TIERING_FIELDS = TieringSection.OPTIONS.keys();
    private static final List<String> GRACE_FIELDS = ((Shape.Fields) TieringSection.OPTIONS.get("demotion_grace")).keys();
    private static final List<String> TIER_FIELDS = TieringSection.TIER.keys();

    private final Read read;
    private final ConditionReader conditions;

    private TieringReader(SectionInput input) {
        this.read = input.read();
        this.conditions = input.conditions();
    }

    /**
     * Reads the section; {@code tiers} is required.
     *
     * @param input the document
     * @return the tiering policy, or empty after problems
     */
    static Optional<TieringPolicy> read(SectionInput input) {
        TieringReader reader = new TieringReader(input);
        Optional<Node> tiers = input.read().required(input.root(), "tiers");
        return reader.tiering(tiers, input.node("tiering"));
    }

    private Optional<TieringPolicy> tiering(Optional<Node> tiersNode, Optional<Node> optionsNode) {
        Optional<List<TierRule>> rules = tiersNode.flatMap(this::rules);
        Set<Tier> known = rules.map(list -> {
            Set<Tier> tiers = new LinkedHashSet<>();
            list.forEach(rule -> tiers.add(rule.tier()));
            return tiers;
        }).orElse(Set.of());
        HitPolicy hitPolicy = HitPolicy.FIRST_MATCH;
        Optional<DemotionGrace> grace = Optional.empty();
        Map<Tier, BigDecimal> shares = Map.of();
        boolean complete = rules.isPresent();
        if (optionsNode.isPresent()) {
            Optional<MapNode> options = read.map(optionsNode.get(), TIERING_FIELDS);
            if (options.isEmpty()) {
                return Optional.empty();
            }
            Optional<Node> hit = read.optional(options.get(), "hit_policy");
            if (hit.isPresent()) {
                complete &= read.text(hit.get()).filter(text -> {
                    if (!text.equals(HitPolicy.FIRST_MATCH.key())) {
                        read.problems().add(hit.get(), "unknown hit policy '" + text + "', expected first_match");
                        return false;
                    }
                    return true;
                }).isPresent();
            }
            Optional<Node> graceNode = read.optional(options.get(), "demotion_grace");
            if (graceNode.isPresent()) {
                grace = grace(graceNode.get(), known, rules.isPresent());
                complete &= grace.isPresent();
            }
            Optional<Node> sharesNode = read.optional(options.get(), "expected_shares");
            if (sharesNode.isPresent()) {
                Optional<Map<Tier, BigDecimal>> expected = shares(sharesNode.get(), known, rules.isPresent());
                complete &= expected.isPresent();
                shares = expected.orElse(Map.of());
            }
        }
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(new TieringPolicy(rules.orElseThrow(), hitPolicy, grace, shares));
    }

    private Optional<List<TierRule>> rules(Node tiersNode) {
        Optional<ListNode> list = read.list(tiersNode);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.get().items().isEmpty()) {
            read.problems().add(tiersNode, "needs at least one tier");
            return Optional.empty();
        }
        List<TierRule> rules = new ArrayList<>();
        Map<Tier, String> definedAt = new HashMap<>();
        boolean complete = true;
        for (Node item : list.get().items()) {
            Optional<MapNode> map = read.map(item, TIER_FIELDS);
            if (map.isEmpty()) {
                complete = false;
                continue;
            }
            Optional<Tier> tier = read.required(map.get(), "name").flatMap(this::tierName);
            if (tier.isPresent() && definedAt.containsKey(tier.get())) {
                read.problems().add(map.get().entries().get("name"), "duplicate tier '" + tier.get() + "', already defined at "
                        + definedAt.get(tier.get()));
                tier = Optional.empty();
            }
            tier.ifPresent(name -> definedAt.put(name, item.path()));
            Optional<String> description = read.optional(map.get(), "description").flatMap(read::text);
            Optional<Condition> when = read.required(map.get(), "when").flatMap(conditions::condition);
            if (tier.isPresent() && when.isPresent()) {
                rules.add(new TierRule(tier.get(), when.get(), description));
            } else {
                complete = false;
            }
        }
        return complete ? Optional.of(rules) : Optional.empty();
    }

    private Optional<Tier> tierName(Node node) {
        return read.text(node).flatMap(text -> {
            try {
                return Optional.of(Tier.of(text));
            } catch (InvalidValueException e) {
                read.problems().add(node, "tier name must start with a letter and contain only letters, digits, '_' or '-'"
                        + " (at most 32), was '" + text + "'");
                return Optional.empty();
            }
        });
    }

    private Optional<Tier> knownTier(Node node, Set<Tier> known, boolean checkable) {
        Optional<Tier> tier = tierName(node);
        if (tier.isPresent() && checkable && !known.contains(tier.get())) {
            read.problems().add(node, Read.unknown("tier", tier.get(), known));
            return Optional.empty();
        }
        return tier;
    }

    private Optional<DemotionGrace> grace(Node node, Set<Tier> known, boolean checkable) {
        Optional<MapNode> map = read.map(node, GRACE_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> evaluations = read.required(map.get(), "evaluations").flatMap(n -> read.integer(n, 1));
        Set<Tier> appliesTo = new LinkedHashSet<>();
        boolean complete = evaluations.isPresent();
        Optional<Node> appliesNode = read.optional(map.get(), "applies_to");
        if (appliesNode.isPresent()) {
            Optional<ListNode> list = read.list(appliesNode.get());
            complete &= list.isPresent();
            for (Node item : list.map(ListNode::items).orElse(List.of())) {
                Optional<Tier> tier = knownTier(item, known, checkable);
                tier.ifPresent(appliesTo::add);
                complete &= tier.isPresent();
            }
        }
        return complete ? Optional.of(new DemotionGrace(evaluations.orElseThrow(), appliesTo)) : Optional.empty();
    }

    private Optional<Map<Tier, BigDecimal>> shares(Node node, Set<Tier> known, boolean checkable) {
        if (!(node instanceof MapNode map)) {
            read.problems().add(node, "must be a map from tier to share, was " + node.describe());
            return Optional.empty();
        }
        Map<Tier, BigDecimal> shares = new LinkedHashMap<>();
        boolean complete = true;
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
            Node value = entry.getValue();
            Optional<Tier> tier = knownTier(new Scalar(value.path(), value.line(), Scalar.Kind.STRING, entry.getKey()),
                    known, checkable);
            Optional<BigDecimal> share = read.decimal(value);
            if (share.isPresent() && (share.get().signum() < 0 || share.get().compareTo(BigDecimal.ONE) > 0)) {
                read.problems().add(value, "must be a share between 0 and 1, was " + share.get().toPlainString());
                share = Optional.empty();
            }
            if (tier.isPresent() && share.isPresent()) {
                shares.put(tier.get(), share.get());
                sum = sum.add(share.get());
            } else {
                complete = false;
            }
        }
        if (complete && sum.compareTo(BigDecimal.ONE) > 0) {
            read.problems().add(node, "shares add up to " + sum.toPlainString() + ", more than 1");
            return Optional.empty();
        }
        return complete ? Optional.of(shares) : Optional.empty();
    }
}

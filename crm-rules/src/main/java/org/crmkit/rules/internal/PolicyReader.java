package org.crmkit.rules.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicySource;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.internal.Node.ListNode;
import org.crmkit.rules.internal.Node.MapNode;
import org.crmkit.rules.internal.Node.Scalar;
import org.crmkit.rules.policy.EvaluationWindow;
import org.crmkit.rules.policy.PolicyHeader;
import org.crmkit.rules.tiering.DemotionGrace;
import org.crmkit.rules.tiering.HitPolicy;
import org.crmkit.rules.tiering.TierRule;
import org.crmkit.rules.tiering.TieringPolicy;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.LifecyclePolicy;
import org.crmkit.rules.relationship.RelationshipPolicy;
import org.crmkit.rules.segment.SegmentationPolicy;
import org.crmkit.rules.sla.SlaPolicy;

/**
 * Turns a parsed policy document into a {@link Policy}, checking everything first: the policy
 * is built only when no problem was found, so nothing of an invalid document is ever used.
 */
public final class PolicyReader {
    private static final List<String> ROOT_FIELDS = List.of("id", "version", "effective_from", "currency",
            "time_zone", "window", "calendars", "tiering", "tiers", "sla", "cadences", "relationship", "lifecycle",
            "segmentation", "clv");
    private static final List<String> WINDOW_FIELDS = List.of("trailing_months", "trailing_days");
    private static final List<String> TIERING_FIELDS = List.of("hit_policy", "demotion_grace", "expected_shares");
    private static final List<String> GRACE_FIELDS = List.of("evaluations", "applies_to");
    private static final List<String> TIER_FIELDS = List.of("name", "description", "when");

    private final Problems problems;
    private final Read read;
    private final Optional<Path> baseDirectory;

    private PolicyReader(Problems problems, Optional<Path> baseDirectory) {
        this.problems = problems;
        this.read = new Read(problems);
        this.baseDirectory = baseDirectory;
    }

    /**
     * Reads and validates a policy document.
     *
     * @param text the document
     * @param syntax YAML or JSON
     * @param source the document's name for messages
     * @param baseDirectory the folder that files named in the document are relative to, if any
     * @return the policy
     * @throws org.crmkit.rules.policy.PolicyValidationException listing every problem found
     */
    public static Policy read(String text, DocumentParser.Syntax syntax, String source, Optional<Path> baseDirectory) {
        Problems problems = new Problems(source);
        Optional<Node> root = DocumentParser.parse(text, syntax, problems);
        problems.throwIfAny();
        Optional<Policy> policy = new PolicyReader(problems, baseDirectory).policy(root.orElseThrow(), source);
        problems.throwIfAny();
        return policy.orElseThrow();
    }

    private Optional<Policy> policy(Node rootNode, String source) {
        Optional<MapNode> root = read.map(rootNode, ROOT_FIELDS);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        MapNode map = root.get();
        Optional<String> id = read.required(map, "id").flatMap(this::refPart);
        Optional<String> version = read.required(map, "version").flatMap(this::refPart);
        Optional<LocalDate> effectiveFrom = read.required(map, "effective_from").flatMap(read::date);
        Optional<Currency> currency = read.required(map, "currency").flatMap(this::currency);
        Optional<ZoneId> zone = read.required(map, "time_zone").flatMap(read::zone);
        Optional<EvaluationWindow> window = read.optional(map, "window").map(this::window)
                .orElse(Optional.of(EvaluationWindow.trailingYear()));

        Optional<TieringPolicy> tiering = read.required(map, "tiers")
                .flatMap(tiers -> tiering(tiers, read.optional(map, "tiering"), currency));
        Optional<Map<String, BusinessCalendar>> calendars = new CalendarReader(read, baseDirectory)
                .calendars(read.optional(map, "calendars"), zone, effectiveFrom);
        Optional<SlaPolicy> sla = Optional.empty();
        Optional<Optional<CadencePolicy>> cadences = Optional.empty();
        if (tiering.isPresent() && calendars.isPresent() && zone.isPresent()) {
            Map<String, BusinessCalendar> known = new LinkedHashMap<>(calendars.get());
            known.putIfAbsent(Policy.ALWAYS_OPEN_CALENDAR, BusinessCalendar.alwaysOpen(Policy.ALWAYS_OPEN_CALENDAR,
                    zone.get()));
            Set<Tier> tiers = new LinkedHashSet<>(tiering.get().ladder().tiers());
            sla = new SlaReader(read, tiers, known).sla(read.optional(map, "sla"));
            cadences = new CadenceReader(read, tiers, known, new ConditionReader(read, currency))
                    .cadences(read.optional(map, "cadences"));
        }
        RelationshipReader relationshipReader = new RelationshipReader(read, new ConditionReader(read, currency));
        Optional<Optional<RelationshipPolicy>> relationship = relationshipReader
                .relationship(read.optional(map, "relationship"));
        Optional<Optional<LifecyclePolicy>> lifecycle = relationshipReader.lifecycle(read.optional(map, "lifecycle"));
        Optional<SegmentationPolicy> segmentation = new SegmentationReader(read)
                .segmentation(read.optional(map, "segmentation"));
        Optional<ClvPolicy> clv = new ClvReader(read).clv(read.optional(map, "clv"));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        PolicyHeader header = new PolicyHeader(PolicyRef.of(id.orElseThrow(), version.orElseThrow()),
                effectiveFrom.orElseThrow(), currency.orElseThrow(), zone.orElseThrow(), window.orElseThrow());
        return Optional.of(new Policy(header, tiering.orElseThrow(), calendars.orElseThrow(), sla.orElseThrow(),
                cadences.orElseThrow(), relationship.orElseThrow(), lifecycle.orElseThrow(),
                segmentation.orElseThrow(), clv.orElseThrow(), new PolicySource(source, lines(rootNode))));
    }

    /** Reads the policy id or version: the rules of {@link PolicyRef}. */
    private Optional<String> refPart(Node node) {
        return read.text(node).flatMap(text -> {
            try {
                PolicyRef.of(text, text);
                return Optional.of(text);
            } catch (InvalidValueException e) {
                problems.add(node, "must be a name of at most 128 characters without surrounding spaces, was '"
                        + text + "'");
                return Optional.empty();
            }
        });
    }

    private Optional<Currency> currency(Node node) {
        return read.text(node).flatMap(code -> {
            try {
                return Optional.of(Money.currency(code));
            } catch (InvalidValueException e) {
                problems.add(node, "unknown ISO-4217 currency '" + code + "'");
                return Optional.empty();
            }
        });
    }

    private Optional<EvaluationWindow> window(Node node) {
        Optional<MapNode> map = read.map(node, WINDOW_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        List<String> given = map.get().entries().keySet().stream().filter(WINDOW_FIELDS::contains).toList();
        if (given.size() != 1) {
            problems.add(node, "give exactly one of trailing_months, trailing_days"
                    + (given.isEmpty() ? "" : ", found " + String.join(", ", given)));
            return Optional.empty();
        }
        String key = given.get(0);
        EvaluationWindow.Unit unit = key.equals("trailing_months") ? EvaluationWindow.Unit.MONTHS
                : EvaluationWindow.Unit.DAYS;
        return read.integer(map.get().entries().get(key), 1).map(length -> new EvaluationWindow(length, unit));
    }

    private Optional<TieringPolicy> tiering(Node tiersNode, Optional<Node> optionsNode, Optional<Currency> currency) {
        Optional<List<TierRule>> rules = rules(tiersNode, currency);
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
                        problems.add(hit.get(), "unknown hit policy '" + text + "', expected first_match");
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

    private Optional<List<TierRule>> rules(Node tiersNode, Optional<Currency> currency) {
        Optional<ListNode> list = read.list(tiersNode);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.get().items().isEmpty()) {
            problems.add(tiersNode, "needs at least one tier");
            return Optional.empty();
        }
        ConditionReader conditions = new ConditionReader(read, currency);
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
                problems.add(map.get().entries().get("name"), "duplicate tier '" + tier.get() + "', already defined at "
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
                problems.add(node, "tier name must start with a letter and contain only letters, digits, '_' or '-'"
                        + " (at most 32), was '" + text + "'");
                return Optional.empty();
            }
        });
    }

    private Optional<Tier> knownTier(Node node, Set<Tier> known, boolean checkable) {
        Optional<Tier> tier = tierName(node);
        if (tier.isPresent() && checkable && !known.contains(tier.get())) {
            problems.add(node, Read.unknown("tier", tier.get(), known));
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
            problems.add(node, "must be a map from tier to share, was " + node.describe());
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
                problems.add(value, "must be a share between 0 and 1, was " + share.get().toPlainString());
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
            problems.add(node, "shares add up to " + sum.toPlainString() + ", more than 1");
            return Optional.empty();
        }
        return complete ? Optional.of(shares) : Optional.empty();
    }

    private static Map<String, Integer> lines(Node root) {
        Map<String, Integer> lines = new HashMap<>();
        collectLines(root, lines);
        return lines;
    }

    private static void collectLines(Node node, Map<String, Integer> lines) {
        lines.put(node.path(), node.line());
        if (node instanceof MapNode map) {
            map.entries().values().forEach(child -> collectLines(child, lines));
        } else if (node instanceof ListNode list) {
            list.items().forEach(child -> collectLines(child, lines));
        }
    }
}

package org.crmkit.rules.tiering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.Measure;
import org.crmkit.core.metrics.Metric;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.condition.AllOf;
import org.crmkit.rules.condition.AnyOf;
import org.crmkit.rules.condition.Comparison;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.Operator;

/**
 * A policy's tier rules compiled once, when the engine is created, into flat arrays, so that
 * deciding a tier allocates nothing and explanations can be rendered later from the snapshot.
 *
 * <p>Each rule's {@code when} becomes nodes in pre-order: a comparison node points at one
 * comparison; an {@code all} or {@code any} node at a run of child nodes. A comparison holds the
 * metric to read, the operator as a mask of the orders it accepts, and the threshold
 * pre-converted: counts and flags as a {@code long}, money as a {@code BigDecimal} at the
 * currency's scale when that is exact (so that {@link BigDecimal#compareTo} compares two longs),
 * never as a double. As in {@link Condition#evaluate}, every comparison of a rule tried is
 * evaluated, without short-circuits. Unknown inquiries ({@link CustomerMetrics#inquiriesKnown()}
 * false) make a comparison not hold and read {@code "unknown"}, as {@code ConditionResult.Unknown}.
 * Measures the snapshot does not answer (signals) are asked of {@link CustomerMetrics#value}, which
 * throws as the tree-walking evaluation does.
 *
 * <p>The explanations rendered here are those of {@link TierRule#evaluate} and
 * {@link RuleResult#explain()}, character for character; {@code CompiledTierRulesTest} checks it.
 * Immutable and thread-safe.
 */
final class CompiledTierRules {
    private static final byte COMPARE = 0;
    private static final byte ALL = 1;
    private static final byte ANY = 2;

    /** A rule whose condition is one comparison. */
    private static final byte SINGLE = 0;
    /** A rule whose condition is all of comparisons only, which are then consecutive. */
    private static final byte FLAT_ALL = 1;
    /** A rule whose condition is any of comparisons only. */
    private static final byte FLAT_ANY = 2;
    /** A rule with nested all/any, evaluated node by node. */
    private static final byte TREE = 3;

    private static final byte SPEND = 0;
    private static final byte ORDERS = 1;
    private static final byte ACTIVE_QUARTERS = 2;
    private static final byte INQUIRIES = 3;
    private static final byte TENURE_MONTHS = 4;
    private static final byte STRATEGIC_AGREEMENT = 5;
    /** Any other measure: read through {@link CustomerMetrics#value} and compared as a decimal. */
    private static final byte OTHER = 6;
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L};
    /** The text of counts from 0 to 1,023, which cover nearly every order, quarter and month count. */
    private static final String[] SMALL_COUNTS = new String[1024];

    static {
        for (int i = 0; i < SMALL_COUNTS.length; i++) {
            SMALL_COUNTS[i] = Integer.toString(i);
        }
    }

    /** The value text of a measure the snapshot does not know, as {@code ConditionResult.Unknown} renders it. */
    private static final String UNKNOWN = "unknown";

    private static final int SOURCE_BITS = 4;
    private static final int SOURCE_MASK = (1 << SOURCE_BITS) - 1;

    private final List<TierRule> rules;
    /** The index of the first rule that compares the inquiries, or the rule count when none does. */
    private final int firstInquiriesRule;
    private final List<Optional<Tier>> tiers;
    private final String[] matchedPrefix;
    private final String[] notMatchedPrefix;
    private final int[] roots;
    private final byte[] shape;
    /** For single and flat rules: the first comparison and how many follow it. */
    private final int[] firstComparison;
    private final int[] comparisonCount;

    private final byte[] nodeKind;
    /** For a comparison node its comparison; for all/any the first of its children in {@link #children}. */
    private final int[] nodeStart;
    private final int[] nodeCount;
    private final int[] children;

    /**
     * Per comparison, the value to read in the low {@link #SOURCE_BITS} bits, and above them the
     * operator: bit {@code order + 1} set when it accepts that order (-1, 0, 1) of value to threshold.
     * One array read per comparison.
     */
    private final int[] code;
    private final long[] wholeThreshold;
    private final BigDecimal[] decimalThreshold;
    private final Measure[] measure;
    private final String[] keyText;
    /** The comparison's text after the value, e.g. {@code " >= 100000 met"}, and with {@code " not met"}. */
    private final String[] metText;
    private final String[] notMetText;
    /**
     * For the comparisons of single and flat rules, all the text before the value: the separator
     * from the previous comparison, if any, and the key, e.g. {@code "; active_quarters "}.
     */
    private final String[] leadText;
    /** For single and flat rules, the line's start, with {@code "any of: "} for a flat any. */
    private final String[] flatMatchedPrefix;
    private final String[] flatNotMatchedPrefix;

    private CompiledTierRules(List<TierRule> rules, Builder built) {
        this.rules = rules;
        int count = rules.size();
        int inquiriesRule = count;
        for (int r = count - 1; r >= 0; r--) {
            if (compares(rules.get(r).when(), Metric.INQUIRIES)) {
                inquiriesRule = r;
            }
        }
        this.firstInquiriesRule = inquiriesRule;
        List<Optional<Tier>> ruleTiers = new ArrayList<>(count);
        this.matchedPrefix = new String[count];
        this.notMatchedPrefix = new String[count];
        for (int r = 0; r < count; r++) {
            TierRule rule = rules.get(r);
            ruleTiers.add(Optional.of(rule.tier()));
            matchedPrefix[r] = "rule " + rule.name() + " matched: ";
            notMatchedPrefix[r] = "rule " + rule.name() + " not matched: ";
        }
        this.tiers = List.copyOf(ruleTiers);
        this.roots = built.roots.stream().mapToInt(Integer::intValue).toArray();
        this.nodeKind = new byte[built.nodeKinds.size()];
        for (int n = 0; n < nodeKind.length; n++) {
            nodeKind[n] = built.nodeKinds.get(n);
        }
        this.nodeStart = built.nodeStarts.stream().mapToInt(Integer::intValue).toArray();
        this.nodeCount = built.nodeCounts.stream().mapToInt(Integer::intValue).toArray();
        this.children = built.children.stream().mapToInt(Integer::intValue).toArray();
        this.shape = new byte[count];
        this.firstComparison = new int[count];
        this.comparisonCount = new int[count];
        for (int r = 0; r < count; r++) {
            classify(r);
        }
        int comparisons = built.comparisons.size();
        this.code = new int[comparisons];
        this.wholeThreshold = new long[comparisons];
        this.decimalThreshold = new BigDecimal[comparisons];
        this.measure = new Measure[comparisons];
        this.keyText = new String[comparisons];
        this.metText = new String[comparisons];
        this.notMetText = new String[comparisons];
        this.leadText = new String[comparisons];
        for (int c = 0; c < comparisons; c++) {
            Comparison comparison = built.comparisons.get(c);
            byte source = source(comparison.measure());
            code[c] = source | accepts(comparison.operator()) << SOURCE_BITS;
            boolean whole = source != SPEND && source != OTHER;
            wholeThreshold[c] = whole ? clampedLong(comparison.threshold()) : 0;
            decimalThreshold[c] = source == SPEND
                    ? atScale(comparison.threshold(), built.moneyScale) : comparison.threshold();
            measure[c] = comparison.measure();
            String key = comparison.measure().key();
            keyText[c] = key + " ";
            // Comparison.toString() is "key op threshold" with the threshold formatted as explanations show it.
            String threshold = comparison.toString().substring(key.length());
            metText[c] = threshold + " met";
            notMetText[c] = threshold + " not met";
            leadText[c] = keyText[c];
        }
        this.flatMatchedPrefix = new String[count];
        this.flatNotMatchedPrefix = new String[count];
        for (int r = 0; r < count; r++) {
            String any = shape[r] == FLAT_ANY ? "any of: " : "";
            flatMatchedPrefix[r] = matchedPrefix[r] + any;
            flatNotMatchedPrefix[r] = notMatchedPrefix[r] + any;
            // Tree rules have no run of comparisons (count 0): their comparisons keep the plain key.
            int end = firstComparison[r] + comparisonCount[r];
            for (int c = firstComparison[r] + 1; c < end; c++) {
                leadText[c] = (shape[r] == FLAT_ALL ? "; " : " or ") + keyText[c];
            }
        }
    }

    // Most rules are one comparison or all/any of comparisons: those skip the node walk.
    private void classify(int rule) {
        int root = roots[rule];
        if (nodeKind[root] == COMPARE) {
            shape[rule] = SINGLE;
            firstComparison[rule] = nodeStart[root];
            comparisonCount[rule] = 1;
            return;
        }
        int start = nodeStart[root];
        int end = start + nodeCount[root];
        for (int i = start; i < end; i++) {
            if (nodeKind[children[i]] != COMPARE) {
                shape[rule] = TREE;
                return;
            }
        }
        shape[rule] = nodeKind[root] == ALL ? FLAT_ALL : FLAT_ANY;
        // Pre-order: the children's comparisons were numbered one after the other.
        firstComparison[rule] = nodeStart[children[start]];
        comparisonCount[rule] = end - start;
    }

    /**
     * Compiles rules.
     *
     * @param currency the policy's currency, whose scale money thresholds are brought to; not null
     * @param rules the rules in priority order; not null
     * @return the compiled rules
     */
    static CompiledTierRules compile(Currency currency, List<TierRule> rules) {
        Objects.requireNonNull(currency, "currency");
        List<TierRule> copy = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Builder builder = new Builder(Math.max(currency.getDefaultFractionDigits(), 0));
        for (TierRule rule : copy) {
            builder.roots.add(builder.add(rule.when()));
        }
        return new CompiledTierRules(copy, builder);
    }

    /** @return the rules, in priority order */
    List<TierRule> rules() {
        return rules;
    }

    /**
     * Whether one of the first rules compares the inquiries: when they are unknown, the decision
     * says why.
     *
     * @param tried how many rules were tried, from the first
     * @return true if a rule tried has a comparison of the inquiries
     */
    boolean comparesInquiries(int tried) {
        return firstInquiriesRule < tried;
    }

    private static boolean compares(Condition condition, Metric metric) {
        if (condition instanceof Comparison comparison) {
            return comparison.measure() == metric;
        }
        List<Condition> parts = condition instanceof AllOf all ? all.conditions() : ((AnyOf) condition).conditions();
        for (Condition part : parts) {
            if (compares(part, metric)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tier of a rule, as the decision holds it.
     *
     * @param rule the rule's index
     * @return the tier, present
     */
    Optional<Tier> tier(int rule) {
        return tiers.get(rule);
    }

    /**
     * Tries the rules in order and stops at the first that holds.
     *
     * @param metrics the snapshot; not null
     * @return the index of the matching rule, or -1 when none matched (every rule was tried)
     */
    int firstMatch(CustomerMetrics metrics) {
        for (int r = 0; r < roots.length; r++) {
            if (matches(r, metrics)) {
                return r;
            }
        }
        return -1;
    }

    /**
     * Evaluates one rule.
     *
     * @param rule the rule's index
     * @param metrics the snapshot; not null
     * @return whether the rule's condition holds
     */
    boolean matches(int rule, CustomerMetrics metrics) {
        int first = firstComparison[rule];
        int end = first + comparisonCount[rule];
        // Every comparison is evaluated, as Condition.evaluate does; & and | do not short-circuit.
        switch (shape[rule]) {
            case SINGLE:
                return compare(first, metrics);
            case FLAT_ALL: {
                boolean all = true;
                for (int c = first; c < end; c++) {
                    all &= compare(c, metrics);
                }
                return all;
            }
            case FLAT_ANY: {
                boolean any = false;
                for (int c = first; c < end; c++) {
                    any |= compare(c, metrics);
                }
                return any;
            }
            default:
                return holds(roots[rule], metrics);
        }
    }

    private boolean holds(int node, CustomerMetrics metrics) {
        byte kind = nodeKind[node];
        if (kind == COMPARE) {
            return compare(nodeStart[node], metrics);
        }
        int start = nodeStart[node];
        int end = start + nodeCount[node];
        if (kind == ALL) {
            boolean all = true;
            for (int i = start; i < end; i++) {
                all &= holds(children[i], metrics);
            }
            return all;
        }
        boolean any = false;
        for (int i = start; i < end; i++) {
            any |= holds(children[i], metrics);
        }
        return any;
    }

    private boolean compare(int c, CustomerMetrics metrics) {
        int op = code[c];
        if ((op & SOURCE_MASK) == INQUIRIES && !metrics.inquiriesKnown()) {
            // As Comparison.evaluate: a condition on an unknown measure does not hold, whatever the operator.
            return false;
        }
        int order = switch (op & SOURCE_MASK) {
            case SPEND -> metrics.spend().amount().compareTo(decimalThreshold[c]);
            case ORDERS -> Long.compare(metrics.orders(), wholeThreshold[c]);
            case ACTIVE_QUARTERS -> Long.compare(metrics.activeQuarters(), wholeThreshold[c]);
            case INQUIRIES -> Long.compare(metrics.inquiries(), wholeThreshold[c]);
            case TENURE_MONTHS -> Long.compare(metrics.tenureMonths(), wholeThreshold[c]);
            case STRATEGIC_AGREEMENT -> Long.compare(metrics.strategicAgreement() ? 1 : 0, wholeThreshold[c]);
            default -> metrics.value(measure[c]).compareTo(decimalThreshold[c]);
        };
        return (op >>> (Integer.signum(order) + 1 + SOURCE_BITS) & 1) != 0;
    }

    /**
     * Renders a tried rule's explanation, e.g.
     * {@code "rule core not matched: spend 120000.00 >= 100000 met; active_quarters 2 >= 3 not met"}.
     *
     * @param rule the rule's index
     * @param matched whether it matched
     * @param metrics the snapshot it was evaluated on; not null
     * @param out where to append; not null
     */
    void explain(int rule, boolean matched, CustomerMetrics metrics, StringBuilder out) {
        explain(rule, matched, metrics, spendText(metrics), out);
    }

    /**
     * Renders the explanations of the rules a decision tried, one line each.
     *
     * @param tried how many rules were tried
     * @param lastMatched whether the last of them matched
     * @param metrics the snapshot they were evaluated on; not null
     * @param lines where line {@code r} goes for rule {@code r}; at least {@code tried} long
     */
    void explainTried(int tried, boolean lastMatched, CustomerMetrics metrics, String[] lines) {
        // Most lines print the spend: render it once per decision.
        String spend = spendText(metrics);
        StringBuilder line = null;
        for (int r = 0; r < tried; r++) {
            boolean matched = lastMatched && r == tried - 1;
            if (shape[r] != TREE && comparisonCount[r] <= 2) {
                lines[r] = shortLine(r, matched, metrics, spend);
                continue;
            }
            if (line == null) {
                line = new StringBuilder(128);
            }
            line.setLength(0);
            explain(r, matched, metrics, spend, line);
            lines[r] = line.toString();
        }
    }

    /**
     * The line of a single or flat rule of one or two comparisons, the most common shapes, as one
     * string concatenation: it sizes the line's bytes exactly and copies each piece once, where a
     * builder copies the whole line again.
     */
    private String shortLine(int rule, boolean matched, CustomerMetrics metrics, String spend) {
        String prefix = matched ? flatMatchedPrefix[rule] : flatNotMatchedPrefix[rule];
        int first = firstComparison[rule];
        String firstValue = valueText(first, metrics, spend);
        String firstOutcome = compare(first, metrics) ? metText[first] : notMetText[first];
        if (comparisonCount[rule] == 1) {
            return prefix + leadText[first] + firstValue + firstOutcome;
        }
        int second = first + 1;
        return prefix + leadText[first] + firstValue + firstOutcome + leadText[second]
                + valueText(second, metrics, spend) + (compare(second, metrics) ? metText[second] : notMetText[second]);
    }

    /**
     * The compared value as explanations show it (Comparison.format for the snapshot's values:
     * flags as true/false, numbers as plain decimals); small counts come from a table.
     */
    private String valueText(int c, CustomerMetrics metrics, String spend) {
        return switch (code[c] & SOURCE_MASK) {
            case SPEND -> spend;
            case ORDERS -> count(metrics.orders());
            case ACTIVE_QUARTERS -> count(metrics.activeQuarters());
            // ConditionResult.Unknown reads "inquiries unknown >= 1 not met"; compare gave not met.
            case INQUIRIES -> metrics.inquiriesKnown() ? count(metrics.inquiries()) : UNKNOWN;
            case TENURE_MONTHS -> count(metrics.tenureMonths());
            case STRATEGIC_AGREEMENT -> metrics.strategicAgreement() ? "true" : "false";
            default -> {
                BigDecimal value = metrics.value(measure[c]);
                yield measure[c].kind() == Measure.Kind.FLAG ? (value.signum() != 0 ? "true" : "false")
                        : value.toPlainString();
            }
        };
    }

    private static String count(long value) {
        return value >= 0 && value < SMALL_COUNTS.length ? SMALL_COUNTS[(int) value] : Long.toString(value);
    }

    private static String spendText(CustomerMetrics metrics) {
        StringBuilder text = new StringBuilder(24);
        appendPlain(metrics.spend().amount(), text);
        return text.toString();
    }

    private void explain(int rule, boolean matched, CustomerMetrics metrics, String spend, StringBuilder out) {
        if (shape[rule] == TREE) {
            out.append(matched ? matchedPrefix[rule] : notMatchedPrefix[rule]);
            explainNode(roots[rule], metrics, spend, out);
            return;
        }
        // Single and flat rules: three appends per comparison, the constant text pre-rendered.
        out.append(matched ? flatMatchedPrefix[rule] : flatNotMatchedPrefix[rule]);
        int end = firstComparison[rule] + comparisonCount[rule];
        for (int c = firstComparison[rule]; c < end; c++) {
            out.append(leadText[c]);
            out.append(valueText(c, metrics, spend));
            out.append(compare(c, metrics) ? metText[c] : notMetText[c]);
        }
    }

    // Mirrors ConditionResult.Compared.explain and ConditionResult.Combined.explain.
    private void explainNode(int node, CustomerMetrics metrics, String spend, StringBuilder out) {
        byte kind = nodeKind[node];
        if (kind == COMPARE) {
            int c = nodeStart[node];
            out.append(keyText[c]);
            out.append(valueText(c, metrics, spend));
            out.append(compare(c, metrics) ? metText[c] : notMetText[c]);
            return;
        }
        int start = nodeStart[node];
        int end = start + nodeCount[node];
        if (kind == ANY) {
            out.append("any of: ");
        }
        for (int i = start; i < end; i++) {
            if (i > start) {
                out.append(kind == ALL ? "; " : " or ");
            }
            int child = children[i];
            boolean parenthesised = kind == ALL ? nodeKind[child] == ANY : nodeKind[child] != COMPARE;
            if (parenthesised) {
                out.append('(');
                explainNode(child, metrics, spend, out);
                out.append(')');
            } else {
                explainNode(child, metrics, spend, out);
            }
        }
    }

    /**
     * Appends what {@link BigDecimal#toPlainString()} returns, without building strings for the
     * common case of an unscaled value of at most 18 digits and a scale from 0 to 18: the integer
     * and fraction digits are written from one long, exactly.
     *
     * @param amount the number; not null
     * @param out where to append; not null
     */
    static void appendPlain(BigDecimal amount, StringBuilder out) {
        int scale = amount.scale();
        if (scale < 0 || scale >= POWERS_OF_TEN.length || amount.precision() >= POWERS_OF_TEN.length) {
            out.append(amount.toPlainString());
            return;
        }
        // At most 18 digits: the unscaled value fits a long and its negation cannot overflow.
        long unscaled = amount.movePointRight(scale).longValueExact();
        if (unscaled < 0) {
            out.append('-');
            unscaled = -unscaled;
        }
        long unit = POWERS_OF_TEN[scale];
        out.append(unscaled / unit);
        if (scale == 0) {
            return;
        }
        long fraction = unscaled % unit;
        out.append('.');
        for (long digit = unit / 10; digit > fraction && digit > 1; digit /= 10) {
            out.append('0');
        }
        out.append(fraction);
    }

    private static byte source(Measure measure) {
        if (!(measure instanceof Metric metric)) {
            return OTHER;
        }
        return switch (metric) {
            case SPEND -> SPEND;
            case ORDERS -> ORDERS;
            case ACTIVE_QUARTERS -> ACTIVE_QUARTERS;
            case INQUIRIES -> INQUIRIES;
            case TENURE_MONTHS -> TENURE_MONTHS;
            case STRATEGIC_AGREEMENT -> STRATEGIC_AGREEMENT;
        };
    }

    // Taken from Operator.test itself, so the compiled form cannot disagree with it.
    private static int accepts(Operator operator) {
        int mask = 0;
        for (int order = -1; order <= 1; order++) {
            if (operator.test(BigDecimal.valueOf(order), BigDecimal.ZERO)) {
                mask |= 1 << (order + 1);
            }
        }
        return mask;
    }

    /**
     * A threshold for whole-number values (counts, and flags as 0 or 1; Comparison requires a whole
     * threshold for both): exact when it fits a long, else a long on the same side of every int.
     */
    private static long clampedLong(BigDecimal threshold) {
        if (threshold.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
            return Long.MAX_VALUE;
        }
        if (threshold.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) <= 0) {
            return Long.MIN_VALUE;
        }
        return threshold.longValueExact();
    }

    /** The same number at the money scale when that loses no digit, so compareTo takes its long path. */
    private static BigDecimal atScale(BigDecimal threshold, int scale) {
        BigDecimal stripped = threshold.stripTrailingZeros();
        return stripped.scale() <= scale ? stripped.setScale(scale) : stripped;
    }

    /** Collects nodes and comparisons in pre-order while compiling. */
    private static final class Builder {
        private final int moneyScale;
        private final List<Integer> roots = new ArrayList<>();
        private final List<Byte> nodeKinds = new ArrayList<>();
        private final List<Integer> nodeStarts = new ArrayList<>();
        private final List<Integer> nodeCounts = new ArrayList<>();
        private final List<Integer> children = new ArrayList<>();
        private final List<Comparison> comparisons = new ArrayList<>();

        Builder(int moneyScale) {
            this.moneyScale = moneyScale;
        }

        int add(Condition condition) {
            int node = nodeKinds.size();
            if (condition instanceof Comparison comparison) {
                nodeKinds.add(COMPARE);
                nodeStarts.add(comparisons.size());
                nodeCounts.add(0);
                comparisons.add(comparison);
                return node;
            }
            List<Condition> parts = condition instanceof AllOf all ? all.conditions() : ((AnyOf) condition).conditions();
            nodeKinds.add(condition instanceof AllOf ? ALL : ANY);
            nodeStarts.add(0);
            nodeCounts.add(parts.size());
            int[] nested = new int[parts.size()];
            for (int i = 0; i < nested.length; i++) {
                nested[i] = add(parts.get(i));
            }
            // The children's own subtrees come first; their indices then form one contiguous run.
            nodeStarts.set(node, children.size());
            for (int child : nested) {
                children.add(child);
            }
            return node;
        }
    }
}

package org.crmkit.rules.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.model.FixedExchangeRates;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.core.port.ExchangeRates;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicySource;
import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Node.ListNode;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Problems;
import org.crmkit.rules.internal.section.Read;
import org.crmkit.rules.internal.section.References;
import org.crmkit.rules.internal.section.SectionInput;
import org.crmkit.rules.policy.EvaluationWindow;
import org.crmkit.rules.policy.PolicyHeader;

/**
 * Turns a parsed policy document into a {@link Policy}, checking everything first: the policy
 * is built only when no problem was found, so nothing of an invalid document is ever used.
 *
 * <p>The header and the calendars are read first, then every registered section
 * ({@link PolicySections#ALL}) in order, each with its own problems: a broken section does not
 * keep another from being read and checked. Then the references between them (the tiers the SLA
 * and the cadences name) are checked on the sections that could be read, by the checks that
 * {@code Policy.Builder} runs too, and each problem is located at its path's line. A reference to
 * a broken section (the SLA's tiers when the tiers are broken) is not checked, since the broken
 * section's problems are reported; nor is one of a broken section, until its own problems are fixed.
 */
public final class PolicyReader {
    private static final List<String> WINDOW_FIELDS = DocumentShape.WINDOW.keys();

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
        Optional<MapNode> root = read.map(rootNode, DocumentShape.document().keys());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        MapNode map = root.get();
        Optional<String> id = read.required(map, "id").flatMap(this::refPart);
        Optional<String> version = read.required(map, "version").flatMap(this::refPart);
        Optional<LocalDate> effectiveFrom = read.required(map, "effective_from").flatMap(read::date);
        Optional<Currency> currency = read.required(map, "currency").flatMap(this::currency);
        Optional<ExchangeRates> exchangeRates = read.optional(map, "exchange_rates")
                .map(node -> exchangeRates(node, currency)).orElse(Optional.of(ExchangeRates.none()));
        Optional<ZoneId> zone = read.required(map, "time_zone").flatMap(read::zone);
        Optional<EvaluationWindow> window = read.optional(map, "window").map(this::window)
                .orElse(Optional.of(EvaluationWindow.trailingYear()));
        Optional<Map<String, BusinessCalendar>> calendars = new CalendarReader(new Read(problems.child()),
                baseDirectory).calendars(read.optional(map, "calendars"), zone, effectiveFrom);
        Optional<Map<String, BusinessCalendar>> known = calendars.flatMap(defined -> zone.map(policyZone -> {
            Map<String, BusinessCalendar> all = new LinkedHashMap<>(defined);
            all.putIfAbsent(Policy.ALWAYS_OPEN_CALENDAR, BusinessCalendar.alwaysOpen(Policy.ALWAYS_OPEN_CALENDAR,
                    policyZone));
            return all;
        }));

        Map<Class<?>, Object> sections = new LinkedHashMap<>();
        List<PolicySection<?>> failed = new ArrayList<>();
        for (PolicySection<?> section : PolicySections.ALL) {
            boolean given = section.keys().stream().anyMatch(key -> read.optional(map, key).isPresent());
            if (!given && section.presence() != PolicySection.Presence.REQUIRED) {
                section.standard().ifPresent(value -> sections.put(section.type(), value));
                continue;
            }
            Problems own = problems.child();
            SectionInput input = new SectionInput(new Read(own), map, currency, zone, effectiveFrom, known);
            Optional<?> value = section.reader().read(input);
            if (value.isPresent() && own.isEmpty()) {
                sections.put(section.type(), value.get());
            } else {
                failed.add(section);
            }
        }
        Map<String, Node> nodes = new HashMap<>();
        collect(rootNode, nodes);
        PolicySections.checkReferences(sections, known, new LocatedReport(problems, nodes));
        if (!problems.noneInDocument()) {
            return Optional.empty();
        }
        if (!failed.isEmpty()) {
            // A section fails only by reporting a problem, its own or one of a section it needs.
            throw new IllegalStateException(failed + " failed without reporting a problem");
        }
        PolicyHeader header = new PolicyHeader(PolicyRef.of(id.orElseThrow(), version.orElseThrow()),
                effectiveFrom.orElseThrow(), currency.orElseThrow(), zone.orElseThrow(), window.orElseThrow(),
                exchangeRates.orElseThrow());
        Map<String, Integer> lines = new HashMap<>();
        nodes.forEach((path, node) -> lines.put(path, node.line()));
        Policy.Builder policy = Policy.builder(header).source(new PolicySource(source, lines));
        calendars.orElseThrow().values().forEach(policy::calendar);
        for (PolicySection<?> section : PolicySections.ALL) {
            Object value = sections.get(section.type());
            if (value != null) {
                policy.section(value);
            }
        }
        return Optional.of(policy.build());
    }

    /** Reads the policy id or version: the rules of {@link PolicyRef}. */
    private Optional<String> refPart(Node node) {
        return read.text(node).flatMap(text -> {
            try {
                PolicyRef.of(text, text);
                return Optional.of(text);
            } catch (InvalidValueException e) {
                read.problems().add(node, "must be a name of at most 128 characters without surrounding spaces, was '"
                        + text + "'");
                return Optional.empty();
            }
        });
    }

    private Optional<Currency> currency(Node node) {
        return read.text(node).flatMap(code -> currency(code, node));
    }

    /** An ISO-4217 code, or empty after reporting it at the node. */
    private Optional<Currency> currency(String code, Node node) {
        try {
            return Optional.of(Money.currency(code));
        } catch (InvalidValueException e) {
            read.problems().add(node, "unknown ISO-4217 currency '" + code + "'");
            return Optional.empty();
        }
    }

    /**
     * Reads the fixed exchange rates: a map from ISO-4217 codes other than the policy's to rates
     * above zero. Every bad entry is reported.
     */
    private Optional<ExchangeRates> exchangeRates(Node node, Optional<Currency> policyCurrency) {
        if (!(node instanceof MapNode map)) {
            read.problems().add(node, "must be a map from ISO-4217 currency code to rate, e.g. {USD: \"7.10\"}, was "
                    + node.describe());
            return Optional.empty();
        }
        Map<Currency, BigDecimal> rates = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
            Node value = entry.getValue();
            Optional<Currency> currency = currency(entry.getKey(), value);
            if (currency.isPresent() && currency.equals(policyCurrency)) {
                read.problems().add(value, "is the policy's own currency, which needs no rate");
                currency = Optional.empty();
            }
            Optional<BigDecimal> rate = read.positiveDecimal(value);
            if (currency.isPresent() && rate.isPresent()) {
                rates.put(currency.get(), rate.get());
            } else {
                complete = false;
            }
        }
        if (!complete || policyCurrency.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rates.isEmpty() ? ExchangeRates.none() : new FixedExchangeRates(policyCurrency.get(), rates));
    }

    private Optional<EvaluationWindow> window(Node node) {
        Optional<MapNode> map = read.map(node, WINDOW_FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        List<String> given = map.get().entries().keySet().stream().filter(WINDOW_FIELDS::contains).toList();
        if (given.size() != 1) {
            read.problems().add(node, "give exactly one of trailing_months, trailing_days"
                    + (given.isEmpty() ? "" : ", found " + String.join(", ", given)));
            return Optional.empty();
        }
        String key = given.get(0);
        EvaluationWindow.Unit unit = key.equals("trailing_months") ? EvaluationWindow.Unit.MONTHS
                : EvaluationWindow.Unit.DAYS;
        return read.integer(map.get().entries().get(key), 1).map(length -> new EvaluationWindow(length, unit));
    }

    private static void collect(Node node, Map<String, Node> nodes) {
        nodes.put(node.path(), node);
        if (node instanceof MapNode map) {
            map.entries().values().forEach(child -> collect(child, nodes));
        } else if (node instanceof ListNode list) {
            list.items().forEach(child -> collect(child, nodes));
        }
    }

    /** Locates each reference problem at the line of its path's node. */
    private record LocatedReport(Problems problems, Map<String, Node> nodes) implements References.Report {
        @Override
        public void at(String path, String message) {
            Node node = nodes.get(path);
            problems.add(node == null ? 0 : node.line(), path, message);
        }

        @Override
        public void atItem(String listPath, int index, String name, String message) {
            // The item that gives the name first: a repeated name is kept once, so counting would miss it.
            if (nodes.get(listPath) instanceof ListNode list) {
                for (Node item : list.items()) {
                    if (item instanceof Node.Scalar scalar && scalar.text().equals(name)) {
                        problems.add(item, message);
                        return;
                    }
                }
            }
            References.Report.super.atItem(listPath, index, name, message);
        }
    }
}

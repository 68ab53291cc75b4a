package org.crmkit.rules.internal.section;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Money;
import org.crmkit.rules.internal.section.Node.ListNode;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node.Scalar;

/**
 * Typed reads of {@link Node}s: each returns the value, or records a problem naming the path and
 * quoting the bad value and returns empty.
 */
public final class Read {

    private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?");
    private static final int MAX_INTEGER_DIGITS = 20;
    private static final int MAX_FRACTION_DIGITS = 18;

    private final Problems problems;

    /**
     * Creates a reader that reports to a collector.
     *
     * @param problems the collector
     */
    public Read(Problems problems) {
        this.problems = problems;
    }

    /** @return the collector */
    public Problems problems() {
        return problems;
    }

    /**
     * Reads a map and reports its unknown keys.
     *
     * @param node the node
     * @param allowed the keys the map may have, in the order messages list them
     * @return the map, or empty if the node is not a map
     */
    public Optional<MapNode> map(Node node, Collection<String> allowed) {
        if (!(node instanceof MapNode map)) {
            problems.add(node, "must be a map, was " + node.describe());
            return Optional.empty();
        }
        map.entries().forEach((key, child) -> {
            if (!allowed.contains(key)) {
                problems.add(child, "unknown field, expected one of " + String.join(", ", allowed));
            }
        });
        return Optional.of(map);
    }

    /**
     * A required entry of a map.
     *
     * @param map the map
     * @param key the key
     * @return the entry, or empty after reporting it missing (or null)
     */
    public Optional<Node> required(MapNode map, String key) {
        Node node = map.entries().get(key);
        if (node == null) {
            problems.add(map.line(), Node.child(map.path(), key), "is required");
            return Optional.empty();
        }
        if (node instanceof Scalar scalar && scalar.kind() == Scalar.Kind.NULL) {
            problems.add(node, "is required but empty");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    /**
     * An optional entry of a map; an explicit null counts as absent.
     *
     * @param map the map
     * @param key the key
     * @return the entry, or empty
     */
    public Optional<Node> optional(MapNode map, String key) {
        Node node = map.entries().get(key);
        if (node instanceof Scalar scalar && scalar.kind() == Scalar.Kind.NULL) {
            return Optional.empty();
        }
        return Optional.ofNullable(node);
    }

    /**
     * Reads a list.
     *
     * @param node the node
     * @return the list, or empty if the node is not one
     */
    public Optional<ListNode> list(Node node) {
        if (!(node instanceof ListNode list)) {
            problems.add(node, "must be a list, was " + node.describe());
            return Optional.empty();
        }
        return Optional.of(list);
    }

    /**
     * Reads a list of texts, parsing each; every bad item is reported, the good ones are kept.
     *
     * @param node the node
     * @param parse parses one text, throwing {@link InvalidValueException} with the message to report
     * @param into receives the parsed values, in list order
     * @param <T> the type of the values
     * @return whether the node is a list and every item parsed
     */
    public <T> boolean values(Node node, Function<String, T> parse, Collection<T> into) {
        Optional<ListNode> list = list(node);
        if (list.isEmpty()) {
            return false;
        }
        boolean complete = true;
        for (Node item : list.get().items()) {
            Optional<String> text = text(item);
            if (text.isEmpty()) {
                complete = false;
                continue;
            }
            try {
                into.add(parse.apply(text.get()));
            } catch (InvalidValueException e) {
                problems.add(item, e.getMessage());
                complete = false;
            }
        }
        return complete;
    }

    /**
     * Reads a non-blank text; numbers count as their text, so {@code version: 2} reads as "2".
     *
     * @param node the node
     * @return the text, or empty
     */
    public Optional<String> text(Node node) {
        if (node instanceof Scalar scalar && (scalar.kind() == Scalar.Kind.STRING || scalar.kind() == Scalar.Kind.NUMBER)) {
            if (scalar.text().isBlank()) {
                problems.add(node, "must not be blank");
                return Optional.empty();
            }
            return Optional.of(scalar.text());
        }
        problems.add(node, "must be text, was " + node.describe());
        return Optional.empty();
    }

    /**
     * Reads a decimal number, written as a number or as a string of plain decimal digits
     * (JSON users often quote amounts to keep them exact). At most 20 digits before and 18 after
     * the decimal point, so that an exponent such as {@code 1e400000000} cannot turn into a
     * 400-million-digit threshold.
     *
     * @param node the node
     * @return the number, exactly as written, or empty
     */
    public Optional<BigDecimal> decimal(Node node) {
        Optional<BigDecimal> number = Optional.empty();
        if (node instanceof Scalar scalar) {
            String text = scalar.text().strip();
            if (scalar.kind() == Scalar.Kind.NUMBER) {
                try {
                    number = Optional.of(new BigDecimal(text.replace("_", "")));
                } catch (NumberFormatException e) {
                    // reported below
                }
            } else if (scalar.kind() == Scalar.Kind.STRING && Money.isPlainDecimal(text)) {
                number = Optional.of(new BigDecimal(text));
            }
        }
        if (number.isEmpty()) {
            problems.add(node, "must be a number, was " + node.describe());
            return Optional.empty();
        }
        BigDecimal value = number.get().stripTrailingZeros();
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
            problems.add(node, "must have at most " + MAX_INTEGER_DIGITS + " digits before and " + MAX_FRACTION_DIGITS
                    + " after the decimal point, was " + node.describe());
            return Optional.empty();
        }
        return number;
    }

    /**
     * Reads a whole number that is at least a minimum.
     *
     * @param node the node
     * @param minimum the smallest allowed value
     * @return the number, or empty
     */
    public Optional<Integer> integer(Node node, int minimum) {
        Optional<BigDecimal> number = decimal(node);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal value = number.get();
        if (value.stripTrailingZeros().scale() > 0) {
            problems.add(node, "must be a whole number, was " + node.describe());
            return Optional.empty();
        }
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            problems.add(node, "must be at most " + Integer.MAX_VALUE + ", was " + node.describe());
            return Optional.empty();
        }
        // Compared as decimals: intValue() of a huge negative number wraps around to a small one.
        if (value.compareTo(BigDecimal.valueOf(minimum)) < 0) {
            problems.add(node, "must be at least " + minimum + ", was " + node.describe());
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /**
     * Reads a duration: {@code 1h}, {@code 30m}, {@code 1h30m}, or ISO-8601 such as {@code PT1H}.
     *
     * @param node the node
     * @return the duration, more than zero, or empty
     */
    public Optional<Duration> duration(Node node) {
        if (node instanceof Scalar scalar && scalar.kind() == Scalar.Kind.STRING) {
            String text = scalar.text().strip();
            java.util.regex.Matcher short_ = SHORT_DURATION.matcher(text);
            Optional<Duration> duration = Optional.empty();
            if (short_.matches() && (short_.group(1) != null || short_.group(2) != null)) {
                long hours = short_.group(1) == null ? 0 : Long.parseLong(short_.group(1));
                long minutes = short_.group(2) == null ? 0 : Long.parseLong(short_.group(2));
                duration = Optional.of(Duration.ofHours(hours).plusMinutes(minutes));
            } else if (text.startsWith("P") || text.startsWith("p")) {
                try {
                    duration = Optional.of(Duration.parse(text));
                } catch (java.time.format.DateTimeParseException e) {
                    // reported below
                }
            }
            if (duration.isPresent() && !duration.get().isZero() && !duration.get().isNegative()) {
                return duration;
            }
            if (duration.isPresent()) {
                problems.add(node, "must be more than zero, was '" + text + "'");
                return Optional.empty();
            }
        }
        problems.add(node, "must be a duration like 1h, 30m or 1h30m, was " + node.describe());
        return Optional.empty();
    }

    /**
     * Reads true or false.
     *
     * @param node the node
     * @return the boolean, or empty
     */
    public Optional<Boolean> bool(Node node) {
        if (node instanceof Scalar scalar && scalar.kind() == Scalar.Kind.BOOLEAN) {
            return Optional.of(Boolean.parseBoolean(scalar.text()));
        }
        problems.add(node, "must be true or false, was " + node.describe());
        return Optional.empty();
    }

    /**
     * Reads an ISO date such as 2026-01-01.
     *
     * @param node the node
     * @return the date, or empty
     */
    public Optional<LocalDate> date(Node node) {
        if (node instanceof Scalar scalar && scalar.kind() == Scalar.Kind.STRING) {
            try {
                return Optional.of(LocalDate.parse(scalar.text().strip()));
            } catch (DateTimeParseException e) {
                // falls through to the problem below
            }
        }
        problems.add(node, "must be a date like 2026-01-01, was " + node.describe());
        return Optional.empty();
    }

    /**
     * Reads an IANA time zone name such as Asia/Shanghai.
     *
     * @param node the node
     * @return the zone, or empty
     */
    public Optional<ZoneId> zone(Node node) {
        return text(node).flatMap(name -> {
            try {
                return Optional.of(ZoneId.of(name));
            } catch (DateTimeException e) {
                problems.add(node, "unknown time zone '" + name + "', expected an IANA name such as Asia/Shanghai");
                return Optional.empty();
            }
        });
    }

    /**
     * Reads a reference by name to something the policy defines elsewhere, such as a calendar.
     *
     * @param node the node holding the name
     * @param known the defined things by name
     * @param what what is referred to, for the message ("calendar")
     * @param <T> the type of the things
     * @return the thing named, or empty
     */
    public <T> Optional<T> reference(Node node, Map<String, T> known, String what) {
        return text(node).flatMap(name -> {
            T found = known.get(name);
            if (found == null) {
                problems.add(node, unknown(what, name, known.keySet()));
                return Optional.empty();
            }
            return Optional.of(found);
        });
    }

    /**
     * Reads a reference by name to something another part of the policy defines, when that part
     * may have failed to read: then only the name's form is checked, since the failure's own
     * problems are reported and the names it would define are unknown.
     *
     * @param node the node holding the name
     * @param known the defined things by name, or empty when they could not be read
     * @param what what is referred to, for the message ("calendar")
     * @param <T> the type of the things
     * @return the thing named, or empty (silently when {@code known} is empty)
     */
    public <T> Optional<T> reference(Node node, Optional<Map<String, T>> known, String what) {
        if (known.isEmpty()) {
            text(node);
            return Optional.empty();
        }
        return reference(node, known.get(), what);
    }

    /**
     * Reads one of an enum's policy spellings, with the same message as an unknown {@link #reference}.
     *
     * @param node the node holding the spelling
     * @param constants the enum's constants, in the order messages list them
     * @param key a constant's spelling in policy files
     * @param what what is named, for the message ("model")
     * @param <E> the enum
     * @return the constant, or empty
     */
    public <E extends Enum<E>> Optional<E> keyword(Node node, E[] constants, Function<E, String> key, String what) {
        Map<String, E> known = new LinkedHashMap<>();
        for (E constant : constants) {
            known.put(key.apply(constant), constant);
        }
        return reference(node, known, what);
    }

    /**
     * Reads a decimal number of more than zero, such as a rate; the problem quotes the value as
     * written, e.g. {@code must be more than zero, was '-7.10'}.
     *
     * @param node the node
     * @return the number, or empty after reporting it
     */
    public Optional<BigDecimal> positiveDecimal(Node node) {
        return decimal(node).filter(value -> {
            if (value.signum() <= 0) {
                problems.add(node, "must be more than zero, was " + node.describe());
                return false;
            }
            return true;
        });
    }

    /**
     * Reads a decimal number of zero or more.
     *
     * @param node the node
     * @return the number, or empty after reporting it
     */
    public Optional<BigDecimal> nonNegativeDecimal(Node node) {
        return decimal(node).filter(value -> {
            if (value.signum() < 0) {
                problems.add(node, "must not be negative, was " + value.toPlainString());
                return false;
            }
            return true;
        });
    }

    /**
     * The one wording for a name that is not among the defined ones.
     *
     * @param what what is named ("tier", "calendar")
     * @param name the name given
     * @param known the names defined, in policy order
     * @return the message
     */
    public static String unknown(String what, Object name, Collection<?> known) {
        return "unknown " + what + " '" + name + "', expected one of "
                + String.join(", ", known.stream().map(String::valueOf).toList());
    }
}

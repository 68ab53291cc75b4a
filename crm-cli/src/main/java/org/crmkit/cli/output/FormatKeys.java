package org.crmkit.cli.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crmkit.core.InvalidValueException;

/** The command-line spellings of output formats: an enum constant's name in lower case. */
final class FormatKeys {
    private FormatKeys() {
    }

    static String key(Enum<?> format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    static String keys(Enum<?>[] formats) {
        return Arrays.stream(formats).map(FormatKeys::key).collect(Collectors.joining(", "));
    }

    /**
     * Finds the format spelled {@code text}, ignoring case and surrounding spaces; {@code json}
     * also names JSON Lines, which is what every command prints as JSON.
     */
    static <E extends Enum<E>> E parse(E[] formats, String text) {
        Objects.requireNonNull(text, "text");
        String wanted = text.strip().equalsIgnoreCase("json") ? "jsonl" : text.strip();
        for (E format : formats) {
            if (key(format).equalsIgnoreCase(wanted)) {
                return format;
            }
        }
        throw new InvalidValueException("expected one of " + keys(formats) + ", was '" + text + "'");
    }
}

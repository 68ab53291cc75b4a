package org.crmkit.core.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crmkit.core.InvalidValueException;

/** Parses the lower-case file vocabulary of an enum case-insensitively; not part of the API. */
public final class Vocabulary {
    private Vocabulary() {
    }

    /**
     * The file spelling of a constant: its name in lower case.
     *
     * @param constant the constant
     * @return e.g. {@code "wechat"} for {@code WECHAT}
     */
    public static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds the constant whose key equals the text, ignoring case and surrounding white space.
     *
     * @param type the enum
     * @param text the text
     * @param what the name used in the message, e.g. {@code "channel"}
     * @param <E> the enum type
     * @return the constant
     * @throws InvalidValueException naming the allowed values if none matches
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        Objects.requireNonNull(text, what);
        String wanted = text.strip();
        for (E constant : type.getEnumConstants()) {
            if (key(constant).equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new InvalidValueException("Unknown " + what + " '" + text + "', expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Vocabulary::key)
                        .collect(Collectors.joining(", ")));
    }
}

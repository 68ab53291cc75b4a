package org.crmkit.core.model;

import java.util.Objects;
import java.util.regex.Pattern;
import org.crmkit.core.InvalidValueException;

/**
 * The name of a customer tier, such as {@code core} or {@code important}.
 *
 * <p>Tiers are defined by a policy, not by crmkit: the policy's {@link TierLadder} says which
 * tiers exist and how they rank. A name starts with a letter and goes on with letters, digits,
 * {@code _} or {@code -} (any script with its combining marks, so {@code 核心} and
 * {@code सोना} are fine), at most 32 characters.
 * Immutable and thread-safe.
 *
 * @param name the tier's name; not null
 */
public record Tier(String name) {
    /**
     * The regular expression of a tier's name: a letter, then up to 31 letters, marks, digits,
     * underscores or hyphens, in any script; for schemas that state the form.
     */
    public static final String NAME_PATTERN = "\\p{L}[\\p{L}\\p{M}\\p{N}_-]{0,31}";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    /** Checks the name. */
    public Tier {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidValueException("Tier name must start with a letter and contain only letters,"
                    + " digits, '_' or '-' (at most 32), was '" + name + "'");
        }
    }

    /**
     * Creates a tier name.
     *
     * @param name e.g. {@code "core"}; not null
     * @return the tier
     * @throws InvalidValueException if the name is malformed
     */
    public static Tier of(String name) {
        return new Tier(name);
    }

    @Override
    public String toString() {
        return name;
    }
}

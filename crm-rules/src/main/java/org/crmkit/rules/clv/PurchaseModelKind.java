package org.crmkit.rules.clv;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** The purchase models crmkit can fit, by the key that files and the command line use. */
public enum PurchaseModelKind {
    /** The BG/NBD model ({@link BgNbdModel}). */
    BGNBD("bgnbd"),
    /** The Pareto/NBD model ({@link ParetoNbdModel}). */
    PARETO_NBD("pareto_nbd");

    private final String key;

    PurchaseModelKind(String key) {
        this.key = key;
    }

    /** @return the key, {@code bgnbd} or {@code pareto_nbd}; the same as the model's {@code name()} */
    public String key() {
        return key;
    }

    /**
     * Looks a kind up by its key.
     *
     * @param key {@code bgnbd} or {@code pareto_nbd}; not null
     * @return the kind, or empty for any other text
     */
    public static Optional<PurchaseModelKind> byKey(String key) {
        Objects.requireNonNull(key, "key");
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }
}

package org.crmkit.cli.input;

import java.nio.file.Path;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;

/**
 * Reads the policy that {@code --policy} names: a file, as {@link PolicyLoader#load} reads it, or
 * standard input, read as YAML under the name {@value StandardInput#NAME}, with calendar files
 * relative to the working directory.
 */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    /**
     * A policy read once: its text and the policy validated from that very text.
     *
     * @param text the document as it was read
     * @param policy the policy
     */
    public record Read(String text, Policy policy) {
    }

    /**
     * Loads and validates a policy.
     *
     * @param file the file or standard input; not null
     * @return the policy
     * @throws org.crmkit.rules.policy.PolicyValidationException if it is missing, unreadable or invalid
     */
    public static Policy load(FileArgument file) {
        return read(file).policy();
    }

    /**
     * Reads a policy's text once and validates it.
     *
     * @param file the file or standard input; not null
     * @return the text and the policy
     * @throws org.crmkit.rules.policy.PolicyValidationException if it is missing, unreadable or invalid
     */
    public static Read read(FileArgument file) {
        if (file.isStandardInput()) {
            String text = PolicyLoader.decode(file.standardInput().bytes(), StandardInput.NAME);
            return new Read(text, PolicyLoader.parse(text, StandardInput.NAME,
                    java.util.Optional.of(Path.of("").toAbsolutePath())));
        }
        Path path = file.path().orElseThrow();
        String text = PolicyLoader.readText(path);
        return new Read(text, PolicyLoader.parse(path, text));
    }
}

package org.crmkit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.rules.internal.DocumentParser;
import org.crmkit.rules.internal.PolicyReader;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.io.InvalidInputException;
import org.crmkit.rules.io.Utf8;
import org.crmkit.rules.policy.PolicyValidationException;

/**
 * Reads policy documents (YAML or JSON, UTF-8) and validates them completely before anything
 * uses them. Every problem is reported at once with the document's name, the line and the path
 * ({@code tiers[2].when.all[0].spend.gte}), and quotes the bad value.
 *
 * <pre>{@code
 * Policy standard = PolicyLoader.standard();
 * Policy ours = PolicyLoader.load(Path.of("policy.yaml"));
 * }</pre>
 */
public final class PolicyLoader {
    /** Name of the built-in standard policy resource. */
    public static final String STANDARD_RESOURCE = "standard-policy.yaml";

    private PolicyLoader() {
    }

    /**
     * The built-in standard policy, the defaults of the source plan (see the README).
     *
     * @return the standard policy
     */
    public static Policy standard() {
        return parse(standardText(), STANDARD_RESOURCE + " (built-in)");
    }

    /** @return the text of the built-in standard policy, to print or to copy and adapt */
    public static String standardText() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(STANDARD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in policy " + STANDARD_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a policy file; {@code .json} files are read as JSON, everything else as YAML.
     *
     * @param file the file; not null
     * @return the policy
     * @throws PolicyValidationException if the file is missing, unreadable or invalid
     */
    public static Policy load(Path file) {
        return parse(file, readText(file));
    }

    /**
     * Parses the text of a policy file already read with {@link #readText}: for callers that
     * need the very text validated (to print it, say).
     *
     * @param file the file the text was read from, for messages, the syntax and calendar files; not null
     * @param text the file's text; not null
     * @return the policy
     * @throws PolicyValidationException if the text or a calendar file it names is invalid
     */
    public static Policy parse(Path file, String text) {
        return parse(text, file.toString(), Optional.ofNullable(file.toAbsolutePath().getParent()));
    }

    /**
     * Reads a policy file's text, strictly as UTF-8.
     *
     * @param file the file; not null
     * @return the text
     * @throws PolicyValidationException if the file is missing, unreadable or not UTF-8
     */
    public static String readText(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        try {
            return decode(Files.readAllBytes(file), name);
        } catch (NoSuchFileException e) {
            throw fileProblem(name, "no such file");
        } catch (IOException e) {
            throw fileProblem(name, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Decodes a policy document's bytes, strictly as UTF-8, as {@link #readText} does: for a
     * document that does not come from a file, such as standard input.
     *
     * @param bytes the document's bytes; not null
     * @param name the document's name, for the problem; not null
     * @return the text
     * @throws PolicyValidationException if the bytes are not UTF-8
     */
    public static String decode(byte[] bytes, String name) {
        try {
            return Utf8.decode(bytes, name);
        } catch (InvalidInputException e) {
            throw fileProblem(name, "not UTF-8 text");
        }
    }

    /**
     * Parses a policy document held in memory.
     *
     * @param text the document; not null
     * @param sourceName the name used in messages; a name ending in {@code .json} selects JSON,
     *     anything else YAML; not null
     * @return the policy
     * @throws PolicyValidationException if the document is invalid
     */
    public static Policy parse(String text, String sourceName) {
        return parse(text, sourceName, Optional.empty());
    }

    /**
     * Parses a policy document held in memory whose calendar files lie in a folder.
     *
     * @param text the document; not null
     * @param sourceName the name used in messages; {@code .json} selects JSON; not null
     * @param baseDirectory the folder that calendar files named in the document are relative to,
     *     or empty when the document may not name files; not null
     * @return the policy
     * @throws PolicyValidationException if the document or a file it names is invalid
     */
    public static Policy parse(String text, String sourceName, Optional<Path> baseDirectory) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        String withoutBom = !text.isEmpty() && text.charAt(0) == Utf8.BYTE_ORDER_MARK ? text.substring(1) : text;
        DocumentParser.Syntax syntax = sourceName.toLowerCase(Locale.ROOT).endsWith(".json")
                ? DocumentParser.Syntax.JSON : DocumentParser.Syntax.YAML;
        return PolicyReader.read(withoutBom, syntax, sourceName, baseDirectory);
    }

    private static PolicyValidationException fileProblem(String name, String message) {
        return new PolicyValidationException(List.of(InputProblem.inFile(name, message)));
    }
}

package org.crmkit.cli.input;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.rules.io.InputFile;
import picocli.CommandLine.ITypeConverter;

/**
 * The value of an option that names an input file: a path, or {@code -} for the run's standard
 * input. Immutable; reading standard input is its {@link StandardInput}'s business.
 */
public final class FileArgument {
    /** The argument that names standard input. */
    public static final String STANDARD_INPUT = "-";

    private final Optional<Path> path;
    private final StandardInput standardInput;

    private FileArgument(Optional<Path> path, StandardInput standardInput) {
        this.path = path;
        this.standardInput = standardInput;
    }

    /**
     * The converter of option values for one run.
     *
     * @param standardInput the run's standard input; not null
     * @return a converter of {@code -} and paths
     */
    public static ITypeConverter<FileArgument> converter(StandardInput standardInput) {
        Objects.requireNonNull(standardInput, "standardInput");
        return text -> new FileArgument(STANDARD_INPUT.equals(text) ? Optional.empty() : Optional.of(Path.of(text)),
                standardInput);
    }

    /** @return whether it names standard input */
    public boolean isStandardInput() {
        return path.isEmpty();
    }

    /** @return what messages call it: the path as given, or {@value StandardInput#NAME} */
    public String name() {
        return path.map(Path::toString).orElse(StandardInput.NAME);
    }

    /**
     * The file to read: the path, or standard input copied to a temporary file.
     *
     * @return the file, named as {@link #name()} says
     * @throws java.io.UncheckedIOException if standard input cannot be copied
     */
    public InputFile file() {
        return path.map(InputFile::of).orElseGet(standardInput::file);
    }

    /** @return the path, when it names a file and not standard input */
    Optional<Path> path() {
        return path;
    }

    /** @return the run's standard input */
    StandardInput standardInput() {
        return standardInput;
    }

    /** @return {@link #name()} */
    @Override
    public String toString() {
        return name();
    }
}

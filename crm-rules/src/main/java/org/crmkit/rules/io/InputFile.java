package org.crmkit.rules.io;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to read, and the name that messages give it: the path as the user gave it, or another
 * name for a file that stands for something else, such as {@code <stdin>} for standard input
 * copied to a temporary file. Immutable and thread-safe.
 *
 * @param path where the bytes are; not null
 * @param name what problems and messages call it; not null
 */
public record InputFile(Path path, String name) {
    /** Checks the arguments. */
    public InputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
    }

    /**
     * A file named by its path.
     *
     * @param path the path as the user gave it; not null
     * @return the file, named {@code path.toString()}
     */
    public static InputFile of(Path path) {
        return new InputFile(path, Objects.requireNonNull(path, "path").toString());
    }

    /** @return the name, as messages print the file */
    @Override
    public String toString() {
        return name;
    }
}

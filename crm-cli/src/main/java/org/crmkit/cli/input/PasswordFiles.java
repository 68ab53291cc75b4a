package org.crmkit.cli.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.crmkit.core.InvalidValueException;

/**
 * Reads the password that {@code --password-file} names: the file's first line, without its line
 * end, so that {@code echo secret > file} works. Messages name the file, never its content.
 */
public final class PasswordFiles {
    private PasswordFiles() {
    }

    /**
     * Reads a password.
     *
     * @param file the file or standard input; not null
     * @return the password
     * @throws InvalidValueException if the file cannot be read or its first line is empty
     */
    public static String read(FileArgument file) {
        byte[] bytes;
        if (file.isStandardInput()) {
            bytes = file.standardInput().bytes();
        } else {
            try {
                bytes = Files.readAllBytes(file.path().orElseThrow());
            } catch (NoSuchFileException e) {
                throw new InvalidValueException("Password file '" + file.name() + "' not found");
            } catch (IOException e) {
                throw new InvalidValueException("Could not read the password file '" + file.name() + "': " + e);
            }
        }
        String password = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (password.isEmpty()) {
            throw new InvalidValueException("Password file '" + file.name() + "' is empty: its first line is the"
                    + " password");
        }
        return password;
    }
}

package org.crmkit.cli.database;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user and password a database is opened with, never taken from an option value, so that they
 * stay out of shell histories and process lists: the user from {@value #USER}, the password from a
 * file ({@code --password-file}) or else from {@value #PASSWORD}. Either may be absent, when the
 * JDBC URL or the driver's defaults say who connects. Immutable; {@link #toString()} never shows
 * the password.
 *
 * @param user the user name; not null
 * @param password the password; not null
 */
public record Credentials(Optional<String> user, Optional<String> password) {
    /** The environment variable of the user name. */
    public static final String USER = "CRM_JDBC_USER";
    /** The environment variable of the password, when no password file is given. */
    public static final String PASSWORD = "CRM_JDBC_PASSWORD";

    /** Checks the invariants. */
    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * The credentials of a run: the user from the environment, the password from the file if one
     * was read, else from the environment. Empty variables count as absent.
     *
     * @param environment the process's environment variables (injected, for tests); not null
     * @param passwordFile the password read from {@code --password-file}, if given; not null
     * @return the credentials
     */
    public static Credentials of(Map<String, String> environment, Optional<String> passwordFile) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(passwordFile, "passwordFile");
        return new Credentials(variable(environment, USER),
                passwordFile.isPresent() ? passwordFile : variable(environment, PASSWORD));
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    /** @return the user and whether a password is set, never the password */
    @Override
    public String toString() {
        return "Credentials[user=" + user.orElse("(none)") + ", password=" + (password.isPresent() ? "***" : "(none)")
                + "]";
    }
}

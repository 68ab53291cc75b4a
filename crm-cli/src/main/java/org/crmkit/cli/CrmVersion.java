package org.crmkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code crm --version}: the version, the commit and the build date, from {@code build.properties},
 * which the build fills in. A commit the build could not find (no {@code .git} in a source archive,
 * no git installed) is {@code unknown}; a value a build without resource filtering (an IDE) left as
 * {@code ${...}} reads as unknown too.
 */
final class CrmVersion implements IVersionProvider {
    static final String RESOURCE = "build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {line(properties())};
    }

    /**
     * The version line, e.g. {@code crm 0.1.0 (commit 0123456789ab, built 2026-03-31T09:00:00Z)}.
     *
     * @param build the build's properties: {@code version}, {@code commit}, {@code date}
     * @return the line
     */
    static String line(Properties build) {
        String version = known(build, "version").orElse("(development build)");
        String commit = known(build, "commit").filter(id -> !id.equals("unknown")).map(id -> "commit " + id)
                .orElse("unknown commit");
        String date = known(build, "date").map(day -> "built " + day).orElse("unknown build date");
        return "crm " + version + " (" + commit + ", " + date + ")";
    }

    private static Optional<String> known(Properties build, String key) {
        return Optional.ofNullable(build.getProperty(key)).map(String::strip)
                .filter(value -> !value.isEmpty() && !value.startsWith("${"));
    }

    private static Properties properties() {
        Properties build = new Properties();
        try (InputStream in = CrmVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build;
    }
}

package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrmVersionTest {
    private static Properties properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text.replace("|", "\n")));
        return properties;
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "version=0.1.0|commit=0123456789ab|date=2026-03-31T09:00:00Z"
                    + "; crm 0.1.0 (commit 0123456789ab, built 2026-03-31T09:00:00Z)",
            // A source tree without .git, or no git on the build machine.
            "version=0.1.0|commit=unknown|date=2026-03-31T09:00:00Z; crm 0.1.0 (unknown commit, built 2026-03-31T09:00:00Z)",
            // A build without resource filtering leaves the placeholders.
            "version=${project.version}|commit=${buildNumber}|date=${crm.build.date}"
                    + "; crm (development build) (unknown commit, unknown build date)",
            "''; crm (development build) (unknown commit, unknown build date)"})
    void theLineNamesVersionCommitAndBuildDateOrSaysTheyAreUnknown(String build, String line) throws IOException {
        assertThat(CrmVersion.line(properties(build))).isEqualTo(line);
    }
}

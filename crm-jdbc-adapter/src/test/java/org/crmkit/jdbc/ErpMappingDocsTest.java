package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmkit.jdbc.mapping.ErpMapping;
import org.junit.jupiter.api.Test;

/** The mapping docs/database.md shows is the one the ERP fixture's tests read through. */
class ErpMappingDocsTest {
    private static final String HEADING = "## Reading an ERP's own tables\n";

    @Test
    void theGuidesYamlMappingIsTheFixturesMapping() throws IOException {
        String guide = Files.readString(Path.of("../docs/database.md"), StandardCharsets.UTF_8);
        int section = guide.indexOf(HEADING);
        assertThat(section).as("docs/database.md has '%s'", HEADING.strip()).isNotNegative();
        int start = guide.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = guide.substring(start, guide.indexOf("```", start));

        assertThat(ErpMapping.parse(yaml, "docs/database.md")).isEqualTo(ErpSchema.MAPPING);
    }
}

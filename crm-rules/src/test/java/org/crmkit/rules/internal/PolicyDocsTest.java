package org.crmkit.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed schema (in the jar's resources and in docs/) and the key reference are what the
 * section declarations generate. After changing a declaration, refresh them with the command in
 * {@link PolicyDocsCommand#COMMAND}.
 */
class PolicyDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("crmkit.root.dir", ".."));
    private static final boolean WRITE = Boolean.getBoolean("crmkit.policy.docs.write");

    @Test
    void theSchemaInTheJarIsCurrent() throws IOException {
        check(ROOT.resolve("crm-rules/src/main/resources").resolve(PolicySchema.RESOURCE), PolicySchema.text());
    }

    @Test
    void theSchemaInTheDocsIsCurrent() throws IOException {
        check(ROOT.resolve("docs/policy-schema.json"), PolicySchema.text());
    }

    @Test
    void theKeyReferenceIsCurrent() throws IOException {
        check(ROOT.resolve("docs/policy-reference.md"), PolicyReference.text());
    }

    @Test
    void theJarCarriesTheSchema() throws IOException {
        try (var in = getClass().getClassLoader().getResourceAsStream(PolicySchema.RESOURCE)) {
            assertThat(in).as("the resource %s", PolicySchema.RESOURCE).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(PolicySchema.text());
        }
    }

    private static void check(Path file, String generated) throws IOException {
        if (WRITE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file)).as("%s is missing; generate it with: %s", file, PolicyDocsCommand.COMMAND)
                .isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s differs from what the section declarations generate; refresh it with: %s", file,
                        PolicyDocsCommand.COMMAND)
                .isEqualTo(generated);
    }
}

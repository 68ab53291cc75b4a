package org.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.crmkit.rules.internal.PolicySchema;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.policy.PolicyValidationException;

/**
 * The policy documents of the tests, read by the loader and checked against the published JSON
 * Schema (networknt, draft 2020-12) in one step, so that every fixture also pins down what the
 * schema catches: a valid document must be schema-valid, a broken one must be rejected by the schema
 * when its problem is one of {@link Broken#STRUCTURE} and accepted when it is one of
 * {@link Broken#MEANING}, which only the loader can see.
 */
public final class PolicyDocuments {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(PolicySchema.text());
    private static final YAMLMapper YAML = new YAMLMapper();

    /** What the schema says of a document the loader rejects. */
    public enum Broken {
        /** A wrong type, an unknown or missing key, a word or number out of range: the schema rejects it too. */
        STRUCTURE,
        /**
         * References between sections, sums, order, names within a section, dates, calendars and
         * files: the schema accepts the document, the loader alone rejects it.
         */
        MEANING
    }

    private PolicyDocuments() {
    }

    /**
     * Loads a valid document, after checking that the schema accepts it.
     *
     * @param document the YAML or JSON text
     * @param source the name for messages; {@code .json} selects JSON
     * @return the policy
     */
    public static Policy load(String document, String source) {
        return load(document, source, Optional.empty());
    }

    /**
     * Loads a valid document whose calendar files lie in a folder, after checking that the schema accepts it.
     *
     * @param document the YAML or JSON text
     * @param source the name for messages
     * @param folder the folder of calendar files, if any
     * @return the policy
     */
    public static Policy load(String document, String source, Optional<Path> folder) {
        assertSchemaAccepts(document);
        return PolicyLoader.parse(document, source, folder);
    }

    /**
     * Asserts that the schema accepts a document.
     *
     * @param document the YAML or JSON text
     */
    public static void assertSchemaAccepts(String document) {
        assertThat(schemaErrors(document)).as("the schema must accept%n%s", document).isEmpty();
    }

    /**
     * Loads a broken document, asserting that the loader rejects it and that the schema rejects or
     * accepts it as its kind of problem says.
     *
     * @param document the YAML or JSON text
     * @param source the name for messages
     * @param broken what is broken: structure, which the schema must reject too, or meaning, which it must accept
     * @return the loader's problems, e.g. {@code acme.yaml:9: clv.horizon: must be at least 1, was 0}
     */
    public static List<String> rejected(String document, String source, Broken broken) {
        return rejected(document, source, Optional.empty(), broken);
    }

    /**
     * Loads a broken document whose calendar files lie in a folder; see {@link #rejected(String, String, Broken)}.
     *
     * @param document the YAML or JSON text
     * @param source the name for messages
     * @param folder the folder of calendar files, if any
     * @param broken what is broken
     * @return the loader's problems
     */
    public static List<String> rejected(String document, String source, Optional<Path> folder, Broken broken) {
        PolicyValidationException thrown = catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyLoader.parse(document, source, folder));
        assertThat(thrown).as("the loader must reject%n%s", document).isNotNull();
        List<String> problems = thrown.problems().stream().map(InputProblem::toString).toList();
        if (broken == Broken.STRUCTURE) {
            assertThat(schemaErrors(document)).as("the schema must reject, as the loader does with %s,%n%s",
                    problems, document).isNotEmpty();
        } else {
            assertThat(schemaErrors(document)).as("the schema must accept, as only meaning is broken (%s),%n%s",
                    problems, document).isEmpty();
        }
        return problems;
    }

    /**
     * What the schema finds wrong with a document.
     *
     * @param document the YAML or JSON text, which must be YAML (JSON is YAML)
     * @return the schema's errors, empty when it accepts the document
     */
    public static List<Error> schemaErrors(String document) {
        JsonNode tree;
        try {
            tree = YAML.readTree(document);
        } catch (IOException e) {
            throw new AssertionError("not YAML: " + e.getMessage(), e);
        }
        return SCHEMA.validate(tree == null || tree.isMissingNode() ? NullNode.getInstance() : tree);
    }
}

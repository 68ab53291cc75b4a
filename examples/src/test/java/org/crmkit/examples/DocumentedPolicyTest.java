package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.CadencePolicy;
import org.crmkit.rules.clv.ClvPolicy;
import org.crmkit.rules.lifecycle.LifecyclePolicy;
import org.crmkit.rules.relationship.RelationshipPolicy;
import org.crmkit.rules.segment.SegmentationPolicy;
import org.crmkit.rules.sla.SlaPolicy;
import org.crmkit.rules.tiering.TieringPolicy;
import org.junit.jupiter.api.Test;

/**
 * The policy texts the guides show are what they say: the keys shown "with the standard policy's
 * values" are the built-in standard policy's sections, and the example document is a valid policy.
 */
class DocumentedPolicyTest {
    /** A header and the standard policy's four tiers, so that sections naming tiers can be loaded alone. */
    private static final String HEADER = """
            id: guides
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            tiers:
              - name: core
                when: {spend: {gte: 100000}}
              - name: important
                when: {spend: {gte: 30000}}
              - name: basic
                when: {spend: {gt: 0}}
              - name: potential
                when: {inquiries: {gte: 1}}
            """;

    @Test
    void theLifecycleAndClvGuidesKeysAreTheStandardPolicysSections() {
        Policy standard = PolicyLoader.standard();
        String sections = Guides.blockAfter(Guides.read("docs/lifecycle.md"), "## Policy keys", "yaml")
                + Guides.blockAfter(Guides.read("docs/clv.md"), "## Policy keys", "yaml");

        Policy documented = PolicyLoader.parse(HEADER + sections, "docs/lifecycle.md");

        assertThat(documented.section(SegmentationPolicy.class)).isEqualTo(standard.section(SegmentationPolicy.class));
        assertThat(documented.find(RelationshipPolicy.class)).isEqualTo(standard.find(RelationshipPolicy.class));
        assertThat(documented.find(LifecyclePolicy.class)).isEqualTo(standard.find(LifecyclePolicy.class));
        assertThat(documented.section(ClvPolicy.class)).isEqualTo(standard.section(ClvPolicy.class));
    }

    @Test
    void theSlaGuidesKeysAreTheStandardPolicysCalendarsAndSla() {
        Policy standard = PolicyLoader.standard();

        Policy documented = PolicyLoader.parse(HEADER + Guides.blockAfter(Guides.read("docs/sla.md"),
                "## Policy keys", "yaml"), "docs/sla.md");

        assertThat(documented.calendars()).isEqualTo(standard.calendars());
        assertThat(documented.section(SlaPolicy.class)).isEqualTo(standard.section(SlaPolicy.class));
    }

    @Test
    void theCadencesGuidesKeysAreTheStandardPolicysCadences() {
        Policy standard = PolicyLoader.standard();
        String calendars = Guides.blockAfter(Guides.read("docs/sla.md"), "## Policy keys", "yaml");
        String cadences = Guides.blockAfter(Guides.read("docs/cadences.md"), "## Policy keys", "yaml");

        Policy documented = PolicyLoader.parse(HEADER + calendars + cadences, "docs/cadences.md");

        assertThat(documented.find(CadencePolicy.class)).isPresent().isEqualTo(standard.find(CadencePolicy.class));
    }

    @Test
    void thePolicyGuidesExampleDocumentIsAValidPolicy() {
        Policy documented = PolicyLoader.parse(Guides.blockAfter(Guides.read("docs/policy.md"), "## The document",
                "yaml"), "docs/policy.md");

        assertThat(documented.ref()).hasToString("acme-tiers@7");
        assertThat(documented.section(TieringPolicy.class).rules()).extracting(rule -> rule.name()).containsExactly("core");
    }

    @Test
    void theReadmesCoordinatesAreTheBomsAndNameItsArtifacts() {
        String shown = Guides.blockAfter(Guides.read("README.md"), "<!-- checked: bom -->", "xml");
        String bom = Guides.read("crm-bom/pom.xml");

        assertThat(shown).contains("<groupId>org.crmkit</groupId>\n      <artifactId>crm-bom</artifactId>\n"
                + "      <version>" + first(bom, "<version>([^<]+)</version>") + "</version>");
        List<String> artifacts = all(shown, "<artifactId>([^<]+)</artifactId>");
        assertThat(artifacts).contains("crm-bom", "crm-rules", "crm-jdbc-adapter");
        assertThat(artifacts).allSatisfy(artifact -> assertThat(bom).contains("<artifactId>" + artifact + "</artifactId>"));
    }

    private static String first(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("'%s' in the text", regex).isTrue();
        return matcher.group(1);
    }

    private static List<String> all(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().map(result -> result.group(1)).toList();
    }
}

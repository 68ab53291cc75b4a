package org.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.rules.PolicyDocuments.Broken.MEANING;
import static org.crmkit.rules.PolicyDocuments.Broken.STRUCTURE;

import org.crmkit.rules.sla.SlaPolicy;
import org.junit.jupiter.api.Test;

/** Each section is read and checked on its own: a broken section hides no other section's problems. */
class SectionProblemsTest {
    /** Valid; the cases break lines 10, 15 and 17. */
    static final String VALID = """
            id: acme
            version: 1
            effective_from: 2026-01-01
            currency: CNY
            time_zone: Asia/Shanghai
            calendars:
              office: {hours: {mon-fri: ["09:00-18:00"]}}
            tiers:
              - name: gold
                when: {spend: {gte: 100}}
            sla:
              calendar: office
              targets:
                - name: complaints
                  when: {tiers: [gold]}
                  milestones:
                    - {name: first_response, within: 1h, met_by: [responded]}
            clv: {horizon: 52}
            """;

    @Test
    void theFixtureIsValid() {
        assertThat(PolicyDocuments.load(VALID, "acme.yaml").section(SlaPolicy.class).targets()).hasSize(1);
    }

    @Test
    void aBrokenTierListHidesNeitherTheSlaNorTheClvProblems() {
        String document = VALID.replace("{gte: 100}", "{gte: lots}").replace("within: 1h", "within: an hour")
                .replace("horizon: 52", "horizon: 0");

        assertThat(problems(document, STRUCTURE)).containsExactly(
                "acme.yaml:10: tiers[0].when.spend.gte: must be a number, was 'lots'",
                "acme.yaml:17: sla.targets[0].milestones[0].within: must be a duration like 1h, 30m or 1h30m,"
                        + " was 'an hour'",
                "acme.yaml:18: clv.horizon: must be at least 1, was 0");
    }

    @Test
    void aTierReferenceIsCheckedWhenTheTiersCouldBeRead() {
        assertThat(problems(VALID.replace("tiers: [gold]", "tiers: [platinum]"), MEANING)).containsExactly(
                "acme.yaml:15: sla.targets[0].when.tiers[0]: unknown tier 'platinum', expected one of gold");
    }

    @Test
    void aTierReferenceIsNotCheckedAgainstTiersThatCouldNotBeRead() {
        // Which tiers exist is unknown while the tier list is broken; its own problem is the one to fix first.
        String document = VALID.replace("{gte: 100}", "{gte: lots}").replace("tiers: [gold]", "tiers: [platinum]");

        assertThat(problems(document, STRUCTURE)).containsExactly(
                "acme.yaml:10: tiers[0].when.spend.gte: must be a number, was 'lots'");
    }

    @Test
    void aCalendarReferenceIsNotCheckedAgainstCalendarsThatCouldNotBeRead() {
        String document = VALID.replace("09:00-18:00", "09:00-33:00").replace("calendar: office", "calendar: shop")
                .replace("within: 1h", "within: an hour");

        assertThat(problems(document, STRUCTURE)).hasSize(2).first().asString()
                .startsWith("acme.yaml:7: calendars.office");
        assertThat(problems(document, STRUCTURE).get(1)).isEqualTo("acme.yaml:17: sla.targets[0].milestones[0].within: must be"
                + " a duration like 1h, 30m or 1h30m, was 'an hour'");
    }

    private static java.util.List<String> problems(String document, PolicyDocuments.Broken broken) {
        return PolicyDocuments.rejected(document, "acme.yaml", broken);
    }
}

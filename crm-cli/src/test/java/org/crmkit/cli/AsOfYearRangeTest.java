package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --as-of} is limited to the years 0001..9999 in every command: ISO dates far beyond them
 * parse, but the windows around them overflow, which used to end in "unexpected error".
 */
class AsOfYearRangeTest {
    private static final List<String> TIER = List.of("tier", "--customers", CrmRun.fixture("customers.csv"),
            "--orders", CrmRun.fixture("orders.csv"), "--interactions", CrmRun.fixture("interactions.csv"));

    private static final List<String> SLA = List.of("sla", "--complaints", CrmRun.slaFixture("complaints.csv"),
            "--events", CrmRun.slaFixture("complaint_events.csv"));
    private static final List<String> SLA_REVIEW = List.of("sla", "review", "--complaints",
            CrmRun.slaFixture("complaints.csv"), "--events", CrmRun.slaFixture("complaint_events.csv"));

    private static CrmRun run(List<String> command, String asOf) {
        List<String> args = new ArrayList<>(command);
        args.add("--as-of");
        args.add(asOf);
        return CrmRun.of(args.toArray(String[]::new));
    }

    static Stream<Arguments> outOfRange() {
        List<List<String>> commands = List.of(TIER, SLA, SLA_REVIEW, List.of("policy", "lint"),
                List.of("policy", "show"));
        List<String> dates = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31",
                "-0001-01-01");
        return commands.stream().flatMap(command -> dates.stream().map(date -> Arguments.of(command, date)));
    }

    @ParameterizedTest(name = "{0} --as-of {1}")
    @MethodSource("outOfRange")
    void yearsOutsideOneToNineThousandNineHundredNinetyNineAreAUsageError(List<String> command, String asOf) {
        CrmRun run = run(command, asOf);

        String name = "crm " + String.join(" ", command.stream().takeWhile(word -> !word.startsWith("--")).toList());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                name + ": Invalid value for option '--as-of': year must be between 1 and 9999, was '" + asOf + "'",
                "Try '" + name + " --help' for more information.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "9999-12-31"})
    void theFirstAndLastDayOfTheRangeAreDecided(String asOf) {
        CrmRun run = run(TIER, asOf);

        assertThat(run.status()).isZero();
        assertThat(run.json()).allSatisfy(line -> assertThat(line.get("as_of").asText()).isEqualTo(asOf));
        assertThat(run.err()).contains(" as of " + asOf + ", policy standard@2026.1, metrics over ")
                .doesNotContain("unexpected error");
    }

    @Test
    void onTheLastDayOfTheRangeEveryCustomerIsDecided() {
        CrmRun run = run(TIER, "9999-12-31");

        assertThat(run.json()).extracting(line -> line.get("customer_id").asText())
                .containsExactly("c-001", "c-002", "c-003", "c-004", "c-005");
    }
}

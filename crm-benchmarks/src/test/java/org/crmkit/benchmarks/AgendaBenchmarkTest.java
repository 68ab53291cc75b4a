package org.crmkit.benchmarks;

import org.crmkit.rules.cadence.CadencePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.crmkit.core.model.Tier;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.CadenceCustomer;
import org.crmkit.rules.cadence.OwnerKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark plans a realistic month: its base has the shares it promises, and the plan uses every owner. */
class AgendaBenchmarkTest {
    private static final AgendaBenchmark BENCHMARK = new AgendaBenchmark();
    private static Agenda agenda;
    private static List<CadenceCustomer> customers;

    @BeforeAll
    static void planOnce() {
        BENCHMARK.setUp();
        agenda = BENCHMARK.planOneMonth();
        customers = AgendaCustomers.generate(AgendaBenchmark.CUSTOMERS, AgendaBenchmark.SEED, AgendaBenchmark.FROM);
    }

    @Test
    void theBaseHasThePlansTierSharesAndSomePreferences() {
        Map<String, Long> tiers = customers.stream().collect(Collectors.groupingBy(
                customer -> customer.tier().map(Tier::name).orElseThrow(), Collectors.counting()));

        assertThat(customers).hasSize(10_000);
        assertThat(tiers.get("core")).isBetween(900L, 1_100L);
        assertThat(tiers.get("important")).isBetween(2_800L, 3_200L);
        assertThat(tiers.get("basic")).isBetween(3_800L, 4_200L);
        assertThat(tiers.get("potential")).isBetween(1_800L, 2_200L);
        assertThat(customers).filteredOn(customer -> !customer.customer().contactPreferences().doNotContact().isEmpty())
                .hasSizeBetween(400, 800);
        assertThat(customers).filteredOn(customer -> customer.customer().contactPreferences().preferredDays()
                .contains(DayOfWeek.SATURDAY)).hasSizeBetween(350, 650);
        assertThat(customers).filteredOn(CadenceCustomer::complaintOpen).hasSizeBetween(50, 150);
        assertThat(customers).filteredOn(customer -> !customer.interactions().isEmpty()).hasSizeGreaterThan(7_000);
    }

    @Test
    void theSameSeedGivesTheSameBase() {
        assertThat(AgendaCustomers.generate(50, AgendaBenchmark.SEED, AgendaBenchmark.FROM))
                .isEqualTo(customers.subList(0, 50));
    }

    @Test
    void theSalesTeamHasItsMembersAndTheStandardCapacity() {
        var standard = PolicyLoader.standard().find(CadencePolicy.class).orElseThrow();
        var pool = AgendaCustomers.withSalesTeam(standard).pool(OwnerKind.SALES_TEAM);

        assertThat(pool.members()).hasSize(AgendaCustomers.SALES_REPS);
        assertThat(pool.dailyCapacity()).isEqualTo(standard.pool(OwnerKind.SALES_TEAM).dailyCapacity());
        assertThat(AgendaCustomers.withSalesTeam(standard).rules()).isEqualTo(standard.rules());
    }

    @Test
    void theMonthIsPlannedForEveryKindOfOwnerWithinTheMonth() {
        Map<OwnerKind, Long> byKind = agenda.planned().stream().collect(Collectors.groupingBy(
                contact -> contact.rule().owner(), Collectors.counting()));

        assertThat(byKind).containsKeys(OwnerKind.ACCOUNT_MANAGER, OwnerKind.SALES_TEAM, OwnerKind.AUTOMATION);
        assertThat(agenda.planned()).allSatisfy(contact -> assertThat(contact.date())
                .isBetween(AgendaBenchmark.FROM, AgendaBenchmark.TO));
        assertThat(agenda.planned().stream().map(contact -> contact.owner()).distinct().count())
                .as("account managers and sales reps share the work").isGreaterThan(AgendaCustomers.SALES_REPS);
        assertThat(agenda.assignments()).isNotEmpty();
        Map<String, CadenceCustomer> byId = customers.stream().collect(Collectors.toMap(
                customer -> customer.customer().id().value(), customer -> customer));
        assertThat(agenda.planned()).noneMatch(contact -> byId.get(contact.customerId().value()).customer()
                .contactPreferences().doNotContact().contains(contact.channel()));
    }

    @Test
    void theSinkReceivesEveryContactAndAssignmentOfTheAgenda() {
        assertThat(BENCHMARK.planOneMonthIntoASink())
                .isEqualTo(agenda.planned().size() + agenda.unscheduled().size() + agenda.assignments().size());
    }

    @Test
    void theGeneratorStreamsTheBaseItGenerates() {
        List<CadenceCustomer> streamed = new ArrayList<>();

        AgendaCustomers.forEach(200, AgendaBenchmark.SEED, AgendaBenchmark.FROM, streamed::add);

        assertThat(streamed).isEqualTo(customers.subList(0, 200));
    }

    @Test
    void planningIsDeterministic() {
        assertThat(BENCHMARK.planOneMonth()).isEqualTo(agenda);
    }
}

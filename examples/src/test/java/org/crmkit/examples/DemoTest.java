package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.StaffId;
import org.crmkit.rules.cadence.Agenda;
import org.crmkit.rules.cadence.ManagerAssignment;
import org.crmkit.rules.cadence.OwnerKind;
import org.crmkit.rules.lifecycle.CustomerAssessment;
import org.crmkit.rules.relationship.LevelEvidence;
import org.crmkit.rules.sla.MilestoneStatus.Status;
import org.crmkit.rules.sla.WeeklyReview;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoTest {
    private static String output;
    private static String log;
    private static Demo.Result result;

    @BeforeAll
    static void runTheDemoWithItsDefaults() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        // The library logs through slf4j-simple, which writes to whatever System.err is at the time.
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(logged, true, StandardCharsets.UTF_8)) {
            System.setErr(err);
            result = Demo.run(Demo.Options.defaults(), out);
        } finally {
            System.setErr(standardError);
        }
        output = bytes.toString(StandardCharsets.UTF_8);
        log = logged.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fitsTheLifetimeValueModelsWithNoParameterAtTheBoundOfItsSearchRange() {
        // The log was captured: the tiering service reports both runs in it.
        assertThat(log).contains("Tiered 10000 customers as of 2026-03-31")
                .contains("Tiered 10000 customers as of 2026-06-30")
                .doesNotContain("at the bound").doesNotContain("WARN");
        assertThat(result.lifecycle().model()).hasSizeGreaterThanOrEqualTo(2)
                .noneMatch(note -> note.contains("at the bound"));
        assertThat(output).doesNotContain("at the bound");
    }

    @Test
    void printsWhatItDidAndThePolicy() {
        assertThat(output).contains("generated  10,000 customers (seed 20260331)")
                .contains("policy     standard@2026.1")
                .contains("2025-04-01..2026-03-31");
    }

    @Test
    void printsTheDistributionTableWithActualAndExpectedShares() {
        assertThat(output).contains("Tier distribution as of 2026-03-31")
                .containsPattern("tier +customers +actual +expected")
                .containsPattern("core +[\\d,]+ +\\d+\\.\\d\\d% +10\\.00%")
                .containsPattern("important +[\\d,]+ +\\d+\\.\\d\\d% +30\\.00%")
                .containsPattern("basic +[\\d,]+ +\\d+\\.\\d\\d% +40\\.00%")
                .containsPattern("potential +[\\d,]+ +\\d+\\.\\d\\d% +20\\.00%")
                .containsPattern("\\(no tier\\) +[\\d,]+ +\\d+\\.\\d\\d% +-")
                .containsPattern("total +10,000 +100\\.00%");
    }

    @Test
    void explainsACorePotentialAndABigSpenderWithTooFewActiveQuarters() {
        assertThat(output).containsPattern("C\\d{6} -> core: ")
                .containsPattern("rule core matched: spend \\d+\\.\\d\\d >= 100000 met; active_quarters [34] >= 3 met")
                .containsPattern("C\\d{6} -> important: spend of 100,000 or more")
                .containsPattern("rule core not matched: spend \\d{6,}\\.\\d\\d >= 100000 met; "
                        + "active_quarters 2 >= 3 not met")
                .containsPattern("C\\d{6} -> potential: ")
                .contains("rule potential matched: spend 0.00 = 0 met; inquiries ")
                .doesNotContain("(no customer in this base");
    }

    @Test
    void reportsTheEventsOfBothEvaluations() {
        assertThat(result.firstEvents()).isEqualTo(result.first().changes()).isPositive();
        assertThat(result.secondEvents()).isEqualTo(result.second().changes()).isPositive();
        assertThat(result.second().asOf()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(output).contains(String.format(Locale.ROOT,
                        "Events: %,d TierChanged events published", result.firstEvents()))
                .contains("A quarter later: evaluation as of 2026-06-30")
                .contains(String.format(Locale.ROOT, "%,d customers changed tier",
                        result.second().changes()))
                .containsPattern("Example event: TierChanged C\\d{6} core -> \\S+ \\(DEMOTION\\) as of 2026-06-30")
                .containsPattern("assignment history: 2026-03-31 core, 2026-06-30 ");
    }

    @Test
    void printsTheSlaStatusOfEveryMilestoneAtTheEndOfTheAsOfDay() {
        Demo.SlaResult sla = result.sla();

        assertThat(sla.asOf()).isEqualTo(Instant.parse("2026-03-31T15:59:59.999999999Z"));
        assertThat(sla.cases()).isNotEmpty().allSatisfy(caseSla ->
                assertThat(caseSla.serviceCase().openedAt().toInstant()).isBeforeOrEqualTo(sla.asOf()));
        assertThat(output).contains("Complaint SLAs at the end of 2026-03-31 (Asia/Shanghai), evaluated by SlaService")
                .containsPattern("targets +complaint_1_24_48 [\\d,]+, no target [\\d,]+, basic_inquiry_48 [\\d,]+")
                .containsPattern("milestone +met +breached +running +paused +warning");
        for (String milestone : List.of("first_response", "solution", "resolution")) {
            StringBuilder row = new StringBuilder(milestone);
            for (Status status : List.of(Status.MET, Status.BREACHED, Status.RUNNING, Status.PAUSED, Status.WARNING)) {
                long count = sla.cases().stream().flatMap(caseSla -> caseSla.milestone(milestone).stream())
                        .filter(milestoneStatus -> milestoneStatus.status() == status).count();
                row.append(" +").append(String.format(Locale.ROOT, "%,d", count));
            }
            assertThat(output).containsPattern(row.toString());
        }
        // Mostly met: the synthetic service desk answers most complaints within the hour.
        long met = sla.cases().stream().flatMap(caseSla -> caseSla.milestone("first_response").stream())
                .filter(status -> status.status() == Status.MET).count();
        assertThat(met).isGreaterThan(sla.cases().size() / 2);
    }

    @Test
    void publishesEachSlaEventOnce() {
        assertThat(result.sla().eventsPublished()).isPositive();
        assertThat(result.sla().eventsRepublished()).isZero();
        assertThat(output).containsPattern("events +[\\d,]+ MilestoneMet, [\\d,]+ SlaWarning, [\\d,]+ SlaBreached"
                + " published; evaluating again published 0 more");
    }

    @Test
    void explainsOneCaseMilestoneByMilestone() {
        assertThat(output).containsPattern("One case explained: C\\d{6}-CP\\d{2}, a P\\d complaint")
                .containsPattern("paused, waiting on the customer")
                .containsPattern("milestone +due +met +status")
                .containsPattern("first_response +2026-03-\\d\\d \\d\\d:\\d\\d +2026-03-\\d\\d \\d\\d:\\d\\d +met ")
                .containsPattern("resolution +20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d +- +paused: [\\d h min]+ left");
    }

    @Test
    void reviewsTheAsOfWeekAtItsEnd() {
        WeeklyReview review = result.sla().review();

        assertThat(review.week()).isEqualTo("2026-W14");
        assertThat(review.casesOpened()).isPositive();
        assertThat(review.milestones()).extracting(summary -> summary.target() + "/" + summary.name())
                .containsExactlyInAnyOrder("complaint_1_24_48/first_response", "complaint_1_24_48/solution",
                        "complaint_1_24_48/resolution", "basic_inquiry_48/first_response");
        assertThat(output).contains("Weekly review 2026-W14 (2026-03-30..2026-04-05), as of the week's end")
                .contains(String.format(Locale.ROOT, "cases      %,d opened", review.casesOpened()))
                .containsPattern("causes +\\w[\\w ]* [\\d,]+ \\(\\d+\\.\\d%\\)")
                .containsPattern("channels +\\w+ [\\d,]+ \\(\\d+\\.\\d%\\)")
                .containsPattern("target / milestone +cases +on time +late +breached +open +on time % +median +p90")
                .containsPattern("complaint_1_24_48 / first_response +[\\d,]+ +[\\d,]+ +[\\d,]+ +[\\d,]+ +[\\d,]+ +\\d+\\.\\d% +\\d")
                .contains(String.format(Locale.ROOT, "open breaches: %,d (milestones past due",
                        review.openBreaches().size()))
                .contains(String.format(Locale.ROOT, "repeat complainers: %,d (customers with 2 or more complaints",
                        review.repeatComplainers().size()));
        assertThat(review.repeatComplainers()).isNotEmpty();
    }

    @Test
    void plansTheMonthAfterTheAsOfDayForEveryKindOfOwner() {
        Agenda agenda = result.agenda();

        assertThat(agenda.from()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(agenda.to()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(agenda.planned()).allSatisfy(contact -> assertThat(contact.date())
                .isBetween(agenda.from(), agenda.to()).isAfterOrEqualTo(contact.due()));
        assertThat(agenda.planned()).extracting(contact -> contact.rule().owner())
                .contains(OwnerKind.ACCOUNT_MANAGER, OwnerKind.SALES_TEAM, OwnerKind.AUTOMATION);
        assertThat(agenda.unscheduled()).allSatisfy(contact -> assertThat(contact.due()).isBeforeOrEqualTo(agenda.to()));
        assertThat(output).contains("Contact planning 2026-04-01..2026-04-30 (AgendaPlanner, calendar office_hours in"
                        + " Asia/Shanghai)")
                .contains(String.format(Locale.ROOT, "planned    %,d contacts; %,d unscheduled; %,d account managers"
                        + " assigned; %,d overdue on 2026-04-01", agenda.planned().size(), agenda.unscheduled().size(),
                        agenda.assignments().size(), agenda.overdue().size()))
                .containsPattern("owner kind +core +important +basic +potential +total")
                .containsPattern("account_manager +[\\d,]+ +0 +0 +0 +[\\d,]+")
                .containsPattern("automation +0 +0 +[\\d,]+ +0 +[\\d,]+")
                .containsPattern("unscheduled by reason: \\w");
    }

    @Test
    void assignsManagersOnlyToCustomersWithoutOneAndTheyCarryTheVisits() {
        Agenda agenda = result.agenda();
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticCustomerBase.Settings.defaults());
        Map<CustomerId, Customer> customers = base.customers().stream()
                .collect(Collectors.toMap(Customer::id, customer -> customer));
        Map<CustomerId, String> assigned = agenda.assignments().stream()
                .collect(Collectors.toMap(ManagerAssignment::customerId, assignment -> assignment.manager().value()));

        assertThat(assigned).isNotEmpty().allSatisfy((customer, manager) ->
                assertThat(customers.get(customer).accountManager()).isEmpty());
        assertThat(agenda.planned()).filteredOn(contact -> contact.rule().owner() == OwnerKind.ACCOUNT_MANAGER)
                .isNotEmpty()
                .allSatisfy(contact -> assertThat(contact.owner()).isEqualTo(customers.get(contact.customerId())
                        .accountManager().map(StaffId::value).orElseGet(() -> assigned.get(contact.customerId()))));
        assertThat(output).contains(String.format(Locale.ROOT, "managers   %,d core customers without an account"
                + " manager got the least loaded one,%n             e.g. %s -> %s", assigned.size(),
                agenda.assignments().get(0).customerId(), agenda.assignments().get(0).manager()));
    }

    @Test
    void showsTheMostOverdueContactsAndOneAccountManagersFirstDays() {
        Agenda.Overdue most = result.agenda().overdue().get(0);

        assertThat(output).containsPattern(String.format(Locale.ROOT, "overdue on 2026-04-01, the most first \\(of %,d\\):",
                        result.agenda().overdue().size()))
                .containsPattern(most.customerId() + " +" + most.tier().orElseThrow() + " +" + most.rule() + " +"
                        + most.owner() + " +due " + most.due() + ", " + String.format(Locale.ROOT, "%,d", most.daysOverdue())
                        + " days overdue")
                .containsPattern("account manager AM\\d+: [\\d,]+ contacts this month, the first 3 days:")
                .containsPattern("2026-04-01 Wed C\\d{6} +monthly_visit +via (visit|video) ");
    }

    @Test
    void analysesLifecycleRelationshipsAndChurnWithTheFittedModel() {
        LifecycleSection.Analysed lifecycle = result.lifecycle();

        assertThat(lifecycle.customers()).hasSize(10_000);
        assertThat(lifecycle.model().get(0)).startsWith("bgnbd fitted on ");
        assertThat(lifecycle.model().get(1)).startsWith("gamma_gamma fitted on ");
        assertThat(lifecycle.stageCounts().values()).allSatisfy(count -> assertThat(count).isPositive());
        // The high-risk list is the early warning: ordered by value at risk, none of them churned.
        List<CustomerAssessment> highRisk = lifecycle.highRisk();
        assertThat(highRisk).isNotEmpty().isSortedAccordingTo(
                Comparator.comparing(CustomerAssessment::valueAtRisk).reversed());
        assertThat(highRisk).allSatisfy(customer -> {
            assertThat(customer.lifecycle().churnRisk().high()).isTrue();
            assertThat(customer.lifecycle().lifecycleStage()).isNotEqualTo(LifecycleStage.CHURNED);
        });
        // Every relationship level occurs, and nobody holds a level without the ones below.
        assertThat(lifecycle.customers()).extracting(customer -> customer.relationship().level().orElse(null))
                .contains(RelationshipLevel.values());
        assertThat(lifecycle.customers()).allSatisfy(customer -> customer.relationship().level()
                .ifPresent(level -> assertThat(customer.relationship().evidence().subList(0, level.ordinal() + 1))
                        .allMatch(LevelEvidence::holds)));
        assertThat(result.lifecycleTransitions()).isPositive();

        assertThat(output).contains("Lifecycle, relationships and churn as of 2026-03-31 (CustomerBaseAnalysis, clv:"
                        + " bgnbd, 52 weeks, annual discount rate 0.10)")
                .containsPattern("acquisition +[\\d,]+ +\\d+\\.\\d%")
                .containsPattern("relationship levels: none [\\d,]+ · trust [\\d,]+ · value [\\d,]+ · emotion [\\d,]+"
                        + " · vision [\\d,]+")
                .containsPattern("A: [\\d,]+ customers \\([\\d.]+%\\), 7\\d\\.\\d\\d% of spend")
                .containsPattern("Early warning: [\\d,]+ high-risk customers \\(churn risk >= 0.6, not churned\\)")
                .contains(highRisk.get(0).customerId() + " explained (CustomerAssessment.reasons()):")
                .containsPattern("Win-back: [\\d,]+ churned customers flagged")
                .containsPattern("A quarter later, as of 2026-06-30: [\\d,]+ customers changed stage");
    }

    @Test
    void endsByPointingAtTheCommandLineOnTheSampleFiles() throws IOException {
        Path root = Path.of(System.getProperty("crmkit.root.dir", "..")).toAbsolutePath().normalize();
        String closing = output.substring(output.lastIndexOf("(done in "));
        List<String> lines = closing.lines().toList();

        assertThat(lines.get(lines.size() - 1)).isEqualTo("Every command, its options, input files and output fields:"
                + " docs/cli.md");
        assertThat(closing).contains("Next: the same engines on the command line")
                .contains("samples/README.md")
                .contains(String.format("from the repository root:%n%n  %s%n%n", Demo.NEXT_COMMAND));
        // The command is an example of the README, which CliGuideTest runs from the repository root
        // and compares with what the README shows; the files it reads and the guides are there.
        assertThat(Files.readString(root.resolve("README.md")))
                .contains("<!-- crm-example -->\n```sh\n" + Demo.NEXT_COMMAND + "\n```\n");
        assertThat(Demo.NEXT_COMMAND).startsWith("./crm tier ");
        List<String> files = List.of(Demo.NEXT_COMMAND.split(" ")).stream().filter(word -> word.startsWith("samples/"))
                .toList();
        assertThat(files).hasSize(3).allSatisfy(file -> assertThat(root.resolve(file)).isRegularFile());
        assertThat(root.resolve("samples/README.md")).isRegularFile();
        assertThat(root.resolve(Demo.CLI_GUIDE)).isRegularFile();
    }

    @Test
    void neverPrintsCustomerNames() {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticCustomerBase.Settings.defaults());

        assertThat(base.customers()).extracting(Customer::name)
                .allSatisfy(name -> assertThat(output).doesNotContain(name));
    }

    @Test
    void readsItsArguments() {
        assertThat(Demo.Options.parse("--customers", "200", "--seed=7", "--as-of", "2025-12-31"))
                .isEqualTo(new Demo.Options(200, 7, LocalDate.of(2025, 12, 31)));
        assertThat(Demo.Options.parse()).isEqualTo(Demo.Options.defaults());
        assertThat(Demo.Options.defaults()).isEqualTo(new Demo.Options(10_000, 20_260_331L, LocalDate.of(2026, 3, 31)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--customers abc        | --customers needs a whole number of customers, was 'abc'",
        "--customers 0          | --customers must be between 1 and 1000000, was 0",
        "--seed x               | --seed needs a whole number, was 'x'",
        "--as-of 2026-02-30     | --as-of needs a day like 2026-03-31, was '2026-02-30'",
        "--as-of                | --as-of needs a value",
        "--verbose              | Unknown argument '--verbose'",
        "--customers=5 extra    | Unknown argument 'extra'",
    })
    void rejectsBadArgumentsNamingThem(String line, String message) {
        assertThatThrownBy(() -> Demo.Options.parse(line.trim().split(" +")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void runsOnASmallBaseToo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Demo.run(new Demo.Options(300, 5, LocalDate.of(2025, 12, 31)), out);
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("generated  300 customers (seed 5)")
                .contains("Tier distribution as of 2025-12-31")
                .contains("Complaint SLAs at the end of 2025-12-31")
                .contains("Weekly review 2026-W01 (2025-12-29..2026-01-04)")
                .contains("Contact planning 2026-01-01..2026-01-31")
                .contains("A quarter later: evaluation as of 2026-03-31")
                .contains("Lifecycle, relationships and churn as of 2025-12-31");
    }
}

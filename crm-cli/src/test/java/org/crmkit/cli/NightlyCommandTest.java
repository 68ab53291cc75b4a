package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.cli.database.Credentials;
import org.crmkit.cli.input.StandardInput;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.ExchangeRate;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.jdbc.JdbcStore;
import org.crmkit.jdbc.job.JobRun;
import org.crmkit.jdbc.mapping.ErpMapping;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code crm nightly} on H2 database files holding an ERP's own tables, read through a mapping
 * file as docs/database.md shows it: the run against the same job through the Java API, a second
 * run, a bad mapping, the credentials and the job lock.
 */
class NightlyCommandTest {
    private static final String USER = "erp";
    private static final String PASSWORD = "Pa55-not-in-messages";
    private static final Map<String, String> ENVIRONMENT = Map.of(Credentials.USER, USER, Credentials.PASSWORD, PASSWORD);
    private static final String AS_OF = "2026-03-31";
    private static final Policy STANDARD = PolicyLoader.standard();

    static final String MAPPING = """
            time_zone: Europe/Berlin
            customers:
              table: partner
              columns:
                id: partner_no
                name: company
                industry: sector
                created_on: since
                strategic_agreement: framework_contract
                account_manager: key_account
            orders:
              table: sales_document
              columns:
                id: doc_no
                customer_id: partner_no
                order_date: doc_date
                amount: net_total
                currency: curr
                category: product_group
              filters:
                - column: doc_status
                  in: [posted]
            interactions:
              table: v_contact
              columns:
                id: log_id
                customer_id: partner_no
                occurred_at: logged_at
                channel: medium
                kind: topic
                outcome: result
            """;

    private static final List<String> ERP = List.of("""
            CREATE TABLE partner (partner_no VARCHAR(128) NOT NULL PRIMARY KEY, company VARCHAR(400) NOT NULL,
                sector VARCHAR(100), since DATE NOT NULL, framework_contract BOOLEAN NOT NULL, key_account VARCHAR(128))""",
            """
            CREATE TABLE sales_document (doc_no VARCHAR(128) NOT NULL PRIMARY KEY, partner_no VARCHAR(128) NOT NULL,
                doc_date DATE NOT NULL, net_total NUMERIC(38, 18) NOT NULL, curr CHAR(3) NOT NULL,
                product_group VARCHAR(200), doc_status VARCHAR(12) NOT NULL)""",
            """
            CREATE TABLE contact_log (log_id VARCHAR(128) NOT NULL PRIMARY KEY, partner_no VARCHAR(128) NOT NULL,
                logged_at TIMESTAMP NOT NULL, medium VARCHAR(16) NOT NULL, topic VARCHAR(16) NOT NULL,
                result VARCHAR(400), deleted BOOLEAN NOT NULL)""",
            "CREATE VIEW v_contact AS SELECT log_id, partner_no, logged_at, medium, topic, result FROM contact_log"
                    + " WHERE deleted = FALSE",
            "INSERT INTO partner VALUES ('p-1', 'Steady Pumps', 'pumps', DATE '2023-02-01', TRUE, 'am-01'),"
                    + " ('p-2', 'Valve Works', NULL, DATE '2024-06-01', FALSE, NULL),"
                    + " ('p-3', 'Small Parts', NULL, DATE '2024-06-01', FALSE, NULL),"
                    + " ('p-4', 'Asks Only', NULL, DATE '2025-01-10', FALSE, NULL),"
                    + " ('p-5', 'Opens Later', NULL, DATE '2026-05-01', FALSE, NULL)",
            "INSERT INTO sales_document VALUES"
                    + " ('d-1', 'p-1', DATE '2025-05-10', 60000, 'CNY', 'pumps', 'posted'),"
                    + " ('d-2', 'p-1', DATE '2025-08-10', 60000, 'CNY', 'pumps', 'posted'),"
                    + " ('d-3', 'p-1', DATE '2025-11-10', 60000, 'CNY', 'valves', 'posted'),"
                    + " ('d-4', 'p-1', DATE '2026-02-10', 60000, 'CNY', 'pumps', 'posted'),"
                    + " ('d-5', 'p-2', DATE '2025-09-01', 45000, 'CNY', 'valves', 'posted'),"
                    + " ('d-6', 'p-2', DATE '2026-01-20', 30000, 'CNY', 'valves', 'posted'),"
                    + " ('d-7', 'p-3', DATE '2026-03-01', 4000, 'CNY', 'parts', 'posted'),"
                    + " ('x-7', 'p-3', DATE '2026-03-02', 900000, 'CNY', 'parts', 'cancelled')",
            "INSERT INTO contact_log VALUES"
                    + " ('l-1', 'p-4', TIMESTAMP '2026-03-02 09:15:00', 'phone', 'inquiry', NULL, FALSE),"
                    + " ('l-2', 'p-1', TIMESTAMP '2026-03-05 10:00:00', 'visit', 'visit', 'ok', FALSE)");

    @TempDir
    Path dir;

    private Path mapping;

    @BeforeEach
    void writeTheMapping() throws IOException {
        mapping = Files.writeString(dir.resolve("erp.yaml"), MAPPING);
    }

    /** @return the URL of a new H2 database file holding the ERP's tables */
    private String erpDatabase(String name) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve(name);
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String sql : ERP) {
                statement.execute(sql);
            }
        }
        return url;
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    private static CrmRun nightly(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("nightly"));
        all.addAll(List.of(args));
        int status = Crm.run(CrmRun.CLOCK, environment, InputStream.nullInputStream(), new PrintWriter(out),
                new PrintWriter(err), false, all.toArray(String[]::new));
        return new CrmRun(status, out.toString(), err.toString());
    }

    @Test
    void tiersAssessesAndChecksSlasAsTheJobsDoThroughTheJavaApiAndPrintsTheRuns() throws Exception {
        String url = erpDatabase("erp");
        String twin = erpDatabase("twin");
        JobRun tiered;
        JobRun assessed;
        JobRun checked;
        JobRun planned;
        try (JdbcStore store = JdbcStore.create(dataSource(twin), ErpMapping.read(mapping))) {
            tiered = store.tieringJob(STANDARD, CrmRun.CLOCK).run(java.time.LocalDate.parse(AS_OF));
            assessed = store.assessmentJob(STANDARD, CrmRun.CLOCK).run(java.time.LocalDate.parse(AS_OF));
            checked = store.slaJob(STANDARD, CrmRun.CLOCK).run(java.time.LocalDate.parse(AS_OF));
            planned = store.agendaJob(STANDARD, CrmRun.CLOCK).run(java.time.LocalDate.parse(AS_OF));
        }

        CrmRun run = nightly(ENVIRONMENT, "--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        // Four partners exist on the day (p-5 opens in May); p-1, p-2 and p-3 get a tier, p-4 is a prospect.
        assertThat(tiered.customers()).isEqualTo(4);
        assertThat(tiered.events()).isPositive();
        // Every customer's first assessment is a row, and a first lifecycle stage an event.
        assertThat(assessed.customers()).isEqualTo(4);
        assertThat(assessed.changes()).isEqualTo(4);
        assertThat(assessed.events()).isEqualTo(4);
        assertThat(run.out().lines().toList()).containsExactly(
                "tiering as of 2026-03-31 with policy " + STANDARD.header().ref() + ": complete",
                "customers: " + tiered.customers(),
                "history rows: " + tiered.changes(),
                "events: " + tiered.events(),
                "assessment as of 2026-03-31 with policy " + STANDARD.header().ref() + ": complete",
                "customers: " + assessed.customers(),
                "history rows: " + assessed.changes(),
                "events: " + assessed.events(),
                // The standard policy has SLA targets; the mapping maps no complaints, and crmkit's own
                // complaint table is empty.
                "sla as of 2026-03-31 with policy " + STANDARD.header().ref() + ": complete",
                "customers: 0",
                "history rows: 0",
                "events: 0",
                "agenda as of 2026-03-31 with policy " + STANDARD.header().ref() + ": complete",
                "customers: " + planned.customers(),
                "history rows: " + planned.changes(),
                "events: 0");
        assertThat(checked.customers()).isZero();
        // The standard policy has cadences: the tiered partners get contacts on 2026-04-01, a Wednesday.
        assertThat(planned.customers()).isPositive();
        assertThat(count(url, "SELECT COUNT(*) FROM crm_agenda WHERE agenda_day = DATE '2026-04-01'")).isPositive();
        assertThat(written(url)).isEqualTo(written(twin)).isNotEmpty();
    }

    @Test
    void runsOnlyTheJobsNamedAndRefusesAnUnknownOne() throws Exception {
        String url = erpDatabase("erp");

        CrmRun tiering = nightly(ENVIRONMENT, "--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF,
                "--jobs", "tiering");
        CrmRun unknown = nightly(ENVIRONMENT, "--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF,
                "--jobs", "tiering,churn");

        assertThat(tiering.status()).as(tiering.err()).isZero();
        assertThat(tiering.out().lines().toList()).hasSize(4).first().asString().startsWith("tiering as of");
        assertThat(count(url, "SELECT COUNT(*) FROM crm_customer_assessment")).isZero();
        assertThat(unknown.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).startsWith("crm nightly: Invalid value for option '--jobs' (JOB): unknown job 'churn',"
                + " expected tiering, assessment, sla or agenda");
    }

    @Test
    void runsTheAgendaAfterTheTieringWhateverTheOrderNamedAndRefusesItWithoutCadences() throws Exception {
        String url = erpDatabase("erp");
        String text = PolicyLoader.standardText();
        Path noCadences = Files.writeString(dir.resolve("no-cadences.yaml"),
                text.replaceFirst("(?s)\ncadences:.*?\n(?=\\S)", "\n"));
        String[] args = {"--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF};

        CrmRun refused = nightly(ENVIRONMENT, concat(args, "--jobs", "agenda", "--policy", noCadences.toString()));
        CrmRun withoutCadences = nightly(ENVIRONMENT, concat(args, "--policy", noCadences.toString()));
        CrmRun both = nightly(ENVIRONMENT, concat(args, "--jobs", "agenda,tiering"));

        assertThat(refused.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("Policy 'standard@2026.1' has no cadences section to plan the agenda with")
                .hasLineCount(1);
        assertThat(withoutCadences.status()).as(withoutCadences.err()).isZero();
        assertThat(withoutCadences.out().lines().toList()).hasSize(13)
                .last().isEqualTo("agenda: not run, the policy has no cadences section");
        assertThat(both.status()).as(both.err()).isZero();
        List<String> lines = both.out().lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).endsWith(": already complete, nothing written").startsWith("tiering as of");
        assertThat(lines.get(4)).isEqualTo("agenda as of 2026-03-31 with policy " + STANDARD.header().ref()
                + ": complete");
        assertThat(count(url, "SELECT COUNT(*) FROM crm_agenda WHERE as_of = DATE '2026-03-31'")).isPositive();
    }

    @Test
    void withAPolicyWithoutTheAssessmentsSectionsItTiersAndSaysSoUnlessTheAssessmentIsAskedFor() throws Exception {
        String url = erpDatabase("erp");
        List<String> tablesBefore = tables(url);
        String text = PolicyLoader.standardText();
        Path tiersOnly = Files.writeString(dir.resolve("tiers-only.yaml"),
                text.substring(0, text.indexOf("\nrelationship:") + 1));
        String[] args = {"--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF,
            "--policy", tiersOnly.toString()};

        CrmRun asked = nightly(ENVIRONMENT, concat(args, "--jobs", "tiering,assessment"));
        List<String> tablesAfterAsked = tables(url);
        CrmRun byDefault = nightly(ENVIRONMENT, args);

        assertThat(asked.status()).isEqualTo(ExitCodes.BAD_INPUT);
        // The sections from relationship on are cut off: lifecycle is the first the assessment asks for.
        assertThat(asked.err()).contains("lifecycle").hasLineCount(1);
        assertThat(tablesAfterAsked).isEqualTo(tablesBefore);
        assertThat(byDefault.status()).as(byDefault.err()).isZero();
        // The policy keeps its sla section and its cadences, which come before relationship: the SLA
        // job and the agenda run after.
        assertThat(byDefault.out().lines().toList()).hasSize(13).first().asString().startsWith("tiering as of");
        assertThat(byDefault.out().lines().toList().get(4))
                .isEqualTo("assessment: not run, the policy has no lifecycle and relationship sections");
        assertThat(byDefault.out().lines().toList().get(5)).startsWith("sla as of");
        assertThat(byDefault.out().lines().toList().get(9)).startsWith("agenda as of 2026-03-31 with policy");
    }

    private static String[] concat(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void aSecondRunForTheSameDaySaysItWasCompleteAndWritesNothing() throws Exception {
        String url = erpDatabase("erp");
        String[] args = {"--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF};
        CrmRun first = nightly(ENVIRONMENT, args);
        List<String> before = written(url);

        CrmRun second = nightly(ENVIRONMENT, args);

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(second.status()).as(second.err()).isZero();
        List<String> lines = second.out().lines().toList();
        List<String> firstLines = first.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("tiering as of 2026-03-31 with policy " + STANDARD.header().ref()
                + ": already complete, nothing written");
        assertThat(lines.get(4)).isEqualTo("assessment as of 2026-03-31 with policy " + STANDARD.header().ref()
                + ": already complete, nothing written");
        assertThat(lines.subList(1, 4)).isEqualTo(firstLines.subList(1, 4));
        assertThat(lines.subList(5, 8)).isEqualTo(firstLines.subList(5, 8));
        assertThat(lines.get(8)).isEqualTo("sla as of 2026-03-31 with policy " + STANDARD.header().ref()
                + ": already complete, nothing written");
        assertThat(lines.subList(9, 12)).isEqualTo(firstLines.subList(9, 12));
        assertThat(lines.get(12)).isEqualTo("agenda as of 2026-03-31 with policy " + STANDARD.header().ref()
                + ": already complete, nothing written");
        assertThat(lines.subList(13, 16)).isEqualTo(firstLines.subList(13, 16));
        assertThat(written(url)).isEqualTo(before);
    }

    @Test
    void convertsForeignOrdersWithTheStoredRatesWhenAskedAndLeavesTheirCustomersOutOtherwise() throws Exception {
        String withPolicyRates = holdingAnOrderInDollars("policy-rates");
        String withStoredRates = holdingAnOrderInDollars("stored-rates");

        CrmRun policyRates = nightly(ENVIRONMENT, "--jdbc-url", withPolicyRates, "--as-of", AS_OF, "--jobs", "tiering");
        CrmRun storedRates = nightly(ENVIRONMENT, "--jdbc-url", withStoredRates, "--as-of", AS_OF, "--jobs", "tiering",
                "--stored-exchange-rates");

        // The standard policy has no fixed rate for USD: c-2 cannot be evaluated, c-1 still is.
        assertThat(policyRates.status()).as(policyRates.err()).isZero();
        assertThat(count(withPolicyRates, "SELECT COUNT(*) FROM crm_tier_assignment WHERE customer_id = 'c-1'"))
                .isEqualTo(1);
        assertThat(count(withPolicyRates, "SELECT COUNT(*) FROM crm_tier_assignment WHERE customer_id = 'c-2'"))
                .isZero();
        // 20,000.00 USD at 7.1 is 142,000.00 CNY, bought in one quarter only: important, as c-1.
        assertThat(storedRates.status()).as(storedRates.err()).isZero();
        assertThat(count(withStoredRates, "SELECT COUNT(*) FROM crm_tier_assignment")).isEqualTo(2);
        assertThat(rows(withStoredRates, List.of("SELECT customer_id, tier FROM crm_tier_assignment ORDER BY customer_id")))
                .containsExactly("CRM_TIER_ASSIGNMENT|c-1|important", "CRM_TIER_ASSIGNMENT|c-2|important");
    }

    /** A database of crmkit's own tables: c-1 bought for 40,000 yuan, c-2 for 20,000 dollars, and a dated dollar rate. */
    private String holdingAnOrderInDollars(String name) {
        String url = "jdbc:h2:file:" + dir.resolve(name);
        try (JdbcStore store = JdbcStore.create(dataSource(url))) {
            for (String id : List.of("c-1", "c-2")) {
                store.customers().save(Customer.of(CustomerId.of(id), "Customer " + id, LocalDate.of(2020, 1, 15)));
            }
            store.purchases().record(Purchase.of(PurchaseId.of("o-1"), CustomerId.of("c-1"), LocalDate.of(2026, 1, 10),
                    Money.of("CNY", "40000.00")));
            store.purchases().record(Purchase.of(PurchaseId.of("o-2"), CustomerId.of("c-2"), LocalDate.of(2026, 1, 10),
                    Money.of("USD", "20000.00")));
            store.exchangeRates().record(ExchangeRate.of("USD", "CNY", LocalDate.of(2026, 1, 1), "7.1"));
        }
        return url;
    }

    @Test
    void withoutAMappingItUsesCrmkitsOwnTablesCreatingThemOnAnEmptyDatabase() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("empty");

        CrmRun run = nightly(ENVIRONMENT, "--jdbc-url", url, "--as-of", AS_OF);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains("customers: 0");
        assertThat(tables(url)).contains("CRM_CUSTOMER", "CRM_JOB_RUN", "CRM_OUTBOX", "crmkit_schema_history");
    }

    @Test
    void aMappingNamingAMissingColumnFailsNamingItAndWritesNothing() throws Exception {
        String url = erpDatabase("erp");
        List<String> tablesBefore = tables(url);
        Path wrong = Files.writeString(dir.resolve("wrong.yaml"), MAPPING.replace("name: company", "name: company_name"));

        CrmRun run = nightly(ENVIRONMENT, "--jdbc-url", url, "--mapping", wrong.toString(), "--as-of", AS_OF);

        assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("crm nightly: Invalid mapping: wrong.yaml:6: customers.columns.name: column"
                + " \"company_name\" not found in table \"PARTNER\"").hasLineCount(1);
        assertThat(tables(url)).isEqualTo(tablesBefore).doesNotContain("CRM_JOB_RUN", "crmkit_schema_history");
    }

    @Test
    void readsThePasswordFromTheEnvironmentOrAFileAndNeverShowsIt() throws Exception {
        String url = erpDatabase("erp");
        String[] args = {"--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF};

        CrmRun wrong = nightly(Map.of(Credentials.USER, USER, Credentials.PASSWORD, "not-" + PASSWORD), args);
        CrmRun none = nightly(Map.of(Credentials.USER, USER), args);

        assertThat(wrong.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).startsWith("crm nightly: Could not connect to the database: Wrong user name or password")
                .endsWith("(SQL state 28000)" + System.lineSeparator()).hasLineCount(1).doesNotContain(PASSWORD);
        assertThat(none.status()).isEqualTo(ExitCodes.FAILURE);

        Path file = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        List<String> withFile = new ArrayList<>(List.of(args));
        withFile.addAll(List.of("--password-file", file.toString()));
        // The file wins over a wrong password in the environment.
        CrmRun fromFile = nightly(Map.of(Credentials.USER, USER, Credentials.PASSWORD, "wrong"),
                withFile.toArray(String[]::new));

        assertThat(fromFile.status()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("customers: 4");
    }

    @Test
    void takesNoPasswordOnTheCommandLine() throws Exception {
        String url = erpDatabase("erp");

        CrmRun option = nightly(Map.of(Credentials.USER, USER), "--jdbc-url", url, "--as-of", AS_OF,
                "--password", PASSWORD);
        CrmRun inUrl = nightly(Map.of(Credentials.USER, USER), "--jdbc-url", url + ";PASSWORD=" + PASSWORD,
                "--as-of", AS_OF);

        assertThat(option.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(option.err()).isEqualTo("crm nightly: Unknown option: '--password': crm takes no password on the"
                + " command line; give it in the environment variable CRM_JDBC_PASSWORD or in a --password-file"
                + System.lineSeparator() + "Try 'crm nightly --help' for more information." + System.lineSeparator())
                .doesNotContain(PASSWORD);
        assertThat(inUrl.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(inUrl.err()).isEqualTo("crm nightly: --jdbc-url must not carry a password: give it in the"
                + " environment variable CRM_JDBC_PASSWORD or in a --password-file" + System.lineSeparator());
        List<String> options = Crm.commandLine(CrmRun.CLOCK).getSubcommands().get("nightly").getCommandSpec().options()
                .stream().map(OptionSpec::longestName).toList();
        assertThat(options).filteredOn(name -> name.contains("password")).containsExactly("--password-file");
    }

    @Test
    void saysSoWithItsOwnExitStatusWhenAnotherJobHoldsTheLock() throws Exception {
        String url = erpDatabase("erp");
        AtomicReference<CrmRun> second = new AtomicReference<>();
        try (JdbcStore store = JdbcStore.create(dataSource(url), ErpMapping.read(mapping))) {
            JobRun first = store.tieringJob(STANDARD, CrmRun.CLOCK, 1, decision -> {
                if (second.get() == null) {
                    second.set(nightly(ENVIRONMENT, "--jdbc-url", url, "--mapping", mapping.toString(),
                            "--as-of", AS_OF));
                }
            }).run(java.time.LocalDate.parse(AS_OF));

            assertThat(first.complete()).isTrue();
        }

        assertThat(second.get().status()).as(second.get().err()).isEqualTo(ExitCodes.JOB_RUNNING);
        assertThat(second.get().out()).isEmpty();
        assertThat(second.get().err()).isEqualTo("crm nightly: Another tiering job is running on this database (the"
                + " run as of 2026-03-31 with policy " + STANDARD.header().ref() + ", started " + CrmRun.CLOCK.instant()
                + "); this one did not run" + System.lineSeparator());
    }

    @Test
    void refusesADayBeforeTheLastRunWithBadInput() throws Exception {
        String url = erpDatabase("erp");
        nightly(ENVIRONMENT, "--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF);

        CrmRun earlier = nightly(ENVIRONMENT, "--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", "2026-03-30");

        assertThat(earlier.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(earlier.err()).startsWith("crm nightly: Cannot tier as of 2026-03-30: ")
                .endsWith("assignment(s) for a later day are stored; nothing was written" + System.lineSeparator());
    }

    @Test
    void showsTheRunsProgressAfterEachChunk() throws Exception {
        String url = erpDatabase("erp");
        List<String> shown = new ArrayList<>();
        Progress recording = new Progress("crm nightly", new PrintWriter(Writer.nullWriter()), () -> 0L) {
            @Override
            void writing(String activity, long count, long total) {
                shown.add(count + " of " + total + " " + activity);
            }
        };
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = Crm.commandLine(CrmRun.CLOCK, () -> recording,
                new StandardInput(InputStream.nullInputStream()), ENVIRONMENT);
        cli.setOut(new PrintWriter(out));

        int status = cli.execute("nightly", "--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF);

        assertThat(status).isZero();
        // One chunk of up to 1,000 customers holds all four. The agenda writes the customers with a
        // contact on 2026-04-01: p-1's monthly visit is due on 2026-04-05, a month after the visit.
        assertThat(shown).containsExactly("4 of 4 customers tiered", "4 of 4 customers assessed",
                "3 of 4 customers planned");
    }

    @Test
    void checksTheSlasOfCrmkitsOwnComplaintsAsTheJobDoesThroughTheJavaApi() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("own");
        String twin = "jdbc:h2:file:" + dir.resolve("own-twin");
        java.time.LocalDate day = java.time.LocalDate.parse("2026-05-05");
        try (JdbcStore store = JdbcStore.create(dataSource(url))) {
            complaintAnsweredLate(store);
        }
        JobRun checked;
        try (JdbcStore store = JdbcStore.create(dataSource(twin))) {
            complaintAnsweredLate(store);
            checked = store.slaJob(STANDARD, CrmRun.CLOCK).run(day);
        }

        CrmRun run = nightly(ENVIRONMENT, "--jdbc-url", url, "--as-of", day.toString(), "--jobs", "sla");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "sla as of 2026-05-05 with policy " + STANDARD.header().ref() + ": complete",
                "customers: 1",
                "history rows: " + checked.changes(),
                "events: " + checked.events());
        // The case's row and its three milestones; the first response warned, breached and met late.
        assertThat(checked.changes()).isEqualTo(4);
        assertThat(checked.events()).isEqualTo(3);
        assertThat(slaWritten(url)).isEqualTo(slaWritten(twin)).isNotEmpty();
    }

    /** A complaint of 4 May 2026, 17:00 in Shanghai, answered the next morning: 1-24-48 is late. */
    private static void complaintAnsweredLate(JdbcStore store) {
        org.crmkit.core.model.CaseId id = org.crmkit.core.model.CaseId.of("k-1");
        java.time.OffsetDateTime opened = java.time.OffsetDateTime.parse("2026-05-04T17:00:00+08:00");
        store.cases().save(org.crmkit.core.model.ServiceCase.complaint(id,
                org.crmkit.core.model.CustomerId.of("c-1"), opened));
        store.caseEvents().append(org.crmkit.core.model.CaseEvent.of(id, opened.plusHours(17),
                org.crmkit.core.model.CaseEventType.RESPONDED));
    }

    @Test
    void withAPolicyWithoutSlaTargetsItSaysSoUnlessTheSlaJobIsAskedFor() throws Exception {
        String url = erpDatabase("erp");
        List<String> tablesBefore = tables(url);
        String text = PolicyLoader.standardText();
        Path noSla = Files.writeString(dir.resolve("no-sla.yaml"),
                text.substring(0, text.indexOf("\nsla:") + 1) + text.substring(text.indexOf("\ncadences:") + 1));
        String[] args = {"--jdbc-url", url, "--mapping", mapping.toString(), "--as-of", AS_OF,
            "--policy", noSla.toString()};

        CrmRun asked = nightly(ENVIRONMENT, concat(args, "--jobs", "tiering,sla"));
        List<String> tablesAfterAsked = tables(url);
        CrmRun byDefault = nightly(ENVIRONMENT, args);

        assertThat(asked.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(asked.err()).isEqualTo("crm nightly: The sla job needs SLA targets, and the policy's sla section has"
                + " none" + System.lineSeparator());
        assertThat(tablesAfterAsked).isEqualTo(tablesBefore);
        assertThat(byDefault.status()).as(byDefault.err()).isZero();
        List<String> lines = byDefault.out().lines().toList();
        // The policy keeps its cadences: the agenda runs after.
        assertThat(lines).hasSize(13);
        assertThat(lines.get(4)).startsWith("assessment as of");
        assertThat(lines.get(8)).isEqualTo("sla: not run, the policy has no SLA targets");
        assertThat(lines.get(9)).startsWith("agenda as of");
        assertThat(count(url, "SELECT COUNT(*) FROM crm_job_run WHERE job = 'sla'")).isZero();
    }

    /** Every row the SLA job writes, as text, in a fixed order. */
    private static List<String> slaWritten(String url) throws SQLException {
        return rows(url, List.of("SELECT * FROM crm_case_sla ORDER BY case_id",
                "SELECT * FROM crm_case_sla_milestone ORDER BY case_id, milestone",
                "SELECT event_key, event_type, customer_id, as_of, case_id, milestone, cycle, due_at, due_nanos,"
                        + " escalate_to, on_time, occurred_at, occurred_nanos FROM crm_outbox ORDER BY sequence_number",
                "SELECT * FROM crm_job_run ORDER BY job, as_of"));
    }

    /** Every row the job writes, as text, in a fixed order. */
    private static List<String> written(String url) throws SQLException {
        return rows(url, List.of("SELECT * FROM crm_tier_assignment ORDER BY customer_id, as_of",
                "SELECT * FROM crm_tier_reason ORDER BY customer_id, as_of, reason_number",
                "SELECT event_key, customer_id, as_of, from_tier, to_tier, direction, from_stage, to_stage FROM crm_outbox"
                        + " ORDER BY event_key",
                "SELECT * FROM crm_customer_assessment ORDER BY customer_id",
                "SELECT * FROM crm_lifecycle_transition ORDER BY customer_id, as_of",
                "SELECT * FROM crm_agenda ORDER BY agenda_day, customer_id, rule_name",
                "SELECT * FROM crm_agenda_unscheduled ORDER BY agenda_day, customer_id, rule_name",
                "SELECT * FROM crm_job_run ORDER BY job, as_of"));
    }

    /** The rows of queries, as text, in the queries' order. */
    private static List<String> rows(String url, List<String> queries) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String sql : queries) {
            try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(sql)) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    StringBuilder row = new StringBuilder(meta.getTableName(1));
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append('|').append(result.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    private static List<String> tables(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                ResultSet tables = connection.getMetaData().getTables(null, "PUBLIC", "%", null)) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}

package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.crmkit.core.memory.InMemoryStore;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.Channel;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Interaction;
import org.crmkit.core.model.InteractionId;
import org.crmkit.core.model.InteractionKind;
import org.crmkit.core.model.LocalTimeRange;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.crmkit.core.model.StaffId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.sla.SlaEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvImportTest {
    private static final Currency CNY = Money.currency("CNY");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path emptyOrders() throws IOException {
        return write("orders.csv", "order_id,customer_id,order_date,amount,currency\n");
    }

    private ImportedData read(Path customers, Path orders) {
        return CsvImport.read(customers, orders, Optional.empty(), CNY);
    }

    private ImportedData readWithSurveys(String surveys) throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\nc-1,Acme,2024-01-15\nc-2,Beta,2024-02-01\n");
        return CsvImport.read(new CsvImport.CustomerFiles(customers, emptyOrders(), Optional.empty(),
                Optional.of(write("surveys.csv", surveys))), CNY);
    }

    private static SurveyAnswer answer(String customer, String answeredAt, OptionalInt csat, OptionalInt nps) {
        return new SurveyAnswer(CustomerId.of(customer), OffsetDateTime.parse(answeredAt), csat, nps);
    }

    @Test
    void readsEveryCustomerColumn() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on,industry,account_manager,time_zone,"
                + "preferred_channel,preferred_days,preferred_hours,do_not_contact,strategic_agreement\n"
                + "c-1,Acme,2024-01-15,machinery,s-07,Asia/Shanghai,WeChat,sat;Sunday,09:00-12:00,sms;email,TRUE\n");

        Customer customer = read(customers, emptyOrders()).customers().get(0);

        assertThat(customer.id()).isEqualTo(CustomerId.of("c-1"));
        assertThat(customer.name()).isEqualTo("Acme");
        assertThat(customer.createdOn()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(customer.industry()).contains("machinery");
        assertThat(customer.accountManager()).contains(StaffId.of("s-07"));
        assertThat(customer.strategicAgreement()).isTrue();
        assertThat(customer.contactPreferences().timeZone()).contains(ZoneId.of("Asia/Shanghai"));
        assertThat(customer.contactPreferences().preferredChannel()).contains(Channel.WECHAT);
        assertThat(customer.contactPreferences().preferredDays()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY);
        assertThat(customer.contactPreferences().preferredHours())
                .contains(LocalTimeRange.of(LocalTime.of(9, 0), LocalTime.of(12, 0)));
        assertThat(customer.contactPreferences().doNotContact()).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL);
    }

    @Test
    void emptyOptionalValuesAndMissingOptionalColumnsAreAbsent() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on,industry,strategic_agreement\n"
                + "c-1,Acme,2024-01-15,,\n");

        Customer customer = read(customers, emptyOrders()).customers().get(0);

        assertThat(customer).isEqualTo(Customer.of(CustomerId.of("c-1"), "Acme", LocalDate.of(2024, 1, 15)));
    }

    @Test
    void doNotContactAllBlocksEveryChannel() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on,do_not_contact\nc-1,Acme,2024-01-15,ALL\n");

        Customer customer = read(customers, emptyOrders()).customers().get(0);

        assertThat(customer.contactPreferences().doNotContact()).isEqualTo(EnumSet.allOf(Channel.class));
    }

    @Test
    void aPreferredChannelOnTheDoNotContactListIsKeptButNeverUsable() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on,preferred_channel,do_not_contact\n"
                + "c-1,Acme,2024-01-15,sms,all\n");

        Customer customer = read(customers, emptyOrders()).customers().get(0);

        assertThat(customer.contactPreferences().preferredChannel()).contains(Channel.SMS);
        assertThat(customer.contactPreferences().usablePreferredChannel()).isEmpty();
    }

    @Test
    void acceptsByteOrderMarkCrlfAnyColumnOrderExtraColumnsAndSurroundingSpaces() throws IOException {
        Path customers = dir.resolve("customers.csv");
        Files.write(customers, ("\uFEFFerp_key , created_on,name ,customer_id\r\n"
                + "X-9, 2024-01-15 ,  Acme  , c-1 \r\n").getBytes(StandardCharsets.UTF_8));

        Customer customer = read(customers, emptyOrders()).customers().get(0);

        assertThat(customer).isEqualTo(Customer.of(CustomerId.of("c-1"), "Acme", LocalDate.of(2024, 1, 15)));
    }

    @Test
    void quotedValuesMayHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\n"
                + "c-1,\"Baker, \"\"Quarterly\"\" & Co\",2024-01-15\n"
                + "c-2,\"Two\nLines\",2024-01-16\n");

        ImportedData data = read(customers, emptyOrders());

        assertThat(data.customers()).extracting(Customer::name)
                .containsExactly("Baker, \"Quarterly\" & Co", "Two\nLines");
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\n\nc-1,Acme,2024-01-15\n\n"
                + "c-2,Beta,2024-01-16\n\n");

        assertThat(read(customers, emptyOrders()).customers()).hasSize(2);
    }

    @Test
    void readsOrdersInThePolicysCurrencyWithOptionalCategoryAndQuantity() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\nc-1,Acme,2024-01-15\n");
        Path orders = write("orders.csv", "currency,amount,order_date,customer_id,order_id,category,quantity\n"
                + "CNY,40000,2025-05-10,c-1,o-1,pumps,2.5\n"
                + "CNY,0.5,2025-05-11,c-1,o-2,,\n");

        ImportedData data = read(customers, orders);

        assertThat(data.purchases()).containsExactly(
                new Purchase(PurchaseId.of("o-1"), CustomerId.of("c-1"), LocalDate.of(2025, 5, 10),
                        Money.of("CNY", "40000.00"), Optional.of("pumps"), Optional.of(new BigDecimal("2.5"))),
                Purchase.of(PurchaseId.of("o-2"), CustomerId.of("c-1"), LocalDate.of(2025, 5, 11),
                        Money.of("CNY", "0.50")));
    }

    @Test
    void ordersAloneMayBeInAnyOneCurrencyAndNeedNoCustomersFile() throws IOException {
        Path orders = write("orders.csv", "order_id,customer_id,order_date,amount,currency\n"
                + "o-1,7,1997-01-01,29.33,USD\no-2,7,1997-01-18,0,USD\n");

        assertThat(CsvImport.readOrders(orders, Optional.empty())).containsExactly(
                Purchase.of(PurchaseId.of("o-1"), CustomerId.of("7"), LocalDate.of(1997, 1, 1), Money.of("USD", "29.33")),
                Purchase.of(PurchaseId.of("o-2"), CustomerId.of("7"), LocalDate.of(1997, 1, 18), Money.of("USD", "0")));
    }

    @Test
    void ordersAloneInSeveralCurrenciesAreReportedAgainstTheFirstWithEveryOtherProblem() throws IOException {
        Path orders = write("orders.csv", "order_id,customer_id,order_date,amount,currency\n"
                + "o-1,7,1997-01-01,29.33,XYZ\no-2,7,1997-01-18,1,USD\no-3,8,1997-01-19,2,EUR\n"
                + "o-2,8,1997-02-30,3,USD\n");

        assertThatThrownBy(() -> CsvImport.readOrders(orders, Optional.empty()))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).extracting(
                        InputProblem::toString).containsExactly(
                        orders + ":2: column 'currency': Unknown currency 'XYZ'",
                        orders + ":4: column 'currency': currency EUR differs from USD on line 3: the orders must"
                                + " all be in one currency (crmkit does not convert currencies)",
                        orders + ":5: column 'order_id': duplicate id 'o-2', first on line 3",
                        orders + ":5: column 'order_date': not an ISO date (YYYY-MM-DD): '1997-02-30'"));
    }

    @Test
    void ordersWithACustomersFileMustNameItsCustomers() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\nc-1,Acme,2024-01-15\nc-1,Beta,2024-01-16\n");
        Path orders = write("orders.csv", "order_id,customer_id,order_date,amount,currency\n"
                + "o-1,c-1,2025-05-10,5,EUR\no-2,c-2,2025-05-11,5,EUR\n");

        assertThatThrownBy(() -> CsvImport.readOrders(orders, Optional.of(customers)))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).extracting(
                        InputProblem::toString).containsExactly(
                        customers + ":3: column 'customer_id': duplicate id 'c-1', first on line 2",
                        orders + ":3: column 'customer_id': unknown customer 'c-2', not in " + customers));
    }

    @Test
    void readsInteractionsWithTheirOffsetKindsCaseInsensitively() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\nc-1,Acme,2024-01-15\n");
        Path interactions = write("interactions.csv", "interaction_id,customer_id,occurred_at,channel,kind,staff_id,"
                + "outcome\ni-1,c-1,2026-03-02T09:15:00+08:00,WeChat,INQUIRY,s-07,price list sent\n"
                + "i-2,c-1,2026-03-03T01:00:00Z,phone,call,,\n");

        ImportedData data = CsvImport.read(customers, emptyOrders(), Optional.of(interactions), CNY);

        assertThat(data.interactions()).containsExactly(
                Interaction.of(InteractionId.of("i-1"), CustomerId.of("c-1"),
                        OffsetDateTime.parse("2026-03-02T09:15:00+08:00"), Channel.WECHAT, InteractionKind.INQUIRY)
                        .withStaff(StaffId.of("s-07")).withOutcome("price list sent"),
                Interaction.of(InteractionId.of("i-2"), CustomerId.of("c-1"),
                        OffsetDateTime.parse("2026-03-03T01:00:00Z"), Channel.PHONE, InteractionKind.CALL));
    }

    @Test
    void readsSurveyAnswersWithCsatNpsOrBothKeepingTheirOffsets() throws IOException {
        ImportedData data = readWithSurveys("nps,answered_at,customer_id,csat\n"
                + "9,2026-03-02T09:15:00+08:00,c-1,4\n"
                + ",2026-03-20T10:00:00Z,c-1,2\n"
                + "0,2026-03-03T08:00:00+08:00,c-2,\n");

        assertThat(data.surveys()).containsExactly(
                answer("c-1", "2026-03-02T09:15:00+08:00", OptionalInt.of(4), OptionalInt.of(9)),
                answer("c-1", "2026-03-20T10:00:00Z", OptionalInt.of(2), OptionalInt.empty()),
                answer("c-2", "2026-03-03T08:00:00+08:00", OptionalInt.empty(), OptionalInt.of(0)));
    }

    @Test
    void scoresAtBothEndsOfTheirScalesAreAccepted() throws IOException {
        ImportedData data = readWithSurveys("customer_id,answered_at,csat,nps\n"
                + "c-1,2026-03-02T09:15:00+08:00,1,0\n"
                + "c-1,2026-03-02T09:16:00+08:00,5,10\n");

        assertThat(data.surveys()).extracting(SurveyAnswer::csat, SurveyAnswer::nps).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OptionalInt.of(1), OptionalInt.of(0)),
                org.assertj.core.groups.Tuple.tuple(OptionalInt.of(5), OptionalInt.of(10)));
    }

    @Test
    void withoutASurveysFileThereAreNoAnswers() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\nc-1,Acme,2024-01-15\n");

        assertThat(read(customers, emptyOrders()).surveys()).isEmpty();
        assertThat(new CsvImport.CustomerFiles(customers, emptyOrders(), Optional.empty()).surveys()).isEmpty();
        assertThat(new ImportedData(List.of(), List.of(), List.of()).surveys()).isEmpty();
    }

    static Stream<Arguments> badSurveyRows() {
        String header = "customer_id,answered_at,csat,nps\n";
        return Stream.of(
                Arguments.of("csat above 5", header + "c-1,2026-03-02T09:15:00+08:00,6,\n",
                        ":2: column 'csat': score must be 1 to 5, was '6'"),
                Arguments.of("csat 0", header + "c-1,2026-03-02T09:15:00+08:00,0,\n",
                        ":2: column 'csat': score must be 1 to 5, was '0'"),
                Arguments.of("nps above 10", header + "c-1,2026-03-02T09:15:00+08:00,,11\n",
                        ":2: column 'nps': score must be 0 to 10, was '11'"),
                Arguments.of("negative nps", header + "c-1,2026-03-02T09:15:00+08:00,,-1\n",
                        ":2: column 'nps': score must be 0 to 10, was '-1'"),
                Arguments.of("fractional csat", header + "c-1,2026-03-02T09:15:00+08:00,4.5,\n",
                        ":2: column 'csat': not a whole number: '4.5'"),
                Arguments.of("csat in words", header + "c-1,2026-03-02T09:15:00+08:00,good,\n",
                        ":2: column 'csat': not a whole number: 'good'"),
                Arguments.of("neither score", header + "c-1,2026-03-02T09:15:00+08:00,,\n",
                        ":2: an answer needs a csat or an nps score, both are empty"),
                Arguments.of("neither score column", "customer_id,answered_at\nc-1,2026-03-02T09:15:00+08:00\n",
                        ":2: an answer needs a csat or an nps score, both are empty"),
                Arguments.of("unknown customer", header + "c-9,2026-03-02T09:15:00+08:00,4,\n",
                        ":2: column 'customer_id': unknown customer 'c-9', not in {customers}"),
                Arguments.of("timestamp without offset", header + "c-1,2026-03-02T09:15:00,4,\n",
                        ":2: column 'answered_at': timestamp has no UTC offset: '2026-03-02T09:15:00', expected e.g."
                                + " 2026-03-02T09:15:00+08:00"),
                Arguments.of("missing answered_at column", "customer_id,csat\nc-1,4\n",
                        ":1: column 'answered_at': required column is missing"),
                Arguments.of("same moment twice, other offset", header + "c-1,2026-03-02T09:15:00+08:00,4,\n"
                                + "c-2,2026-03-02T09:15:00+08:00,5,\n"
                                + "c-1,2026-03-02T01:15:00Z,4,\n",
                        ":4: column 'answered_at': duplicate answer of customer 'c-1' at"
                                + " '2026-03-02T01:15:00Z', first on line 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSurveyRows")
    void badSurveyRowsAreReportedWithFileLineAndColumn(String kind, String surveys, String expected) {
        assertThatThrownBy(() -> readWithSurveys(surveys))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::toString)
                        .containsExactly(dir.resolve("surveys.csv") + expected.replace("{customers}",
                                dir.resolve("customers.csv").toString())));
    }

    @Test
    void surveyProblemsAreReportedWithThoseOfTheOtherFiles() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\nc-1,Acme,someday\n");
        Path orders = write("orders.csv", "order_id,customer_id,order_date,amount,currency\no-1,c-1,2025-05-10,x,CNY\n");
        Path surveys = write("surveys.csv", "customer_id,answered_at,csat\nc-1,2026-03-02T09:15:00+08:00,9\n");

        assertThatThrownBy(() -> CsvImport.read(new CsvImport.CustomerFiles(customers, orders, Optional.empty(),
                Optional.of(surveys)), CNY))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).containsExactly(
                        InputProblem.atColumn(customers.toString(), 2, "created_on", "not an ISO date (YYYY-MM-DD): 'someday'"),
                        InputProblem.atColumn(orders.toString(), 2, "amount", "not a decimal amount: 'x'"),
                        InputProblem.atColumn(surveys.toString(), 2, "csat", "score must be 1 to 5, was '9'")));
    }

    @Test
    void surveyProblemsComeAfterTheCaseFilesAndTheOtherCustomerFiles() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\nc-1,Acme,2024-01-15\n");
        Path interactions = write("interactions.csv", "interaction_id,customer_id,occurred_at,channel,kind\n"
                + "i-1,c-1,2026-03-02T09:15:00+08:00,fax,call\n");
        Path surveys = write("surveys.csv", "customer_id,answered_at,nps\nc-7,2026-03-02T09:15:00+08:00,9\n");
        Path complaints = write("complaints.csv", "complaint_id,customer_id,opened_at\nk-1,c-1,yesterday\n");
        Path events = write("complaint_events.csv", "complaint_id,occurred_at,event\n");

        assertThatThrownBy(() -> CsvImport.readCases(complaints, events, Optional.of(new CsvImport.CustomerFiles(
                customers, emptyOrders(), Optional.of(interactions), Optional.of(surveys))), CNY,
                SlaEngine::checkHistory))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::source)
                        .containsExactly(complaints.toString(), interactions.toString(), surveys.toString()));
    }

    @Test
    void storeHoldsTheImportedData() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\nc-2,Beta,2024-01-15\nc-1,Acme,2024-01-15\n");
        Path orders = write("orders.csv", "order_id,customer_id,order_date,amount,currency\no-1,c-1,2025-05-10,5,CNY\n");
        Path surveys = write("surveys.csv", "customer_id,answered_at,csat\nc-2,2026-03-02T09:15:00+08:00,5\n");

        InMemoryStore store = CsvImport.read(new CsvImport.CustomerFiles(customers, orders, Optional.empty(),
                Optional.of(surveys)), CNY).toStore();

        assertThat(store.customers().count()).isEqualTo(2);
        assertThat(store.purchases().findByCustomer(CustomerId.of("c-1"),
                DateWindow.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))).hasSize(1);
        assertThat(store.surveys().findByCustomer(CustomerId.of("c-2"), java.time.Instant.parse("2026-01-01T00:00:00Z"),
                java.time.Instant.parse("2027-01-01T00:00:00Z")))
                .containsExactly(answer("c-2", "2026-03-02T09:15:00+08:00", OptionalInt.of(5), OptionalInt.empty()));
    }

    @Test
    void problemsCarryFileLineAndColumn() throws IOException {
        Path customers = write("customers.csv", "customer_id,name,created_on\nc-1,Acme,2024-01-15\n");
        Path orders = write("orders.csv", "order_id,customer_id,order_date,amount,currency\no-1,c-1,2025-05-10,5,CNY,9\n"
                + "o-2,c-1,2025-05-10,5;0,CNY\n");

        assertThatThrownBy(() -> read(customers, orders))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).containsExactly(
                        InputProblem.atLine(orders.toString(), 2, "row has 6 fields, the header has 5"),
                        InputProblem.atColumn(orders.toString(), 3, "amount", "not a decimal amount: '5;0'")))
                .hasMessage("Invalid input, 2 problems, the first: " + orders + ":2: row has 6 fields, the header has 5");
    }

    @Test
    void missingCustomersFileLeavesOrdersUnchecked() throws IOException {
        Path orders = write("orders.csv", "order_id,customer_id,order_date,amount,currency\no-1,c-1,2025-05-10,5,CNY\n");
        Path missing = dir.resolve("customers.csv");

        assertThatThrownBy(() -> read(missing, orders))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems())
                        .containsExactly(InputProblem.inFile(missing.toString(), "no such file")));
    }

    @Test
    void aCustomerSetRoundTripsThroughItsOwnColumns() throws IOException {
        Set<String> names = Set.of("plain", "with, comma", "with \"quotes\"", "中文名称");
        StringBuilder csv = new StringBuilder("customer_id,name,created_on\n");
        int i = 0;
        for (String name : names) {
            csv.append("c-").append(i++).append(",\"").append(name.replace("\"", "\"\"")).append("\",2024-01-01\n");
        }
        Path customers = write("customers.csv", csv.toString());

        assertThat(read(customers, emptyOrders()).customers()).extracting(Customer::name)
                .containsExactlyInAnyOrderElementsOf(names);
    }
}

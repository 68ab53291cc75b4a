package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.facts.FactGroup;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Money;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.sla.SlaEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is reported by {@link CsvFactsSource} exactly as {@link CsvImport} reports it: the same
 * problems with the same messages in the same order (the first {@value FileProblems#KEPT} of each
 * kind in each file) and the same count of all. Rows mix good values with empty, malformed and
 * out-of-range ones, duplicate ids, unknown customers, wrong field counts and bad quoting.
 */
class CsvFactsSourceProblemsProperties {
    private static final MetricsQuery QUERY = new MetricsQuery(LocalDate.of(2026, 3, 31),
            DateWindow.trailingMonths(12, LocalDate.of(2026, 3, 31)), java.time.ZoneId.of("Asia/Shanghai"),
            Money.currency("CNY"));

    @TempDir
    Path dir;

    private static Gen<String> cell(String... values) {
        return Gens.of(values);
    }

    private static Gen<String> rows(int min, int max, List<Gen<String>> cells, Gen<String> oddRows) {
        Gen<String> row = source -> {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                line.append(i == 0 ? "" : ",").append(cells.get(i).generate(source));
            }
            return line.append('\n').toString();
        };
        Gen<String> any = Gens.frequency(Gens.weighted(12, row), Gens.weighted(1, oddRows));
        return any.list(min, max).map(list -> String.join("", list));
    }

    private static Gen<String> customers() {
        return rows(0, 8, List.of(cell("c-1", "c-2", "c-3", "", "c 4\u0007", "é"), cell("Alpha", "", "\"B, c\""),
                cell("2024-01-01", "2026-04-01", "2024-02-30", "", "0000-01-01", "yesterday"),
                cell("", "true", "FALSE", "yes")), cell("c-9,Nine\n", "c-8,Eight,2024-01-01,true,extra\n", "\n"))
                .map(body -> "customer_id,name,created_on,strategic_agreement\n" + body);
    }

    private static Gen<String> orders() {
        return rows(0, 40, List.of(cell("o-1", "o-2", "o-3", "o-4", "", "o\u00a05"), cell("c-1", "c-2", "c-7", ""),
                cell("2026-01-01", "2025-04-01", "2026-13-01", "", "+10000-01-01"),
                cell("10.00", "0", "-1", "1.5e3", "\"12,50\"", "", "99999999999999999999.999"),
                cell("CNY", "USD", "ABC", "cny", ""), cell("", "1", "0", "two")),
                cell("o-8,c-1,2026-01-01,1,CNY\n", "o-9,c-1,\"2026-01-01\"x,1,CNY,1\n", " \n"))
                .map(body -> "order_id,customer_id,order_date,amount,currency,quantity\n" + body);
    }

    private static Gen<String> interactions() {
        return rows(0, 25, List.of(cell("i-1", "i-2", "i-3", ""), cell("c-1", "c-3", "c-5"),
                cell("2026-03-02T09:15:00+08:00", "2026-03-02T09:15", "2026-03-02T09:15:00", "later",
                        "2025-03-31T16:00:00Z"), cell("phone", "fax", "WeChat", ""),
                cell("inquiry", "Inquiry", "complaint", "call")), cell("i-9,c-1\n"))
                .map(body -> "interaction_id,customer_id,occurred_at,channel,kind\n" + body);
    }

    private static Gen<String> surveys() {
        return rows(0, 25, List.of(cell("c-1", "c-2", "c-7", "", "c 4\u0007"),
                cell("2026-03-02T09:15:00+08:00", "2026-03-02T01:15:00Z", "2026-03-02T09:15:00.5+08:00",
                        "2026-03-02T01:15:00.500Z", "2026-03-02T09:15", "later", "", "0000-03-02T09:15:00Z"),
                cell("", "1", "5", "0", "6", "x", "05", "4"), cell("", "9", "10", "11", "-1", "3")),
                cell("c-1,2026-01-01T00:00:00Z\n", "c-2,2026-01-01T00:00:00Z,1,2,3\n"))
                .map(body -> "customer_id,answered_at,csat,nps\n" + body);
    }

    private static Gen<String> complaints() {
        return rows(0, 6, List.of(cell("k-1", "k-2", "k-3", ""), cell("c-1", "c-2", "c-7", ""),
                cell("2026-03-02T09:00:00+08:00", "2026-03-02", "")), cell("k-9,c-1\n"))
                .map(body -> "complaint_id,customer_id,opened_at\n" + body);
    }

    private static Gen<String> events() {
        return rows(0, 8, List.of(cell("k-1", "k-2", "k-5", ""),
                cell("2026-03-02T10:00:00+08:00", "2026-03-02T08:00:00+08:00", "soon"),
                cell("responded", "resolved", "resumed", "closed", "vanished", "")), cell("k-1\n"))
                .map(body -> "complaint_id,occurred_at,event\n" + body);
    }

    /** The streamed problems are the first of the import's, and as many in all. */
    private static void assertSameProblems(CsvImportException expected, CsvImportException actual) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isNotNull();
        assertThat(actual.total()).isEqualTo(expected.problems().size());
        List<InputProblem> first = expected.problems().subList(0, Math.min(actual.problems().size(),
                expected.problems().size()));
        assertThat(actual.problems()).isEqualTo(first);
        assertThat(actual.problems()).hasSizeGreaterThanOrEqualTo(Math.min(FileProblems.KEPT,
                expected.problems().size()));
    }

    @Test
    void surveyAnswersProblemsAreTheImportsToo() {
        Property.forAll(customers(), orders(), surveys()).tries(250)
                .cover("bad input", 60)
                .cover("a customer's second answer at a moment", 5)
                .check((customers, orders, surveys) -> {
                    CsvImport.CustomerFiles files = new CsvImport.CustomerFiles(
                            Files.writeString(dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8),
                            Files.writeString(dir.resolve("orders.csv"), orders, StandardCharsets.UTF_8),
                            Optional.empty(),
                            Optional.of(Files.writeString(dir.resolve("surveys.csv"), surveys, StandardCharsets.UTF_8)));

                    CsvImportException expected = catchThrowableOfType(CsvImportException.class,
                            () -> CsvImport.read(files, QUERY.currency()));
                    CsvImportException actual = catchThrowableOfType(CsvImportException.class, () ->
                            CsvFactsSource.of(files).forEach(FactsQuery.all(QUERY, java.util.Set.of()), facts -> { }));

                    Property.classify("bad input", expected != null);
                    Property.classify("a customer's second answer at a moment", expected != null && expected.problems()
                            .stream().anyMatch(problem -> problem.message().startsWith("duplicate answer")));
                    assertSameProblems(expected, actual);
                });
    }

    @Test
    void withCaseFilesTheCasesProblemsComeFirstThenEachFilesByLine() {
        Property.forAll(customers(), orders(), complaints(), events()).tries(250)
                .cover("bad input", 60)
                .cover("a case of an unknown customer", 5)
                .check((customers, orders, complaints, events) -> {
                    CsvImport.CustomerFiles files = new CsvImport.CustomerFiles(
                            Files.writeString(dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8),
                            Files.writeString(dir.resolve("orders.csv"), orders, StandardCharsets.UTF_8),
                            Optional.empty());
                    Path complaintsFile = Files.writeString(dir.resolve("complaints.csv"), complaints,
                            StandardCharsets.UTF_8);
                    Path eventsFile = Files.writeString(dir.resolve("complaint_events.csv"), events,
                            StandardCharsets.UTF_8);

                    CsvImportException expected = catchThrowableOfType(CsvImportException.class, () ->
                            CsvImport.readCases(complaintsFile, eventsFile, Optional.of(files), QUERY.currency(),
                                    SlaEngine::checkHistory));
                    CsvImportException actual = catchThrowableOfType(CsvImportException.class, () ->
                            CsvFactsSource.of(files).withCases(complaintsFile, eventsFile, SlaEngine::checkHistory)
                                    .read(FactsQuery.metricsOnly(QUERY)));

                    Property.classify("bad input", expected != null);
                    Property.classify("a case of an unknown customer", expected != null && expected.problems()
                            .stream().anyMatch(problem -> problem.source().endsWith("complaints.csv")
                                    && problem.message().startsWith("unknown customer")));
                    assertSameProblems(expected, actual);
                    if (expected == null) {
                        ImportedCases cases = CsvImport.readCases(complaintsFile, eventsFile, Optional.of(files),
                                QUERY.currency(), SlaEngine::checkHistory);
                        ImportedCases streamed = CsvFactsSource.of(files).withCases(complaintsFile, eventsFile,
                                SlaEngine::checkHistory).read(FactsQuery.metricsOnly(QUERY)).cases().orElseThrow();
                        assertThat(streamed.cases()).isEqualTo(cases.cases());
                        assertThat(streamed.events()).isEqualTo(cases.events());
                    }
                });
    }

    @Test
    void ordersAloneAreCheckedAsTheImportChecksThem() {
        Property.forAll(customers(), orders(), Gens.booleans()).tries(250)
                .cover("bad input", 60)
                .cover("orders in several currencies", 10)
                .check((customers, orders, withCustomers) -> {
                    Path ordersFile = Files.writeString(dir.resolve("orders.csv"), orders, StandardCharsets.UTF_8);
                    Optional<Path> customersFile = withCustomers ? Optional.of(Files.writeString(
                            dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8)) : Optional.empty();

                    CsvImportException expected = catchThrowableOfType(CsvImportException.class,
                            () -> CsvImport.readOrders(ordersFile, customersFile));
                    CsvImportException actual = catchThrowableOfType(CsvImportException.class, () ->
                            CsvFactsSource.ofOrders(ordersFile, customersFile)
                                    .forEach(new FactsQuery(QUERY, java.util.Set.of(FactGroup.HISTORY),
                                            java.util.Set.of()), facts -> { }));

                    Property.classify("bad input", expected != null);
                    Property.classify("orders in several currencies", expected != null && expected.problems().stream()
                            .anyMatch(problem -> problem.message().contains("the orders must all be in one currency")));
                    assertSameProblems(expected, actual);
                });
    }

    @Test
    void everyProblemIsTheImportsInTheSameOrderAndCount() {
        Property.forAll(customers(), orders(), interactions()).tries(250)
                .cover("bad input", 60)
                .cover("more problems than are kept", 1)
                .check((customers, orders, interactions) -> {
                    Path customersFile = Files.writeString(dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
                    Path ordersFile = Files.writeString(dir.resolve("orders.csv"), orders, StandardCharsets.UTF_8);
                    Path interactionsFile = Files.writeString(dir.resolve("interactions.csv"), interactions,
                            StandardCharsets.UTF_8);

                    CsvImportException expected = catchThrowableOfType(CsvImportException.class, () -> CsvImport.read(
                            customersFile, ordersFile, Optional.of(interactionsFile), QUERY.currency()));
                    CsvImportException actual = catchThrowableOfType(CsvImportException.class, () ->
                            CsvFactsSource.of(customersFile, ordersFile, Optional.of(interactionsFile))
                                    .forEach(FactsQuery.metricsOnly(QUERY), facts -> { }));

                    Property.classify("bad input", expected != null);
                    Property.classify("more problems than are kept", expected != null
                            && expected.problems().size() > FileProblems.KEPT);
                    assertSameProblems(expected, actual);
                });
    }
}

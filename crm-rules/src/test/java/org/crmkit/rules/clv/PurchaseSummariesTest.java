package org.crmkit.rules.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.rules.clv.ClvTimeUnit.DAYS;
import static org.crmkit.rules.clv.ClvTimeUnit.WEEKS;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.core.model.Purchase;
import org.crmkit.core.model.PurchaseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchaseSummariesTest {
    private static final LocalDate END = LocalDate.of(2026, 3, 31);

    @TempDir
    Path folder;

    private int next;

    private Purchase purchase(String customer, String day, String amount) {
        return purchase(customer, day, amount, "CNY");
    }

    private Purchase purchase(String customer, String day, String amount, String currency) {
        next++;
        return Purchase.of(PurchaseId.of("p" + next), CustomerId.of(customer), LocalDate.parse(day),
                Money.of(currency, amount));
    }

    @Test
    void repeatPurchasesAreTheDaysAfterTheFirstAndTheirMeanLeavesTheFirstOut() {
        List<Purchase> purchases = List.of(
                purchase("a", "2026-01-01", "500.00"),      // first purchase: not in the mean
                purchase("a", "2026-01-15", "100.00"),
                purchase("a", "2026-01-15", "20.00"),       // same day: one purchase of 120.00
                purchase("a", "2026-02-26", "60.00"),
                purchase("a", "2026-04-01", "999.00"));     // after the calibration end: ignored

        PurchaseSummary a = PurchaseSummaries.fromPurchases(purchases, END, WEEKS).get(0);

        assertThat(a.customerKey()).isEqualTo("a");
        assertThat(a.frequency()).isEqualTo(2);
        assertThat(a.recency()).isEqualTo(8.0);               // 56 days
        assertThat(a.age()).isEqualTo(89 / 7.0);             // 2026-01-01 to 2026-03-31
        assertThat(a.averageRepeatValue()).isEqualByComparingTo("90.00");
    }

    @Test
    void aCustomerWithOnlyTheFirstPurchaseHasZeroFrequencyRecencyAndValue() {
        List<PurchaseSummary> summaries = PurchaseSummaries.fromPurchases(List.of(
                purchase("b", "2026-03-01", "80.00"), purchase("b", "2026-03-01", "5.00")), END, ClvTimeUnit.DAYS);

        assertThat(summaries).containsExactly(new PurchaseSummary("b", 0, 0, 30, BigDecimal.ZERO));
    }

    @Test
    void customersBuyingOnlyAfterTheEndHaveNoSummaryAndTheRestAreOrderedById() {
        List<PurchaseSummary> summaries = PurchaseSummaries.fromPurchases(List.of(
                purchase("z", "2026-03-31", "1.00"), purchase("late", "2026-04-02", "1.00"),
                purchase("m", "2026-03-30", "1.00"), purchase("m", "2026-03-31", "3.00")), END, ClvTimeUnit.DAYS);

        assertThat(summaries).extracting(PurchaseSummary::customerKey).containsExactly("m", "z");
        assertThat(summaries.get(1).age()).isZero();
        assertThat(summaries.get(0)).isEqualTo(new PurchaseSummary("m", 1, 1, 1, new BigDecimal("3.00")));
    }

    @Test
    void anAverageThatDoesNotTerminateKeeps16Digits() {
        PurchaseSummary c = PurchaseSummaries.fromPurchases(List.of(purchase("c", "2026-01-01", "1"),
                purchase("c", "2026-01-02", "10"), purchase("c", "2026-01-03", "0"), purchase("c", "2026-01-04", "0")),
                END, ClvTimeUnit.DAYS).get(0);

        assertThat(c.averageRepeatValue()).isEqualByComparingTo("3.333333333333333");
    }

    @Test
    void mixedCurrenciesAreRejectedNamingTheCustomer() {
        List<Purchase> purchases = List.of(purchase("a", "2026-01-01", "10.00"),
                purchase("d", "2026-01-05", "10.00", "USD"));

        assertThatThrownBy(() -> PurchaseSummaries.fromPurchases(purchases, END, ClvTimeUnit.DAYS))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("customer 'd': purchase 'p2' is in USD, other purchases are in CNY; summaries need a single"
                        + " currency");
    }

    @Test
    void readsTheLiteratureFormInAnyColumnOrderIgnoringOtherColumns() throws IOException {
        Path file = write("\uFEFFT,note,zbar,ID,t_x,x\r\n38.86,hello,22.35,1,30.43,2\r\n\r\n38.86,,0,2,0,0");

        assertThat(PurchaseSummaries.readCsv(file, WEEKS)).containsExactly(
                new PurchaseSummary("1", 2, 30.43, 38.86, new BigDecimal("22.35")),
                new PurchaseSummary("2", 0, 0, 38.86, new BigDecimal("0")));
    }

    @Test
    void readsTheLifetimesFormWithAndWithoutMonetaryValue() throws IOException {
        assertThat(PurchaseSummaries.readCsv(write("ID,frequency,recency,T\n7,2.0,30.43,38.86\n"), WEEKS))
                .containsExactly(PurchaseSummary.of("7", 2, 30.43, 38.86));
        assertThat(PurchaseSummaries.readCsv(write("ID,frequency,recency,T,monetary_value\n7,2,30.43,38.86,12.5\n"),
                WEEKS))
                .containsExactly(new PurchaseSummary("7", 2, 30.43, 38.86, new BigDecimal("12.5")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ID,frequency,recency,T                 | false",
            "ID,frequency,recency,T,monetary_value  | true",
            "ID,x,t_x,T                             | false",
            "ID,x,t_x,T,zbar                        | true",
            "ID,x,t_x,T,monetary_value              | false"})
    void aFileSaysWhetherItGaveRepeatValues(String header, boolean given) throws IOException {
        String row = header.endsWith("T") ? "7,0,0,38.86" : "7,0,0,38.86,0";

        SummaryFile file = PurchaseSummaries.readFile(write(header + "\n" + row + "\n"), WEEKS);

        assertThat(file.repeatValuesGiven()).isEqualTo(given);
        assertThat(file.customers()).containsExactly(PurchaseSummary.of("7", 0, 0, 38.86));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ID,x,T\\n1,2,3 | :1: missing column 't_x'; the header has ID,x,T, expected ID,frequency,recency,T"
                    + " or ID,x,t_x,T,zbar",
            "ID,x,t_x,T,frequency\\n1,2,3,4,2 | :1: the header has both 'x' and 'frequency'; use one form:"
                    + " ID,frequency,recency,T or ID,x,t_x,T,zbar",
            "ID,x,t_x,T\\n1,2,3,4\\n2,two,3,4 | :3: column 'x': not a decimal number: 'two'",
            "ID,x,t_x,T\\n1,1.5,3,4 | :2: column 'x': must be a whole number of purchases, was '1.5'",
            "ID,x,t_x,T\\n1,2,3,-4 | :2: column 'T': must not be negative, was '-4'",
            "ID,x,t_x,T\\n1,2,5,4 | :2: column 't_x': recency '5' is more than T '4'",
            "ID,x,t_x,T\\n1,0,3,4 | :2: column 't_x': must be 0 when x is 0, was '3'",
            "ID,x,t_x,T\\n1,2,0,4 | :2: column 't_x': must be more than 0 when x is 2",
            "ID,x,t_x,T,zbar\\n1,0,0,4,7.5 | :2: column 'zbar': must be 0 when x is 0, was '7.5'",
            "ID,x,t_x,T,zbar\\n1,1,2,4,NaN | :2: column 'zbar': not a decimal number: 'NaN'",
            "ID,x,t_x,T\\n1,2,3,4\\n\\n1,1,1,4 | :4: column 'ID': duplicate customer '1', first on line 2",
            "ID,x,t_x,T\\n1,2,3 | :2: row has 3 fields, the header has 4",
            "ID,x,x,T | :1: column 'x' appears twice in the header",
            // exponent notation, rejected as in orders.csv
            "ID,x,t_x,T,zbar\\n1,1,2,4,1e30 | :2: column 'zbar': not a decimal number: '1e30'",
            "ID,x,t_x,T\\n1,1E2,3,4 | :2: column 'x': not a decimal number: '1E2'",
            "ID,frequency,recency,T\\n1,1,2.5e1,40 | :2: column 'recency': not a decimal number: '2.5e1'",
            // z-bar: at most a trillion
            "ID,x,t_x,T,zbar\\n1,1,2,4,1000000000000.01 | :2: column 'zbar': must be at most 1000000000000,"
                    + " was '1000000000000.01'",
            "ID,frequency,recency,T,monetary_value\\n1,1,2,4,1000000000000000000000000000000 | :2: column"
                    + " 'monetary_value': must be at most 1000000000000, was '1000000000000000000000000000000'",
            // x: at most one repeat purchase a day over t_x (in weeks here: 7 a week)
            "ID,x,t_x,T\\n1,100000000,30.43,38.86 | :2: column 'x': must be at most 214, one purchase a day over"
                    + " t_x = 30.43 weeks, was '100000000'",
            "ID,x,t_x,T\\n1,99999999999999999999,30.43,38.86 | :2: column 'x': must be at most 214, one purchase"
                    + " a day over t_x = 30.43 weeks, was '99999999999999999999'",
            "ID,frequency,recency,T\\n1,2,0.14,1 | :2: column 'frequency': must be at most 1, one purchase a day"
                    + " over recency = 0.14 weeks, was '2'",
            // T: at most 100 years, in whole weeks rounded up
            "ID,x,t_x,T\\n1,1,2,5219 | :2: column 'T': must be at most 5218 weeks (100 years), was '5219'"})
    void badFilesAreRejectedNamingFileLineAndColumn(String content, String message) throws IOException {
        Path file = write(content.replace("\\n", "\n"));

        assertThatThrownBy(() -> PurchaseSummaries.readCsv(file, WEEKS)).isInstanceOf(InvalidValueException.class)
                .hasMessage(file + message);
    }

    @Test
    void anEmptyOrMissingFileIsRejected() throws IOException {
        Path empty = write("");
        Path missing = folder.resolve("missing.csv");

        assertThatThrownBy(() -> PurchaseSummaries.readCsv(empty, WEEKS)).hasMessage(empty + ":1: no header row: the file is empty");
        assertThatThrownBy(() -> PurchaseSummaries.readCsv(missing, WEEKS)).isInstanceOf(InvalidValueException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void inDaysTheAgeIsAtMost36525AndARepeatPurchaseADay() throws IOException {
        Path atBounds = write("ID,x,t_x,T,zbar\n1,36525,36525,36525,1000000000000\n");
        Path tooOld = write("ID,x,t_x,T\n1,0,0,36525.5\n");
        Path tooMany = write("ID,x,t_x,T\n1,31,30,40\n");

        assertThat(PurchaseSummaries.readCsv(atBounds, DAYS)).containsExactly(
                new PurchaseSummary("1", 36525, 36525, 36525, new BigDecimal("1000000000000")));
        assertThatThrownBy(() -> PurchaseSummaries.readCsv(tooOld, DAYS))
                .hasMessage(tooOld + ":2: column 'T': must be at most 36525 days (100 years), was '36525.5'");
        assertThatThrownBy(() -> PurchaseSummaries.readCsv(tooMany, DAYS))
                .hasMessage(tooMany + ":2: column 'x': must be at most 30, one purchase a day over t_x = 30 days,"
                        + " was '31'");
    }

    @Test
    void theModelsFitACustomerAtEveryBound() throws IOException {
        // The bounds must admit only customers the models can still compute with.
        Path file = write("ID,x,t_x,T,zbar\n1,36525,36525,36525,1000000000000\n2,3,100,200,20\n3,0,0,150,0\n"
                + "4,1,50,300,35\n5,7,280,290,15.5\n");
        List<PurchaseSummary> customers = PurchaseSummaries.readCsv(file, DAYS);

        FittedModel<BgNbdModel> fit = ModelFitter.fitBgNbd(customers);

        assertThat(fit.logLikelihood()).isFinite();
        assertThat(fit.model().probabilityAlive(36525, 36525, 36525)).isBetween(0.0, 1.0);
        assertThat(fit.model().conditionalExpectedPurchases(52, 36525, 36525, 36525)).isFinite();
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheirLine() throws IOException {
        Path file = folder.resolve("latin1.csv");
        Files.write(file, new byte[] {'I', 'D', ',', 'x', ',', 't', '_', 'x', ',', 'T', '\n',
            '1', ',', '0', ',', '0', ',', '4', '\n',
            '2', (byte) 0xE9, ',', '0', ',', '0', ',', '4', '\n'});

        assertThatThrownBy(() -> PurchaseSummaries.readCsv(file, WEEKS))
                .hasMessage(file + ":3: not UTF-8 text: bad byte sequence at byte offset 20");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(folder, "summary", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}

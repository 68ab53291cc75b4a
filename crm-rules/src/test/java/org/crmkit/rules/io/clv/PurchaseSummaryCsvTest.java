package org.crmkit.rules.io.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.rules.clv.ClvTimeUnit.DAYS;
import static org.crmkit.rules.clv.ClvTimeUnit.WEEKS;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.clv.BgNbdModel;
import org.crmkit.rules.clv.FittedModel;
import org.crmkit.rules.clv.ModelFitter;
import org.crmkit.rules.clv.PurchaseSummary;
import org.crmkit.rules.clv.SummaryFile;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.io.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Customer summary files: both forms, every bound, and every problem named with file, line and column. */
class PurchaseSummaryCsvTest {
    @TempDir
    Path folder;

    @Test
    void readsTheLiteratureFormInAnyColumnOrderIgnoringOtherColumns() throws IOException {
        Path file = write("\uFEFFT,note,zbar,ID,t_x,x\r\n38.86,hello,22.35,1,30.43,2\r\n\r\n38.86,,0,2,0,0");

        assertThat(PurchaseSummaryCsv.readCsv(file, WEEKS)).containsExactly(
                new PurchaseSummary("1", 2, 30.43, 38.86, new BigDecimal("22.35")),
                new PurchaseSummary("2", 0, 0, 38.86, new BigDecimal("0")));
    }

    @Test
    void readsTheLifetimesFormWithAndWithoutMonetaryValue() throws IOException {
        assertThat(PurchaseSummaryCsv.readCsv(write("ID,frequency,recency,T\n7,2.0,30.43,38.86\n"), WEEKS))
                .containsExactly(PurchaseSummary.of("7", 2, 30.43, 38.86));
        assertThat(PurchaseSummaryCsv.readCsv(write("ID,frequency,recency,T,monetary_value\n7,2,30.43,38.86,12.5\n"),
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

        SummaryFile file = PurchaseSummaryCsv.readFile(write(header + "\n" + row + "\n"), WEEKS);

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

        assertThatThrownBy(() -> PurchaseSummaryCsv.readCsv(file, WEEKS)).isInstanceOf(InvalidValueException.class)
                .hasMessage(file + message);
    }

    @Test
    void anEmptyOrMissingFileIsRejected() throws IOException {
        Path empty = write("");
        Path missing = folder.resolve("missing.csv");

        assertThatThrownBy(() -> PurchaseSummaryCsv.readCsv(empty, WEEKS)).hasMessage(empty + ":1: no header row: the file is empty");
        assertThatThrownBy(() -> PurchaseSummaryCsv.readCsv(missing, WEEKS)).isInstanceOf(InvalidValueException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void inDaysTheAgeIsAtMost36525AndARepeatPurchaseADay() throws IOException {
        Path atBounds = write("ID,x,t_x,T,zbar\n1,36525,36525,36525,1000000000000\n");
        Path tooOld = write("ID,x,t_x,T\n1,0,0,36525.5\n");
        Path tooMany = write("ID,x,t_x,T\n1,31,30,40\n");

        assertThat(PurchaseSummaryCsv.readCsv(atBounds, DAYS)).containsExactly(
                new PurchaseSummary("1", 36525, 36525, 36525, new BigDecimal("1000000000000")));
        assertThatThrownBy(() -> PurchaseSummaryCsv.readCsv(tooOld, DAYS))
                .hasMessage(tooOld + ":2: column 'T': must be at most 36525 days (100 years), was '36525.5'");
        assertThatThrownBy(() -> PurchaseSummaryCsv.readCsv(tooMany, DAYS))
                .hasMessage(tooMany + ":2: column 'x': must be at most 30, one purchase a day over t_x = 30 days,"
                        + " was '31'");
    }

    @Test
    void theModelsFitACustomerAtEveryBound() throws IOException {
        // The bounds must admit only customers the models can still compute with.
        Path file = write("ID,x,t_x,T,zbar\n1,36525,36525,36525,1000000000000\n2,3,100,200,20\n3,0,0,150,0\n"
                + "4,1,50,300,35\n5,7,280,290,15.5\n");
        List<PurchaseSummary> customers = PurchaseSummaryCsv.readCsv(file, DAYS);

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

        assertThatThrownBy(() -> PurchaseSummaryCsv.readCsv(file, WEEKS))
                .hasMessage(file + ":3: not UTF-8 text: bad byte sequence at byte offset 20");
    }

    @Test
    void malformedQuotingIsReportedAtItsLineAndColumnAsInEveryCsvFile() throws IOException {
        Path file = write("ID,x,t_x,T\n1,0,0,4\n2,\"0\"x,0,4\n");

        assertThatThrownBy(() -> PurchaseSummaryCsv.readCsv(file, WEEKS)).hasMessage(file + ":3: column 'x':"
                + " malformed quoting: unexpected text after the closing quote of a value (quotes inside a quoted"
                + " value are doubled: \"\")");
    }

    @Test
    void bytesThatAreNotUtf8ComeBeforeABadValueEarlierInTheFile() throws IOException {
        byte[] bytes = "ID,x,t_x,T\n1,y,0,4\n2?,0,0,4\n".getBytes(StandardCharsets.US_ASCII);
        bytes[20] = (byte) 0xE9;
        Path file = Files.write(folder.resolve("both.csv"), bytes);

        assertThatThrownBy(() -> PurchaseSummaryCsv.readCsv(file, WEEKS))
                .hasMessage(file + ":3: not UTF-8 text: bad byte sequence at byte offset 20");
    }

    @Test
    void aFileReadUnderAnotherNameIsReportedUnderThatName() throws IOException {
        Path file = write("ID,x,t_x,T\n1,two,0,4\n");

        assertThatThrownBy(() -> PurchaseSummaryCsv.read(new InputFile(file, "<stdin>"), WEEKS))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problem())
                        .isEqualTo(InputProblem.atColumn("<stdin>", 2, "x", "not a decimal number: 'two'")))
                .hasMessage("<stdin>:2: column 'x': not a decimal number: 'two'");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(folder, "summary", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}

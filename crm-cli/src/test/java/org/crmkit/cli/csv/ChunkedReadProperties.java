package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.facts.CustomerFacts;
import org.crmkit.core.facts.FactsQuery;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.Money;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.io.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders and interactions read in chunks on several threads give what a read in file order gives:
 * the same facts, counts and warnings (orders dated before their customer was created) for valid
 * files, and for bad ones the same problems in the same order
 * (the first {@value FileProblems#KEPT} of each kind) and the same count, whatever the chunk size
 * and the threads' timing. The files are cut into chunks of a few bytes, so that problems, quoted
 * line breaks, long lines, a byte order mark, bytes that are not UTF-8 and repeated ids fall in
 * every chunk and across their cuts.
 */
class ChunkedReadProperties {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final FactsQuery QUERY = FactsQuery.metricsOnly(new MetricsQuery(AS_OF,
            DateWindow.trailingMonths(12, AS_OF), ZoneId.of("Asia/Shanghai"), Money.currency("CNY")));
    /** Stands for two bytes that are not UTF-8 where it appears in a generated file. */
    private static final String BAD_BYTES = "\u0000";
    private static final String CUSTOMERS = "customer_id,name,created_on\n"
            + "c-1,One,2020-01-01\nc-2,Two,2021-06-30\nc-3,Three,2025-01-01\nc-4,Four,2026-03-31\nc-5,Five,2026-04-01\n";

    @TempDir
    Path dir;

    /** What a read gave: the counts and facts, or the problems. */
    private record Outcome(Optional<CsvFactsSource.FilesRead> read, List<CustomerFacts> facts,
            List<InputProblem> problems, long total) {
    }

    private static Outcome outcome(CsvFactsSource source) {
        try {
            CsvFactsSource.FilesRead read = source.read(QUERY);
            List<CustomerFacts> facts = new ArrayList<>();
            source.forEach(QUERY, facts::add);
            return new Outcome(Optional.of(read), facts, List.of(), 0);
        } catch (CsvImportException e) {
            return new Outcome(Optional.empty(), List.of(), e.problems(), e.total());
        }
    }

    /**
     * A file: a header and rows whose first value is an id, the row's number after the prefix unless
     * the file's weight of bad values picks a bad one or the first row's; now and then an odd row
     * (blank, too few or too many fields) and seldom a rare one (malformed quoting, bytes that are
     * not UTF-8, a line break in a quoted value).
     */
    private static Gen<String> file(Gen<String> header, String prefix, int max, int bad, List<Gen<String>> cells,
            Gen<String> oddRows, Gen<String> rareRows) {
        Gen<String> ending = Gens.frequency(Gens.weighted(20, Gens.constant("\n")),
                Gens.weighted(2, Gens.constant("\r\n")), Gens.weighted(1, Gens.constant("\r")));
        Gen<String> bom = Gens.frequency(Gens.weighted(5, Gens.constant("")), Gens.weighted(1, Gens.constant("\uFEFF")));
        Gen<Integer> kinds = bad == 0 ? Gens.frequency(Gens.weighted(900, Gens.constant(0)),
                Gens.weighted(2, Gens.constant(2))) : Gens.frequency(Gens.weighted(900, Gens.constant(0)),
                Gens.weighted(15 * bad, Gens.constant(1)), Gens.weighted(2, Gens.constant(2)));
        return source -> {
            StringBuilder text = new StringBuilder(bom.generate(source)).append(header.generate(source));
            List<Integer> rows = kinds.list(0, max).generate(source);
            for (int n = 0; n < rows.size(); n++) {
                if (rows.get(n) == 1) {
                    text.append(oddRows.generate(source));
                } else if (rows.get(n) == 2) {
                    text.append(rareRows.generate(source));
                } else {
                    text.append(cell(bad, List.of(prefix + (n + 1), "é" + prefix + (n + 1)), List.of("", "o\u00075"))
                            .generate(source));
                    for (Gen<String> cell : cells) {
                        text.append(',').append(cell.generate(source));
                    }
                    text.append(ending.generate(source));
                }
            }
            return text.toString();
        };
    }

    /** Good values, and as often as the file's weight says bad ones. */
    private static Gen<String> cell(int badWeight, List<String> good, List<String> bad) {
        if (badWeight == 0) {
            return Gens.of(good);
        }
        return Gens.frequency(Gens.weighted(12, Gens.of(good)), Gens.weighted(badWeight, Gens.of(bad)));
    }

    /** An orders and an interactions file, both valid when {@code bad} is 0, with more problems the larger it is. */
    private static Gen<List<String>> files() {
        return Gens.integers(0, 3).flatMap(bad -> source -> List.of(orders(bad).generate(source),
                interactions(bad).generate(source)));
    }

    private static Gen<String> orders(int bad) {
        String header = "order_id,customer_id,order_date,amount,currency,category,quantity\n";
        Gen<String> headers = bad == 0 ? Gens.constant(header) : Gens.frequency(Gens.weighted(20, Gens.constant(header)),
                Gens.weighted(1, Gens.of("order_id,customer_id,order_date,currency\n",
                        "\n\"order_id\",customer_id,order_date,amount,currency,amount\n",
                        "order_id,customer_id,\"order\ndate\",order_date,amount,currency\n")));
        String quotedLineBreak = "o-q,c-1,2026-01-01,1,CNY,\"spare\nparts\",\n";
        return file(headers, "o-", 400, bad,
                List.of(cell(bad, List.of("c-1", "c-2", "c-3", "c-4", "c-5"), List.of("c-7", "", "c 4\u0007")),
                        cell(bad, List.of("2026-01-01", "2025-04-01", "2025-06-30", "2024-12-31", "2026-04-01",
                                "2026-03-31"), List.of("2026-13-01", "", "+10000-01-01")),
                        cell(bad, List.of("10.00", "0", "5", "1234.56", "12.50", "999999999999.99", "1000000000000"),
                                List.of("-1", "1.5e3", "\"12,50\"", "", "12.345", "99999999999999999999.99",
                                        "1000000000000.01")),
                        cell(bad, List.of("CNY"), List.of("USD", "", "cny")),
                        cell(bad, List.of("", "hardware", "\"a \"\"b\"\"\"", "x" + "y".repeat(300)), List.of("")),
                        cell(bad, List.of("", "1", "2"), List.of("0", "two"))),
                Gens.of("\n", "   \n", "o-x,c-1\n", "o-y,c-1,2026-01-01,1,CNY,,,\n", "o-w,c-1,2026-01-01,1,CNY,5\"x,\n"),
                bad == 0 ? Gens.constant(quotedLineBreak) : Gens.of(quotedLineBreak, "o-1,c-2,2026-01-01,1,CNY,,\n",
                        "o-z,c-1,2026-01-01,\"7\n5\",CNY,,\n", "\"o-m\"x,c-1,2026-01-01,1,CNY,,\n",
                        "o-n,c-1,2026-01-01,1,CNY,\"open\n",
                        "o-b,c-1,2026-01-01,1,CNY,caf" + BAD_BYTES + ",\n"));
    }

    private static Gen<String> interactions(int bad) {
        return file(Gens.constant("interaction_id,customer_id,occurred_at,channel,kind\n"), "i-", 120, bad,
                List.of(cell(bad, List.of("c-1", "c-2", "c-3"), List.of("c-7", "")),
                        cell(bad, List.of("2026-03-02T09:15:00+08:00", "2025-03-31T16:00:00Z",
                                "2026-03-31T23:59:59+08:00"), List.of("2026-03-02T09:15", "later", "")),
                        cell(bad, List.of("phone", "email"), List.of("fax", "")),
                        cell(bad, List.of("inquiry", "call", "meeting"), List.of("Inquiry", "chat"))),
                Gens.of("\n", "i-x,c-1\n"), Gens.of("i-q,c-1,2026-03-02T09:15:00+08:00,\"pho\nne\",call\n",
                        "i-1,c-2,2026-03-02T09:15:00+08:00,phone,call\n"));
    }

    private Path write(String name, String text) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] parts = text.split(BAD_BYTES, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                bytes.write(0xC3);
                bytes.write('(');
            }
            bytes.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    @Test
    void problemsSpreadOverManyChunksComeInFileOrderWhateverTheThreadsTiming() throws Exception {
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,currency\n");
        for (int n = 1; n <= 1_000; n++) {
            // A bad amount on every third order, an unknown customer on every seventh: 475 problems in about 70 chunks.
            orders.append("o-").append(n).append(n % 7 == 0 ? ",c-9" : ",c-1").append(",2026-01-01,")
                    .append(n % 3 == 0 ? "ten" : "10.00").append(",CNY\n");
        }
        Path customersFile = write("customers.csv", CUSTOMERS);
        Path ordersFile = write("orders.csv", orders.toString());
        Path interactionsFile = write("interactions.csv", "interaction_id,customer_id,occurred_at,channel,kind\n");
        CsvFactsSource source = CsvFactsSource.of(customersFile, ordersFile, Optional.of(interactionsFile));
        Outcome expected = outcome(source.withSplit(1, 512));

        for (int run = 0; run < 20; run++) {
            CsvFactsSource chunked = source.withSplit(3, 512);
            Outcome actual = outcome(chunked);

            assertThat(chunked.filesReadInChunks()).isEqualTo(1);
            assertThat(actual).isEqualTo(expected);
        }
        assertThat(expected.total()).isEqualTo(333 + 142);
        assertThat(expected.problems()).hasSize(FileProblems.KEPT);
        assertThat(expected.problems().get(0)).hasToString(ordersFile + ":4: column 'amount': not a decimal amount: 'ten'");
        // The 100th: orders 1 to 210 have 70 bad amounts and 30 unknown customers; order 210 (line 211) both.
        assertThat(expected.problems().get(FileProblems.KEPT - 1).line()).isEqualTo(211);
    }

    @Test
    void aDuplicateIdInALaterChunkIsReportedWithItsFirstLineAsInFileOrder() throws Exception {
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,currency\n");
        for (int n = 1; n <= 1_000; n++) {
            orders.append("o-").append(n == 900 ? 5 : n).append(",c-1,2026-01-01,10.00,CNY\n");
        }
        Path customersFile = write("customers.csv", CUSTOMERS);
        Path ordersFile = write("orders.csv", orders.toString());
        CsvFactsSource chunked = CsvFactsSource.of(customersFile, ordersFile, Optional.empty()).withSplit(4, 256);

        Outcome actual = outcome(chunked);

        assertThat(chunked.filesReadInChunks()).isZero();
        assertThat(actual.problems()).extracting(InputProblem::toString)
                .containsExactly(ordersFile + ":901: column 'order_id': duplicate id 'o-5', first on line 6");
        assertThat(actual.total()).isEqualTo(1);
    }

    @Test
    void aReadInChunksGivesWhatAReadInFileOrderGives() {
        Property.forAll(files(), Gens.integers(2, 4), Gens.integers(8, 600)).tries(400)
                .cover("valid files read in chunks", 15)
                .cover("bad files read in chunks", 15)
                .cover("more problems than are kept, read in chunks", 2)
                .cover("read again in file order", 8)
                .cover("warnings read in chunks", 5)
                .check((files, threads, chunkBytes) -> {
                    Path customersFile = write("customers.csv", CUSTOMERS);
                    Path ordersFile = write("orders.csv", files.get(0));
                    Path interactionsFile = write("interactions.csv", files.get(1));
                    CsvFactsSource source = CsvFactsSource.of(customersFile, ordersFile, Optional.of(interactionsFile));

                    Outcome expected = outcome(source.withSplit(1, chunkBytes));
                    CsvFactsSource chunked = source.withSplit(threads, chunkBytes);
                    Outcome actual = outcome(chunked);

                    // A file no larger than a chunk is read in file order anyway.
                    int larger = (Files.size(ordersFile) > chunkBytes ? 1 : 0)
                            + (Files.size(interactionsFile) > chunkBytes ? 1 : 0);
                    Property.classify("valid files read in chunks", expected.read().isPresent()
                            && chunked.filesReadInChunks() > 0);
                    Property.classify("bad files read in chunks", expected.read().isEmpty()
                            && chunked.filesReadInChunks() > 0);
                    Property.classify("more problems than are kept, read in chunks", expected.total() > FileProblems.KEPT
                            && chunked.filesReadInChunks() > 0);
                    Property.classify("read again in file order", chunked.filesReadInChunks() < larger);
                    Property.classify("warnings read in chunks", expected.read().filter(read -> read.warningCount() > 0)
                            .isPresent() && chunked.filesReadInChunks() > 0);
                    assertThat(actual).isEqualTo(expected);
                });
    }
}

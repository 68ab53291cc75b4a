package org.crmkit.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one CSV reader reads every file as crmkit read its files before (the whole file decoded,
 * then Jackson's CSV parser, {@link JacksonCsvOracle}): the same records with the same lines and
 * values, and the same problem. Files are made of the pieces that matter to CSV: separators,
 * quotes (doubled, unclosed, followed by text), the three line ends, spaces, tabs and control
 * characters around values, white space that only {@code strip} removes, and a byte order mark;
 * some have bytes that are not UTF-8 spliced in anywhere. A file read in chunks cut after line
 * breaks gives the same records whenever every chunk's quoting works out.
 */
class CsvReaderProperties {
    @TempDir
    Path dir;

    private static Gen<String> pieces() {
        return Gens.frequency(
                Gens.weighted(8, Gens.of("x", "yz", "1", "a", "b", "c", "é", "中")),
                Gens.weighted(6, Gens.of(",")),
                Gens.weighted(4, Gens.of("\n", "\r\n", "\r")),
                Gens.weighted(3, Gens.of(" ", "  ", "\t", "\u0007", "\u3000", "\u00A0", "\u2003")),
                Gens.weighted(3, Gens.of("\"", "\"\"")),
                Gens.weighted(1, Gens.of("\"x,\ny\"", "\"q\"\"q\"", " \"s\" ", "\"\"")));
    }

    private static Gen<String> headers() {
        return Gens.of("a,b,c\n", "a,b\n", " a , c \r\n", "b,c\n", "a,a\n", "a\n", "", "\n\na,b,c\n", "\"a\",b\n",
                "\uFEFFa,b,c\n", "a,\"b\nc\",c\n", "\uFEFF");
    }

    static Gen<String> files() {
        Gen<List<String>> body = pieces().list(0, 60);
        return source -> headers().generate(source) + String.join("", body.generate(source));
    }

    /** What the reader gave, in the oracle's terms. */
    private static JacksonCsvOracle.Read read(Path file, String name) {
        List<String> records = new ArrayList<>();
        CsvReader.Outcome outcome = CsvReader.read(new InputFile(file, name), record -> {
            records.add(record.line() + ":" + record.texts());
            return record;
        });
        if (outcome.readable()) {
            assertThat(outcome.records()).isEqualTo(records.size());
        } else {
            records.clear();
        }
        return new JacksonCsvOracle.Read(records, outcome.problem().map(InputProblem::toString));
    }

    @Test
    void readsEveryTextAsJacksonsCsvParserDid() {
        Property.forAll(files()).check(text -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Path file = Files.write(dir.resolve("f.csv"), bytes);
            assertThat(read(file, "f.csv")).as("text %s", text.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(JacksonCsvOracle.read("f.csv", bytes));
        });
    }

    @Test
    void bytesThatAreNotUtf8MakeTheFileUnreadableAtTheLineOfTheFirst() {
        Gen<byte[]> bad = Gens.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE9}, new byte[] {(byte) 0xED,
            (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF0, (byte) 0x9F}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0x41});
        Property.forAll(files(), bad, Gens.integers(0, 1000)).check((text, bytes, at) -> {
            byte[] all = splice(text.getBytes(StandardCharsets.UTF_8), bytes, at);
            Path file = Files.write(dir.resolve("f.csv"), all);
            assertThat(read(file, "f.csv")).isEqualTo(JacksonCsvOracle.read("f.csv", all));
        });
    }

    @Test
    void aStreamReadsAsAFileDoesWhateverItsReadsReturn() {
        Property.forAll(files(), Gens.integers(1, 7)).tries(300).check((text, step) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            List<String> records = new ArrayList<>();
            // A pipe gives few bytes at a time; the reader must not mind where a read ends.
            ByteArrayInputStream in = new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, step));
                }
            };
            CsvReader.Outcome outcome = CsvReader.read(in, "<stdin>", read -> { }, record -> {
                records.add(record.line() + ":" + record.texts());
                return record;
            });
            assertThat(new JacksonCsvOracle.Read(outcome.readable() ? records : List.of(),
                    outcome.problem().map(InputProblem::toString))).isEqualTo(JacksonCsvOracle.read("<stdin>", bytes));
        });
    }

    @Test
    void chunksCutAfterLineBreaksReadAsTheWholeFileWhenTheirQuotingWorksOut() {
        Property.forAll(Gens.oneOf(files(), wellQuotedFiles()), Gens.integers(0, 200).list(0, 8)).tries(500)
                .cover("cut into several well-formed chunks", 10)
                .check((text, cuts) -> {
                    List<String> chunks = chunks(text, cuts);
                    List<String> records = new ArrayList<>();
                    int lines = 0;
                    boolean wellFormed = true;
                    for (int i = 0; i < chunks.size() && wellFormed; i++) {
                        char[] chars = chunks.get(i).toCharArray();
                        int before = lines;
                        CsvReader.ChunkOutcome outcome = CsvReader.readChunk(chars, chars.length, i == 0,
                                new CsvRecord(), record -> {
                                    records.add((record.line() + before) + ":" + record.texts());
                                    return record;
                                });
                        wellFormed = outcome.wellFormed();
                        lines += outcome.lines();
                    }
                    Property.classify("cut into several well-formed chunks", wellFormed && chunks.size() > 1);
                    if (wellFormed) {
                        JacksonCsvOracle.Read whole = JacksonCsvOracle.read("f.csv",
                                text.getBytes(StandardCharsets.UTF_8));
                        assertThat(whole.problem()).isEmpty();
                        assertThat(records).isEqualTo(whole.records());
                    }
                });
    }

    /** Records of plain and quoted values (line breaks and doubled quotes inside), well quoted throughout. */
    private static Gen<String> wellQuotedFiles() {
        Gen<String> value = Gens.frequency(Gens.weighted(6, Gens.of("x", "12.50", "", " é ", "\t中\u0007")),
                Gens.weighted(2, Gens.of("\"a,b\"", "\"line\nbreak\"", "\"cr\r\nlf\"", "\"say \"\"hi\"\"\"", " \"q\" ")));
        Gen<String> ending = Gens.of("\n", "\r\n", "\r", "\n\n");
        Gen<String> record = source -> String.join(",", value.list(1, 4).generate(source)) + ending.generate(source);
        return source -> Gens.of("", "\uFEFF").generate(source) + String.join("", record.list(0, 30).generate(source));
    }

    /** The text cut after the first line feed at or after each cut position. */
    private static List<String> chunks(String text, List<Integer> cuts) {
        List<Integer> at = new ArrayList<>();
        for (int cut : cuts) {
            int lineFeed = text.indexOf('\n', Math.min(cut, text.length()));
            if (lineFeed >= 0) {
                at.add(lineFeed + 1);
            }
        }
        at.add(text.length());
        List<String> chunks = new ArrayList<>();
        int from = 0;
        for (int to : at.stream().sorted().distinct().toList()) {
            if (to > from) {
                chunks.add(text.substring(from, to));
                from = to;
            }
        }
        return chunks;
    }

    private static byte[] splice(byte[] good, byte[] bad, int at) {
        int cut = Math.min(at, good.length);
        while (cut > 0 && cut < good.length && (good[cut] & 0xC0) == 0x80) {
            cut--;
        }
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, cut);
        System.arraycopy(bad, 0, all, cut, bad.length);
        System.arraycopy(good, cut, all, cut + bad.length, good.length - cut);
        return all;
    }

    @Test
    void longValuesAndFilesLongerThanOneChunkReadAsTheOracleReadsThem() throws IOException {
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int i = 0; text.length() < 3 << 20; i++) {
            text.append(i).append(", \"").append("q\"\"".repeat(i % 7)).append("\r\n").append("x".repeat(i % 5000))
                    .append("\",  é").append(i % 3 == 0 ? "\r" : "\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("long.csv"), bytes);

        assertThat(read(file, "long.csv")).isEqualTo(JacksonCsvOracle.read("long.csv", bytes));
        byte[] broken = splice(bytes, new byte[] {(byte) 0xFF}, bytes.length - 10);
        Files.write(file, broken);
        assertThat(read(file, "long.csv")).isEqualTo(JacksonCsvOracle.read("long.csv", broken));
        long lineFeeds = new String(bytes, 0, bytes.length - 10, StandardCharsets.UTF_8).chars()
                .filter(c -> c == '\n').count();
        assertThat(read(file, "long.csv").problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("long.csv:" + (1 + lineFeeds) + ": not UTF-8 text"));
    }
}

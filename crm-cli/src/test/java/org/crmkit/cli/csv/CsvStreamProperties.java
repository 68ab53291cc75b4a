package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reader reads every file as {@link CsvTable} (Jackson's CSV parser over the decoded
 * text) does: the same rows with the same lines and values, and the same problems in the same
 * order. Files are made of the pieces that matter to CSV: separators, quotes (doubled, unclosed,
 * followed by text), the three line ends, spaces, tabs and control characters around values, white
 * space that only {@code strip} removes, and a byte order mark.
 */
class CsvStreamProperties {
    private static final List<String> REQUIRED = List.of("a");
    private static final List<String> OPTIONAL = List.of("b", "c");

    @TempDir
    Path dir;

    /** What a read gave: its rows and its problems. */
    private record Read(List<String> rows, List<String> problems) {
    }

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
                "\uFEFFa,b,c\n", "a,\"b\nc\",c\n");
    }

    private static Gen<String> files() {
        Gen<List<String>> body = pieces().list(0, 60);
        return source -> headers().generate(source) + String.join("", body.generate(source));
    }

    @Test
    void readsEveryTextAsTheTableReaderDoes() {
        Property.forAll(files()).check(text -> {
            Path file = Files.writeString(dir.resolve("f.csv"), text, StandardCharsets.UTF_8);
            assertThat(stream(file, 1)).as("text %s", text.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(table(file));
        });
    }

    @Test
    void readsEveryTextAsTheTableReaderDoesWhenAnotherThreadParses() {
        Property.forAll(files()).tries(300).check(text -> {
            Path file = Files.writeString(dir.resolve("f.csv"), text, StandardCharsets.UTF_8);
            assertThat(stream(file, 3)).isEqualTo(table(file));
        });
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAsTheTableReaderDoes() {
        Gen<byte[]> bad = Gens.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE9}, new byte[] {(byte) 0xED,
            (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF0, (byte) 0x9F}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0x41});
        Property.forAll(files(), bad, Gens.integers(0, 1000)).check((text, bytes, at) -> {
            byte[] good = text.getBytes(StandardCharsets.UTF_8);
            int cut = Math.min(at, good.length);
            while (cut > 0 && cut < good.length && (good[cut] & 0xC0) == 0x80) {
                cut--;
            }
            byte[] all = new byte[good.length + bytes.length];
            System.arraycopy(good, 0, all, 0, cut);
            System.arraycopy(bytes, 0, all, cut, bytes.length);
            System.arraycopy(good, cut, all, cut + bytes.length, good.length - cut);
            Path file = Files.write(dir.resolve("f.csv"), all);
            assertThat(stream(file, 1)).isEqualTo(table(file));
            assertThat(stream(file, 2)).isEqualTo(table(file));
        });
    }

    @Test
    void longValuesAndFilesLongerThanOneChunkReadTheSame() throws IOException {
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int i = 0; text.length() < 3 << 20; i++) {
            text.append(i).append(", \"").append("q\"\"".repeat(i % 7)).append("\r\n").append("x".repeat(i % 5000))
                    .append("\",  é").append(i % 3 == 0 ? "\r" : "\n");
        }
        Path file = Files.writeString(dir.resolve("long.csv"), text, StandardCharsets.UTF_8);

        assertThat(stream(file, 1)).isEqualTo(table(file));
        assertThat(stream(file, 64)).isEqualTo(table(file));
    }

    private static Read table(Path file) {
        Problems problems = new Problems();
        Optional<CsvTable> table = CsvTable.read(file, REQUIRED, OPTIONAL, problems);
        List<String> rows = new ArrayList<>();
        table.ifPresent(read -> read.rows().forEach(row -> rows.add(row.line() + ":" + row.values())));
        return new Read(rows, problems(problems));
    }

    private static Read stream(Path file, int batch) {
        FileProblems problems = new FileProblems();
        List<String> rows = new ArrayList<>();
        StreamTable table = new StreamTable(file, problems, REQUIRED, OPTIONAL, batch) {
            @Override
            void started() {
            }

            @Override
            void record(StreamRow row) {
                rows.add(row.line() + ":" + row.texts());
            }
        };
        table.read(file, ReadProgress.NONE);
        if (!table.readable()) {
            rows.clear();
        }
        List<CsvProblem> found = new ArrayList<>();
        problems.appendTo(found, Integer.MAX_VALUE);
        return new Read(rows, found.stream().map(CsvProblem::toString).toList());
    }

    private static List<String> problems(Problems problems) {
        try {
            problems.throwIfAny();
            return List.of();
        } catch (CsvImportException e) {
            return e.problems().stream().map(CsvProblem::toString).toList();
        }
    }
}

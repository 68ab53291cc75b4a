package org.crmkit.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import org.crmkit.rules.io.CsvRecord;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read as a stream by {@link StreamTable}, on one thread or with another thread parsing in
 * batches, is checked as {@link CsvTable} checks the file read whole: the same rows with the same
 * lines and values, and the same problems (header, field counts, quoting, encoding) in the same
 * order. How the one reader parses CSV is checked in crm-rules ({@code CsvReaderProperties});
 * these files vary what the tables check: headers with missing, repeated and unknown columns,
 * rows with too few or too many fields, blank lines, and now and then broken quoting or bytes
 * that are not UTF-8.
 */
class StreamTableProperties {
    private static final List<String> REQUIRED = List.of("a");
    private static final List<String> OPTIONAL = List.of("b", "c");

    @TempDir
    Path dir;

    /** What a read gave: its rows and its problems. */
    private record Read(List<String> rows, List<String> problems) {
    }

    private static Gen<String> headers() {
        return Gens.of("a,b,c", "a,b", " a , c ", "b,c", "a,a", "a", "", "a,x,b", "\"a\",b", "\uFEFFa,b,c", "c,b,a,a");
    }

    /** Rows of mostly as many fields as the header has. */
    private static Gen<String> rows(int fields) {
        Gen<String> cell = Gens.frequency(Gens.weighted(60, Gens.of("1", "x y", "", " é ", "\"q,\nq\"")),
                Gens.weighted(1, Gens.of("\"open", "\"q\"x", "\u0000")));
        Gen<Integer> count = Gens.frequency(Gens.weighted(12, Gens.constant(Math.max(fields, 1))),
                Gens.weighted(1, Gens.integers(1, 5)));
        Gen<String> ending = Gens.of("\n", "\r\n", "\r", "\n\n");
        return source -> {
            List<String> cells = new ArrayList<>();
            for (int i = count.generate(source); i > 0; i--) {
                cells.add(cell.generate(source));
            }
            return String.join(",", cells) + ending.generate(source);
        };
    }

    /** A file's bytes: a header and rows, {@code \u0000} standing for a byte that is not UTF-8. */
    private static Gen<byte[]> files() {
        return source -> {
            String header = headers().generate(source);
            String text = header + "\n" + String.join("", rows(header.split(",", -1).length).list(0, 30)
                    .generate(source));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String[] parts = text.split("\u0000", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    bytes.write(0xE9);
                }
                bytes.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
            }
            return bytes.toByteArray();
        };
    }

    @Test
    void aStreamedFileIsCheckedAsTheWholeFileIs() {
        Property.forAll(files(), Gens.of(1, 2, 3, 64)).tries(600)
                .cover("a problem", 30)
                .cover("rows and no problem", 10)
                .check((bytes, batch) -> {
                    Path file = Files.write(dir.resolve("f.csv"), bytes);
                    Read whole = table(file);
                    Property.classify("a problem", !whole.problems().isEmpty());
                    Property.classify("rows and no problem", whole.problems().isEmpty() && !whole.rows().isEmpty());
                    assertThat(stream(file, batch)).isEqualTo(whole);
                });
    }

    @Test
    void aFileOfManyBatchesAndReaderChunksIsCheckedTheSame() throws IOException {
        StringBuilder text = new StringBuilder("c,a\n");
        for (int i = 0; text.length() < 3 << 20; i++) {
            text.append(i % 1000 == 0 ? "x\n" : i + ",\"" + "v".repeat(i % 300) + "\"\n");
        }
        Path file = Files.writeString(dir.resolve("long.csv"), text, StandardCharsets.UTF_8);

        assertThat(stream(file, 1)).isEqualTo(table(file));
        assertThat(stream(file, 64)).isEqualTo(table(file));
    }

    private static Read table(Path file) {
        Problems problems = new Problems();
        Optional<CsvTable> table = CsvTable.read(InputFile.of(file), REQUIRED, OPTIONAL, problems);
        List<String> rows = new ArrayList<>();
        table.ifPresent(read -> read.rows().forEach(row -> rows.add(row.line() + ":" + row.values())));
        return new Read(rows, problems.list().stream().map(InputProblem::toString).toList());
    }

    private static Read stream(Path file, int batch) {
        FileProblems problems = new FileProblems();
        List<String> rows = new ArrayList<>();
        StreamTable table = new StreamTable(InputFile.of(file), problems, REQUIRED, OPTIONAL, batch) {
            @Override
            void started() {
            }

            @Override
            void record(CsvRecord row) {
                rows.add(row.line() + ":" + row.texts());
            }
        };
        table.read(InputFile.of(file), ReadProgress.NONE);
        if (!table.readable()) {
            rows.clear();
        }
        List<InputProblem> found = new ArrayList<>();
        problems.appendTo(found, Integer.MAX_VALUE);
        return new Read(rows, found.stream().map(InputProblem::toString).toList());
    }
}

package org.crmkit.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvReaderTest {
    @TempDir
    Path dir;

    /** The records as {@code line:[values]}, and the outcome. */
    private record Read(List<String> records, CsvReader.Outcome outcome) {
    }

    private Read read(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        List<String> records = new ArrayList<>();
        CsvReader.Outcome outcome = CsvReader.read(new InputFile(file, name), record -> {
            records.add(record.line() + ":" + record.texts());
            return record;
        });
        return new Read(records, outcome);
    }

    private Read read(String text) throws IOException {
        return read("f.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyRecordCarriesTheLineItStartsOnCountingLineBreaksInQuotedValues() throws IOException {
        Read read = read("\uFEFFid,note\r\n1,\"two\r\nlines\"\n\n  \n2 , \" padded \" \r3,\"say \"\"hi\"\"\"\n");

        assertThat(read.records()).containsExactly("1:[id, note]", "2:[1, two\r\nlines]", "6:[2, padded]",
                "7:[3, say \"hi\"]");
        assertThat(read.outcome()).isEqualTo(new CsvReader.Outcome(true, true, 4, Optional.empty()));
    }

    @Test
    void anEmptyFileHasNoRecordsAndNoProblem() throws IOException {
        assertThat(read("").outcome()).isEqualTo(new CsvReader.Outcome(true, true, 0, Optional.empty()));
        assertThat(read("\uFEFF").outcome()).isEqualTo(new CsvReader.Outcome(true, true, 0, Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "id,amount\\n1,\"5\\n | 2 | column 'amount': malformed quoting: a quoted value is not closed before the end of"
                    + " the file",
            "id,amount\\n1,\"5\"0\\n | 2 | column 'amount': malformed quoting: unexpected text after the closing quote"
                    + " of a value (quotes inside a quoted value are doubled: \"\")",
            "id\\n1,\"5\"0\\n | 2 | malformed quoting: unexpected text after the closing quote of a value (quotes inside"
                    + " a quoted value are doubled: \"\")"})
    void malformedQuotingEndsTheRecordsAtItsLineNamingTheHeadersColumn(String text, int line, String message)
            throws IOException {
        Read read = read(text.replace("\\n", "\n"));

        assertThat(read.records()).containsExactly(text.startsWith("id,") ? "1:[id, amount]" : "1:[id]");
        assertThat(read.outcome().readable()).isTrue();
        assertThat(read.outcome().complete()).isFalse();
        assertThat(read.outcome().problem()).hasValueSatisfying(problem ->
                assertThat(problem).hasToString("f.csv:" + line + ": " + message));
    }

    @Test
    void bytesThatAreNotUtf8MakeTheFileUnreadableAtTheirLineEvenAfterMalformedQuoting() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,name\r\n1,\"open\n2,x\n3,caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));

        Read read = read("latin1.csv", bytes.toByteArray());

        assertThat(read.outcome().readable()).isFalse();
        assertThat(read.outcome().problem()).hasValueSatisfying(problem -> assertThat(problem).hasToString(
                "latin1.csv:4: not UTF-8 text: bad byte sequence at byte offset 26"));
    }

    @Test
    void aFileThatCannotBeOpenedIsUnreadable() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));

        assertThat(CsvReader.read(InputFile.of(dir.resolve("missing.csv")), record -> record))
                .isEqualTo(new CsvReader.Outcome(false, false, 0,
                        Optional.of(InputProblem.inFile(dir.resolve("missing.csv").toString(), "no such file"))));
        assertThat(CsvReader.read(new InputFile(folder, "folder"), record -> record).problem())
                .contains(InputProblem.inFile("folder", "is a directory, not a CSV file"));
    }

    @Test
    void aStreamIsReadToItsEndUnderTheNameGiven() {
        List<Long> reads = new ArrayList<>();
        List<String> records = new ArrayList<>();
        byte[] bytes = "a,b\n1,2\n3,x\"y\n".getBytes(StandardCharsets.UTF_8);

        CsvReader.Outcome outcome = CsvReader.read(new ByteArrayInputStream(bytes), "<stdin>", reads::add, record -> {
            records.add(record.line() + ":" + record.texts());
            return record;
        });

        assertThat(records).containsExactly("1:[a, b]", "2:[1, 2]", "3:[3, x\"y]");
        assertThat(outcome).isEqualTo(new CsvReader.Outcome(true, true, 3, Optional.empty()));
        assertThat(reads.stream().mapToLong(Long::longValue).sum()).isEqualTo(bytes.length);
    }

    @Test
    void aStreamThatFailsIsNotAProblemOfTheInputButAFailure() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device gone");
            }
        };

        assertThatThrownBy(() -> CsvReader.read(failing, "<stdin>", read -> { }, record -> record))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("device gone");
    }

    @Test
    void aHandlerMayKeepARecordAndHandTheReaderAnotherToFill() throws IOException {
        Path file = Files.writeString(dir.resolve("k.csv"), "a\n1\n2\n");
        List<CsvRecord> kept = new ArrayList<>();

        CsvReader.read(InputFile.of(file), record -> {
            kept.add(record);
            return new CsvRecord();
        });

        assertThat(kept).extracting(record -> record.line() + ":" + record.texts())
                .containsExactly("1:[a]", "2:[1]", "3:[2]");
    }

    @Test
    void aChunkIsReadWithLinesFromItsStartAndTellsWhetherItsQuotingWorkedOut() {
        char[] chunk = "x,\"y\"\n\nz,w\n".toCharArray();
        List<String> records = new ArrayList<>();

        CsvReader.ChunkOutcome outcome = CsvReader.readChunk(chunk, chunk.length, false, new CsvRecord(), record -> {
            records.add(record.line() + ":" + record.texts());
            return record;
        });
        char[] open = "x,\"y\n".toCharArray();

        assertThat(records).containsExactly("1:[x, y]", "3:[z, w]");
        assertThat(outcome).isEqualTo(new CsvReader.ChunkOutcome(true, 2, 3));
        assertThat(CsvReader.readChunk(open, open.length, true, new CsvRecord(), record -> record).wellFormed())
                .isFalse();
    }

    @Test
    void anOutcomeHasAProblemExactlyWhenTheFileIsUnreadableOrIncomplete() {
        InputProblem problem = InputProblem.inFile("f.csv", "no such file");

        assertThatThrownBy(() -> new CsvReader.Outcome(true, true, 1, Optional.of(problem)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsvReader.Outcome(false, false, 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsvReader.Outcome(false, true, 0, Optional.of(problem)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

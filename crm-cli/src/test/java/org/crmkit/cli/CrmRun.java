package org.crmkit.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Runs {@code crm} in-process with captured standard output and error and a fixed clock.
 *
 * @param status the exit status
 * @param out what was printed on standard output
 * @param err what was printed on standard error
 */
record CrmRun(int status, String out, String err) {
    /** 2026-03-31 12:00 in Shanghai, the standard policy's zone. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-31T04:00:00Z"), ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads decimal numbers as written, trailing zeros included (0.0000 stays 0.0000). */
    private static final ObjectMapper EXACT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    static CrmRun of(String... args) {
        return with(CLOCK, args);
    }

    static CrmRun with(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Crm.run(clock, new PrintWriter(out), new PrintWriter(err), args);
        return new CrmRun(status, out.toString(), err.toString());
    }

    /**
     * Runs {@code crm} with bytes on its standard input through a real pipe (an operating system
     * pipe, written by another thread as a process would be fed), so that the command can neither
     * seek in it nor read it twice.
     *
     * @param input what standard input gives, then its end
     * @param args the arguments
     * @return the run
     */
    static CrmRun piped(byte[] input, String... args) {
        Pipe pipe;
        try {
            pipe = Pipe.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread writer = new Thread(() -> {
            try (OutputStream sink = Channels.newOutputStream(pipe.sink())) {
                sink.write(input);
            } catch (IOException e) {
                // The command stopped reading (a usage error, say): the rest is not wanted.
            }
        }, "crm-run-stdin");
        writer.start();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try (InputStream in = Channels.newInputStream(pipe.source())) {
            status = Crm.run(CLOCK, in, new PrintWriter(out), new PrintWriter(err), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new CrmRun(status, out.toString(), err.toString());
    }

    /** {@link #piped(byte[], String...)} with a file's bytes. */
    static CrmRun piped(Path input, String... args) {
        try {
            return piped(java.nio.file.Files.readAllBytes(input), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return standard output split into lines */
    List<String> outLines() {
        return out.lines().toList();
    }

    /** @return standard error split into lines */
    List<String> errLines() {
        return err.lines().toList();
    }

    /** @return each line of standard output parsed as JSON */
    List<JsonNode> json() {
        return outLines().stream().map(line -> parse(JSON, line)).toList();
    }

    /** @return each line of standard output parsed as JSON, decimal numbers exactly as written */
    List<JsonNode> exactJson() {
        return outLines().stream().map(line -> parse(EXACT_JSON, line)).toList();
    }

    /** @return the path of a test resource, e.g. {@code fixtures/tier/customers.csv} */
    static Path resource(String name) {
        try {
            return Path.of(CrmRun.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the standard fixture file of {@code crm tier} with that name */
    static String fixture(String file) {
        return resource("fixtures/tier/" + file).toString();
    }

    /** @return the standard fixture file of {@code crm sla} with that name */
    static String slaFixture(String file) {
        return resource("fixtures/sla/" + file).toString();
    }

    /** @return the standard fixture file of {@code crm agenda} with that name */
    static String agendaFixture(String file) {
        return resource("fixtures/agenda/" + file).toString();
    }

    /** @return the standard fixture file of {@code crm lifecycle} with that name */
    static String lifecycleFixture(String file) {
        return resource("fixtures/lifecycle/" + file).toString();
    }

    /** @return the text parsed as JSON */
    static JsonNode parse(String json) {
        return parse(JSON, json);
    }

    private static JsonNode parse(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}

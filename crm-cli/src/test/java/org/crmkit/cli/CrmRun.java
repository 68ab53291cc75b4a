package org.crmkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
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

package org.crmkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real process to its end, with standard output and error captured in files (so that a
 * full pipe can never block it) and read back as UTF-8.
 *
 * @param status the exit status
 * @param out what was printed on standard output
 * @param err what was printed on standard error
 */
record ProcessRun(int status, String out, String err) {
    private static final long TIMEOUT_SECONDS = 60;

    /** The {@code java} of the JVM running the tests, which is the one that built the jars. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * Options that make every JVM print a "Picked up ..." line on standard error; a user's
     * environment may set them, but they are not part of what is tested.
     */
    private static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JDK_JAVA_OPTIONS");

    /**
     * Runs a command.
     *
     * @param dir the working directory, which also receives the captured output
     * @param environment variables to set on top of the inherited ones
     * @param command the program and its arguments
     * @return what it did
     */
    static ProcessRun run(Path dir, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        JVM_OPTION_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not end within " + TIMEOUT_SECONDS + " s; standard error: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** @return standard output split into lines */
    List<String> outLines() {
        return out.lines().toList();
    }

    /** @return standard error split into lines */
    List<String> errLines() {
        return err.lines().toList();
    }
}

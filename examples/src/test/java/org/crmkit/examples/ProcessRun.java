package org.crmkit.examples;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one run of a real process did, for the tests that start the packaged jars.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
record ProcessRun(int status, String out, String err) {
    /** The {@code java} of the build. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * Runs a command with no standard input and waits for it.
     *
     * @param command the command and its arguments
     * @param dir the working directory, which also receives the captured output
     * @param timeoutSeconds how long it may take
     * @return what it did
     * @throws AssertionError if it did not end in time
     */
    static ProcessRun of(List<String> command, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(
                        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // A user's JVM options would add "Picked up ..." lines; they are not what is tested.
        List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS").forEach(builder.environment()::remove);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not end within " + timeoutSeconds + " s");
        }
        return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

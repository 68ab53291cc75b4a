package org.crmkit.cli.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.crmkit.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --output FILE}: a command's records go to a file instead of standard output. They are
 * written to a hidden file beside it, which replaces the file only when the command succeeds, so
 * that bad input, a failure or running out of memory leaves an earlier file as it was and no part
 * of a result behind. Every command that prints records takes the option; it is added to them
 * when the command line is made.
 */
public final class OutputFile {
    /** The name under which the option's mixin is added to each command. */
    static final String MIXIN = "output";

    /** The option itself, one instance per command. */
    public static final class Option {
        @CommandLine.Option(names = "--output", paramLabel = "FILE",
                description = "Write the records to FILE instead of standard output; FILE is replaced only when"
                        + " the command succeeds.")
        Path file;
    }

    private OutputFile() {
    }

    /**
     * Adds the option to a command and its subcommands, those that print records.
     *
     * @param command the command line
     * @param printsRecords whether a command prints records, and so takes the option
     */
    public static void addTo(CommandLine command, Predicate<CommandLine> printsRecords) {
        if (printsRecords.test(command)) {
            command.addMixin(MIXIN, new Option());
        }
        command.getSubcommands().values().forEach(sub -> addTo(sub, printsRecords));
    }

    /**
     * Runs the command that was asked for, into its {@code --output} file if it has one.
     *
     * @param command the command that runs (the last of the command line)
     * @param name e.g. {@code crm tier}, for messages
     * @param run runs it and gives its exit status
     * @return the exit status
     */
    public static int run(CommandLine command, String name, IntSupplier run) {
        Object mixin = command.getMixins().get(MIXIN);
        Path file = mixin instanceof Option option ? option.file : null;
        if (file == null) {
            return run.getAsInt();
        }
        PrintWriter err = command.getErr();
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            err.println(name + ": --output: no directory " + directory + " to write '" + file + "' in");
            return ExitCodes.BAD_INPUT;
        }
        Path part;
        try {
            part = Files.createTempFile(directory, "." + target.getFileName(), ".part");
        } catch (IOException | RuntimeException e) {
            err.println(name + ": --output: cannot write in " + directory + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        PrintWriter standardOutput = command.getOut();
        boolean moved = false;
        try {
            int status;
            try (PrintWriter out = EncodedOutput.of(Files.newOutputStream(part))) {
                command.setOut(out);
                status = run.getAsInt();
                out.flush();
                if (status == ExitCodes.OK && out.checkError()) {
                    err.println(name + ": cannot write '" + file + "'");
                    return ExitCodes.FAILURE;
                }
            } finally {
                command.setOut(standardOutput);
            }
            if (status == ExitCodes.OK) {
                replace(part, target);
                moved = true;
            }
            return status;
        } catch (IOException e) {
            err.println(name + ": cannot write '" + file + "': " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    err.println(name + ": --output: cannot remove " + part + ": " + e.getMessage());
                }
            }
        }
    }

    private static void replace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

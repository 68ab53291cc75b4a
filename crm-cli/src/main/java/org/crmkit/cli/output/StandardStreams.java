package org.crmkit.cli.output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's standard output and error as the command line writes them: UTF-8, past {@code System.out}. */
public final class StandardStreams {
    private StandardStreams() {
    }

    /**
     * Standard output, in UTF-8 whatever the platform's locale (the formats are UTF-8, and names
     * and ids may be in any script), written straight to the file descriptor, past
     * {@code System.out}'s locking, since a command may write hundreds of megabytes there; it
     * takes runs of lines already encoded ({@link EncodedOutput}).
     *
     * @return a writer flushed by the caller
     */
    public static PrintWriter out() {
        return EncodedOutput.of(new FileOutputStream(FileDescriptor.out));
    }

    /** @return standard error in UTF-8, flushed at each line */
    public static PrintWriter err() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
                true);
    }

    /**
     * Whether standard error of this process is a terminal: on Linux, file descriptor 2 is a
     * terminal device. Elsewhere (no {@code /proc}) the answer is no, and no progress is shown.
     *
     * @return true if a person is probably watching standard error
     */
    public static boolean errorIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}

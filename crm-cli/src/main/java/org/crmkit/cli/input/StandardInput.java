package org.crmkit.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.rules.io.InputFile;

/**
 * The standard input of one run of {@code crm}, for the one option that may name it ({@code -}).
 * Read once: copied to a temporary file when a command reads it as a file (so that a file read
 * in chunks, or twice, works from a pipe too), or read whole as text for a policy. The temporary
 * file is deleted when the run ends ({@link #close}). Not thread-safe.
 */
public final class StandardInput implements AutoCloseable {
    /** What messages call standard input. */
    public static final String NAME = "<stdin>";

    private final InputStream in;
    private Optional<InputFile> spooled = Optional.empty();
    private boolean consumed;

    /**
     * @param in the run's standard input; read only when a command asks for it
     */
    public StandardInput(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * Standard input as a file: copied to a temporary file on the first call, the same file after.
     *
     * @return the copy, named {@value #NAME}
     * @throws UncheckedIOException if standard input cannot be read or the copy cannot be written
     */
    public InputFile file() {
        if (spooled.isEmpty()) {
            take();
            try {
                Path copy = Files.createTempFile("crm-stdin-", ".csv");
                copy.toFile().deleteOnExit();
                spooled = Optional.of(new InputFile(copy, NAME));
                try (OutputStream out = Files.newOutputStream(copy)) {
                    in.transferTo(out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy standard input to a temporary file: " + e.getMessage(), e);
            }
        }
        return spooled.get();
    }

    /**
     * Standard input read whole, for an input read once as a document.
     *
     * @return its bytes
     * @throws UncheckedIOException if standard input cannot be read
     */
    public byte[] bytes() {
        if (spooled.isPresent()) {
            try {
                return Files.readAllBytes(spooled.get().path());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the copy of standard input: " + e.getMessage(), e);
            }
        }
        take();
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }

    private void take() {
        if (consumed) {
            // Only one option may name standard input: a second reader would find it empty.
            throw new IllegalStateException("standard input was read already");
        }
        consumed = true;
    }

    /** Deletes the temporary copy, if one was made. */
    @Override
    public void close() {
        spooled.ifPresent(file -> {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                // deleteOnExit removes it at the latest when the JVM ends
            }
        });
    }
}

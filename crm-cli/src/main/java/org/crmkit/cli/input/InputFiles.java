package org.crmkit.cli.input;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.crmkit.rules.io.InputFile;

/** What the command line measures of its input files before reading them. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The input's size, for a progress display's share done and time left.
     *
     * @param files the files; not null
     * @return their sizes added up; a file that cannot be measured counts as empty (the read reports it)
     */
    public static long totalSize(List<InputFile> files) {
        long bytes = 0;
        for (InputFile file : files) {
            try {
                bytes += Files.size(file.path());
            } catch (IOException e) {
                // a missing file is reported by the read; it adds nothing to read
            }
        }
        return bytes;
    }
}

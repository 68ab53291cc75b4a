package org.crmkit.cli.csv;

import org.crmkit.rules.io.InputFile;

/**
 * Told how far a read of the input files has come, for a progress display. Called on the reading
 * thread; an implementation must be quick.
 */
public interface ReadProgress {
    /** Reports nothing. */
    ReadProgress NONE = new ReadProgress() {
    };

    /**
     * A file is about to be read.
     *
     * @param file the file; not null
     * @param pass what the read is for, e.g. {@code "reading"} or {@code "checking duplicate ids"}; not null
     */
    default void file(InputFile file, String pass) {
    }

    /**
     * More bytes of the current file were read.
     *
     * @param bytes how many, since the last call
     */
    default void bytesRead(long bytes) {
    }
}

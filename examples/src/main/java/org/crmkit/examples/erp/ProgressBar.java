package org.crmkit.examples.erp;

import java.io.PrintStream;
import java.util.Locale;
import org.crmkit.jdbc.job.JobProgress;

/**
 * A simple text progress bar for the nightly jobs, always drawn on the stream it is given (the
 * example gives it standard error): one line redrawn in place with a carriage return after each
 * committed chunk, drawn full by {@link #complete()} when the run returns, and ended with a line
 * break when closed. In a file or a pipe each redraw shows as the next state of the same line. Not
 * thread-safe.
 */
final class ProgressBar implements JobProgress, AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private boolean drawn;
    private long done;
    private long total;

    ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void committed(long done, long total) {
        this.done = done;
        this.total = total;
        err.print("\r" + line(label, done, total));
        err.flush();
        drawn = true;
    }

    /**
     * Draws the bar full, keeping its counts, if the run ended short of its total: the agenda job's
     * total counts every customer and its progress those with a contact. Call it when the run has
     * returned, not when it failed.
     */
    void complete() {
        if (drawn && done < total) {
            err.print("\r" + line(label, WIDTH, done, total));
            err.flush();
        }
    }

    /** Ends the bar's line, if it was drawn; a run that had nothing to do draws nothing. */
    @Override
    public void close() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    /** @return e.g. {@code tiering 2026-03-31 [#########---------------------]  1,000 of 3,000 customers} */
    static String line(String label, long done, long total) {
        // The total is an estimate where customers come or go during the run: the bar stays full then.
        return line(label, total <= 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total), done, total);
    }

    private static String line(String label, int filled, long done, long total) {
        return String.format(Locale.ROOT, "%s [%s%s] %,6d of %,d customers", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), done, total);
    }
}

package org.crmkit.examples.erp;

import java.io.PrintStream;
import java.util.Locale;
import org.crmkit.jdbc.job.JobProgress;

/**
 * A simple text progress bar for the tiering job, always drawn on the stream it is given (the
 * example gives it standard error): one line redrawn in place with a carriage return after each
 * committed chunk, ended with a line break when the run is over. In a file or a pipe each redraw
 * shows as the next state of the same line. Not thread-safe.
 */
final class ProgressBar implements JobProgress, AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private boolean drawn;

    ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void committed(long done, long total) {
        err.print("\r" + line(label, done, total));
        err.flush();
        drawn = true;
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
        int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
        return String.format(Locale.ROOT, "%s [%s%s] %,6d of %,d customers", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), done, total);
    }
}

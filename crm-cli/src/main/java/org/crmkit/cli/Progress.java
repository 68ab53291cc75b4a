package org.crmkit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.crmkit.cli.csv.ReadProgress;
import org.crmkit.rules.io.InputFile;

/**
 * A one-line progress display on standard error for long runs: what is being read, how much of
 * the input so far, the rate, the time elapsed and an estimate of the time left, redrawn in place
 * at most four times a second and erased when the run ends, so that the summary follows on a clean
 * line. Shown only when standard error is a terminal; in pipes, files and tests it is
 * {@link #off()} and writes nothing. Not thread-safe.
 */
class Progress implements ReadProgress {
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Nothing shown for runs shorter than this, so that small inputs stay quiet. */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Progress OFF = new Progress();

    private final String command;
    private final PrintWriter err;
    private final LongSupplier clock;
    private final long started;
    private long total;
    private long done;
    private String what = "";
    private long lastDrawn;
    private int drawnWidth;

    private Progress() {
        this("", new PrintWriter(java.io.Writer.nullWriter()), () -> 0L);
    }

    Progress(String command, PrintWriter err, LongSupplier nanoClock) {
        this.command = command;
        this.err = err;
        this.clock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    /** @return a display that shows nothing */
    static Progress off() {
        return OFF;
    }

    /**
     * Sets the amount of input the run will read, for the share done and the time left.
     *
     * @param bytes the input files' sizes added up ({@link org.crmkit.cli.input.InputFiles#totalSize})
     */
    void expect(long bytes) {
        total = bytes;
    }

    @Override
    public void file(InputFile file, String pass) {
        // The name without its folders, e.g. orders.csv, or <stdin>.
        String name = file.name();
        what = pass + " " + name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        draw(true);
    }

    @Override
    public void bytesRead(long bytes) {
        done += bytes;
        draw(false);
    }

    /**
     * Reports work on output, after the input was read.
     *
     * @param activity e.g. {@code "customers decided and written"}
     * @param count items done
     */
    void writing(String activity, long count) {
        writing(activity, count, 0);
    }

    /**
     * Reports work of a known amount: the count, its share of the total, the time elapsed and an
     * estimate of the time left.
     *
     * @param activity e.g. {@code "customers tiered"}
     * @param count items done
     * @param total items there are, or 0 if unknown
     */
    void writing(String activity, long count, long total) {
        long now = clock.getAsLong();
        if (this == OFF || now - lastDrawn < REDRAW_NANOS || now - started < QUIET_NANOS) {
            return;
        }
        lastDrawn = now;
        long elapsed = now - started;
        if (total <= 0) {
            show(String.format(Locale.ROOT, "%s: %,d %s, %s elapsed", command, count, activity, duration(elapsed)));
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d of %,d %s (%d%%), %s elapsed",
                command, count, total, activity, Math.min(100, count * 100 / total), duration(elapsed)));
        if (total > count && count > 0) {
            line.append(", about ").append(duration((long) ((double) elapsed / count * (total - count)))).append(" left");
        }
        show(line.toString());
    }

    /** Erases the display, if anything was shown. */
    void done() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    private void draw(boolean force) {
        if (this == OFF) {
            return;
        }
        long now = clock.getAsLong();
        if ((!force && now - lastDrawn < REDRAW_NANOS) || now - started < QUIET_NANOS) {
            return;
        }
        lastDrawn = now;
        long elapsed = now - started;
        double seconds = Math.max(elapsed / 1e9, 1e-3);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(command).append(": ").append(what);
        if (total > 0) {
            line.append(String.format(Locale.ROOT, " %3d%%", Math.min(100, done * 100 / total)));
        }
        line.append(String.format(Locale.ROOT, " %,d MB, %,.0f MB/s, %s elapsed", done >> 20, rate / (1 << 20),
                duration(elapsed)));
        if (total > done && rate > 0) {
            line.append(", about ").append(duration((long) ((total - done) / rate * 1e9))).append(" left");
        }
        show(line.toString());
    }

    private void show(String text) {
        int width = text.length();
        err.print("\r" + text + (drawnWidth > width ? " ".repeat(drawnWidth - width) : ""));
        err.flush();
        drawnWidth = Math.max(width, drawnWidth);
    }

    /** @return e.g. {@code 7s} or {@code 2m05s} */
    static String duration(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return seconds < 60 ? seconds + "s" : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}

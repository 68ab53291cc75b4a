package org.crmkit.cli;

/** The exit statuses of {@code crm}, part of its external contract. */
public final class ExitCodes {
    /** Success, possibly with warnings on standard error. */
    public static final int OK = 0;
    /** Anything that is neither success nor bad input, e.g. {@code policy lint --strict} with warnings. */
    public static final int FAILURE = 1;
    /** Bad input or a bad policy, or a command-line usage error; nothing was written on standard output. */
    public static final int BAD_INPUT = 2;
    /**
     * Another job holds the database's job lock ({@code crm nightly}): this run did nothing; try
     * again once that one is done.
     */
    public static final int JOB_RUNNING = 3;

    private ExitCodes() {
    }
}

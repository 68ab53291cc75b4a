package org.crmkit.cli.csv;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.rules.io.InputProblem;

/**
 * The problems of one file read as a stream, in the order {@link CsvImport} reports them: malformed
 * quoting first (the table reader parses the whole file before it checks anything), then the
 * header, then rows whose field count differs from the header's, then bad values line by line;
 * and apart from them its warnings, line by line, which do not make the file invalid.
 * Only the first {@link #KEPT} of each kind are kept, the rest counted, so that a file broken on
 * every one of ten million lines costs no memory. A duplicate id is kept as pending until the
 * file's second look confirms it (see {@link DuplicateIds}). Thread-safe: the parsing and the
 * recording thread of a file both report; once the file is found unreadable, that is its only problem.
 */
final class FileProblems {
    /** Problems kept per file and kind; more than any report shows. */
    static final int KEPT = 100;

    private static final int QUOTING = 0;
    private static final int HEADER = 1;
    private static final int FIELDS = 2;
    private static final int VALUES = 3;
    private static final int WARNINGS = 4;
    /** The kinds that are problems, not warnings. */
    private static final int PROBLEM_KINDS = 4;

    /** A problem, or a duplicate id waiting for confirmation. */
    private record Entry(InputProblem problem, int suspect) {
    }

    private final List<List<Entry>> kept = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
            new ArrayList<>(), new ArrayList<>());
    private final long[] counts = new long[5];
    private long pending;
    /** Set when the file is unreadable: the one problem, which nothing reported later changes. */
    private InputProblem fatal;

    /** Replaces everything reported so far and later: the file counts as unreadable. */
    synchronized void replaceAll(InputProblem problem) {
        kept.forEach(List::clear);
        java.util.Arrays.fill(counts, 0);
        pending = 0;
        add(QUOTING, new Entry(problem, -1));
        fatal = problem;
    }

    synchronized void quoting(InputProblem problem) {
        add(QUOTING, new Entry(problem, -1));
    }

    synchronized void header(InputProblem problem) {
        add(HEADER, new Entry(problem, -1));
    }

    synchronized void fields(InputProblem problem) {
        add(FIELDS, new Entry(problem, -1));
    }

    synchronized void value(InputProblem problem) {
        add(VALUES, new Entry(problem, -1));
    }

    /** Something worth a warning, which does not make the file invalid. */
    synchronized void warning(InputProblem warning) {
        add(WARNINGS, new Entry(warning, -1));
    }

    /**
     * Whether a warning would be kept; when not, {@link #warningNotKept} counts it, so that a file
     * with millions of them builds no message beyond the first {@value #KEPT}.
     */
    synchronized boolean keepsWarning() {
        return fatal == null && kept.get(WARNINGS).size() < KEPT;
    }

    /** Counts a warning that {@link #keepsWarning} said is not kept. */
    synchronized void warningNotKept() {
        if (fatal == null) {
            counts[WARNINGS]++;
        }
    }

    /** @return how many warnings there are */
    synchronized long warnings() {
        return counts[WARNINGS];
    }

    /** Adds this file's first warnings, in line order, until the list holds {@code max}. */
    synchronized void appendWarningsTo(List<InputProblem> warnings, int max) {
        for (Entry entry : kept.get(WARNINGS)) {
            if (warnings.size() >= max) {
                return;
            }
            warnings.add(entry.problem());
        }
    }

    /**
     * A duplicate id as far as its fingerprint tells; counted only once confirmed.
     *
     * @param problem the problem as it reads if confirmed, with a placeholder for the first line
     * @param suspect the suspect's number in {@link DuplicateIds}
     */
    synchronized void pendingDuplicate(InputProblem problem, int suspect) {
        if (fatal != null) {
            return;
        }
        pending++;
        List<Entry> values = kept.get(VALUES);
        if (values.size() < KEPT) {
            values.add(new Entry(problem, suspect));
        }
    }

    /** @return whether any problem (a pending one included) was reported */
    synchronized boolean any() {
        return pending > 0 || counts[0] + counts[1] + counts[2] + counts[3] > 0;
    }

    /**
     * Settles the pending duplicates.
     *
     * @param firstLines for each suspect, the line its id was first seen on, or 0 when only its
     *     fingerprint was (a different id)
     */
    synchronized void confirm(int[] firstLines) {
        if (fatal != null) {
            return;
        }
        long confirmed = 0;
        for (int firstLine : firstLines) {
            confirmed += firstLine > 0 ? 1 : 0;
        }
        counts[VALUES] += confirmed;
        pending = 0;
        List<Entry> values = kept.get(VALUES);
        List<Entry> settled = new ArrayList<>(values.size());
        for (Entry entry : values) {
            if (entry.suspect() < 0) {
                settled.add(entry);
            } else if (firstLines[entry.suspect()] > 0) {
                settled.add(new Entry(entry.problem().withMessageEnding(String.valueOf(firstLines[entry.suspect()])),
                        -1));
            }
        }
        values.clear();
        values.addAll(settled);
    }

    /** @return how many problems there are, pending duplicates not counted */
    synchronized long count() {
        return counts[0] + counts[1] + counts[2] + counts[3];
    }

    /** Adds this file's first problems, in report order, until the list holds {@code max}. */
    synchronized void appendTo(List<InputProblem> problems, int max) {
        for (List<Entry> kind : kept.subList(0, PROBLEM_KINDS)) {
            for (Entry entry : kind) {
                if (problems.size() >= max) {
                    return;
                }
                problems.add(entry.problem());
            }
        }
    }

    /**
     * Adds the problems of a later part of the file, read apart, after this part's: each kind's
     * entries follow this part's entries of that kind, as reading the parts one after the other
     * reports them, and the counts add up.
     *
     * @param later the later part's problems, with lines counted from its start; none pending
     * @param lineOffset the lines of the file before the later part
     */
    synchronized void append(FileProblems later, int lineOffset) {
        if (fatal != null) {
            return;
        }
        synchronized (later) {
            for (int kind = 0; kind < kept.size(); kind++) {
                List<Entry> entries = kept.get(kind);
                for (Entry entry : later.kept.get(kind)) {
                    if (entries.size() == KEPT) {
                        break;
                    }
                    entries.add(new Entry(entry.problem().movedDown(lineOffset), entry.suspect()));
                }
                counts[kind] += later.counts[kind];
            }
            pending += later.pending;
        }
    }

    private void add(int kind, Entry entry) {
        if (fatal != null) {
            return;
        }
        counts[kind]++;
        List<Entry> entries = kept.get(kind);
        if (entries.size() < KEPT) {
            entries.add(entry);
        }
    }
}

package org.crmkit.rules.internal.section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.policy.PolicyValidationException;

/**
 * Collects the problems of one document, so that all of them are reported at once. A section's
 * reader gets a {@link #child() child}: its problems go to the document's list, and the child
 * tells whether that section found any, which the sections of a document must not see of each other.
 */
public final class Problems {
    private final String source;
    private final List<InputProblem> found;
    private int own;

    /**
     * Creates an empty collector.
     *
     * @param source the document's name
     */
    public Problems(String source) {
        this(source, new ArrayList<>());
    }

    private Problems(String source, List<InputProblem> found) {
        this.source = source;
        this.found = found;
    }

    /**
     * A collector for one part of the document, such as a section: it adds to this collector's
     * list, and {@link #isEmpty()} counts only what it added itself.
     *
     * @return the child
     */
    public Problems child() {
        return new Problems(source, found);
    }

    /** @return the document's name */
    public String source() {
        return source;
    }

    /**
     * Records a problem about a node.
     *
     * @param node where
     * @param message what, quoting the bad value
     */
    public void add(Node node, String message) {
        add(node.line(), node.path(), message);
    }

    /**
     * Records a problem.
     *
     * @param line the line, 0 if unknown
     * @param path the path
     * @param message what
     */
    public void add(int line, String path, String message) {
        found.add(InputProblem.atPath(source, line, path, message));
        own++;
    }

    /**
     * Records a problem in another file that the document refers to, such as a calendar file.
     *
     * @param problem where in that file and what
     */
    public void addExternal(InputProblem problem) {
        found.add(problem);
        own++;
    }

    /** @return true when this collector (not a sibling child) found nothing */
    public boolean isEmpty() {
        return own == 0;
    }

    /** @return true when nothing at all was found in the document */
    public boolean noneInDocument() {
        return found.isEmpty();
    }

    /** @return the document's problems in line order, then those of the files it refers to */
    public List<InputProblem> list() {
        List<InputProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing((InputProblem problem) -> !problem.source().equals(source))
                .thenComparing(problem -> problem.source().equals(source) ? "" : problem.source())
                .thenComparingInt(InputProblem::line));
        return List.copyOf(sorted);
    }

    /** Throws if anything was found. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new PolicyValidationException(list());
        }
    }

    /**
     * The first line of a library's message: parsers and readers append source excerpts and
     * pointers after it that make no sense in a one-line problem.
     *
     * @param message the message, possibly null
     * @return its first line, stripped, or "unreadable" when there is none
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}

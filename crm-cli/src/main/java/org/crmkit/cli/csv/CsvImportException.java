package org.crmkit.cli.csv;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.CrmException;
import org.crmkit.rules.io.InputProblem;

/**
 * Input files are invalid. Carries the problems found in every file, so that a user can fix
 * them all at once; nothing of invalid input is ever processed. A streaming read keeps only the
 * first problems of a file broken on millions of lines and counts the rest: {@link #total()}
 * says how many there are in all.
 */
public class CsvImportException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;
    private final long total;

    /**
     * Creates the exception with every problem.
     *
     * @param problems one or more problems, in file and line order; not null
     */
    public CsvImportException(List<InputProblem> problems) {
        this(problems, Objects.requireNonNull(problems, "problems").size());
    }

    /**
     * Creates the exception with the first problems and the number of all.
     *
     * @param problems the first problems, one or more, in report order; not null
     * @param total how many problems there are in all, at least as many as given
     */
    public CsvImportException(List<InputProblem> problems, long total) {
        super(summary(problems, total));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    /** @return the problems (all of them, or the first ones of a streaming read), in report order */
    public List<InputProblem> problems() {
        return problems;
    }

    /** @return how many problems there are in all; more than {@link #problems()} holds when only the first were kept */
    public long total() {
        return total;
    }

    private static String summary(List<InputProblem> problems, long total) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an import exception needs at least one problem");
        }
        if (total < problems.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the " + problems.size()
                    + " problems given");
        }
        return total == 1 ? "Invalid input: " + problems.get(0)
                : "Invalid input, " + total + " problems, the first: " + problems.get(0);
    }
}

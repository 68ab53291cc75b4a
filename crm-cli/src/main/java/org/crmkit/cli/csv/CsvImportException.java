package org.crmkit.cli.csv;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.CrmException;

/**
 * Input files are invalid. Carries every problem found in every file, so that a user can fix
 * them all at once; nothing of invalid input is ever processed.
 */
public class CsvImportException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient List<CsvProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems one or more problems, in file and line order; not null
     */
    public CsvImportException(List<CsvProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in file and line order */
    public List<CsvProblem> problems() {
        return problems;
    }

    private static String summary(List<CsvProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an import exception needs at least one problem");
        }
        return problems.size() == 1 ? "Invalid input: " + problems.get(0)
                : "Invalid input, " + problems.size() + " problems, the first: " + problems.get(0);
    }
}

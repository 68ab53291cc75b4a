package org.crmkit.rules.policy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crmkit.core.CrmException;
import org.crmkit.rules.io.InputProblem;

/**
 * A policy document is invalid. Carries every problem found, each naming the document, the
 * line and the path, so that a user can fix them all at once; nothing of an invalid policy is
 * ever used.
 */
public class PolicyValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems one or more problems, each naming the document (or a file it names), the line
     *     and the key path; not null
     */
    public PolicyValidationException(List<InputProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in document order */
    public List<InputProblem> problems() {
        return problems;
    }

    private static String render(List<InputProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Invalid policy: " + problems.get(0);
        }
        return "Invalid policy, " + problems.size() + " problems:\n"
                + problems.stream().map(problem -> "  " + problem).collect(Collectors.joining("\n"));
    }
}

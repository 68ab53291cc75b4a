package org.crmkit.rules.io;

import java.util.Objects;
import org.crmkit.core.InvalidValueException;

/**
 * An input file is invalid where a reader stops at its first problem: the message is the
 * {@link InputProblem}, e.g. {@code summary.csv:3: column 'x': not a decimal number: 'two'}, and
 * {@link #problem()} gives its parts.
 */
public class InvalidInputException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    private final transient InputProblem problem;

    /**
     * Creates the exception.
     *
     * @param problem the problem; not null
     */
    public InvalidInputException(InputProblem problem) {
        super(Objects.requireNonNull(problem, "problem").toString());
        this.problem = problem;
    }

    /** @return where the input is wrong and how */
    public InputProblem problem() {
        return problem;
    }
}

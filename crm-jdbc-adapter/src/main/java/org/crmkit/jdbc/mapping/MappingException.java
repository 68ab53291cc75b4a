package org.crmkit.jdbc.mapping;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crmkit.core.CrmException;
import org.crmkit.rules.io.InputProblem;

/**
 * A mapping is invalid, in itself or for the database it is used on. Carries every problem found,
 * each naming the mapping's file, the line and the key path, so that all can be fixed at once;
 * nothing is read or written through an invalid mapping.
 */
public class MappingException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems one or more problems; not null
     */
    public MappingException(List<InputProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** A problem of a value built in code, outside any mapping. */
    static MappingException single(String message) {
        return new MappingException(List.of(InputProblem.atPath(ErpMapping.BUILT_IN_CODE, 0, "", message)));
    }

    /** @return the problems, in mapping order */
    public List<InputProblem> problems() {
        return problems;
    }

    private static String render(List<InputProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a mapping exception needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Invalid mapping: " + problems.get(0);
        }
        return "Invalid mapping, " + problems.size() + " problems:\n"
                + problems.stream().map(problem -> "  " + problem).collect(Collectors.joining("\n"));
    }
}

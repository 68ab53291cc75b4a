package org.crmkit.cli.csv;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.rules.io.InputProblem;

/** Collects the problems of one import, in the order they are found; not thread-safe. */
final class Problems {
    private final List<InputProblem> found = new ArrayList<>();
    private final List<InputProblem> warnings = new ArrayList<>();

    /** Records something worth a warning, which does not make the input invalid. */
    void warning(InputProblem warning) {
        warnings.add(warning);
    }

    /** @return the warnings so far, in the order they were found */
    List<InputProblem> warnings() {
        return List.copyOf(warnings);
    }

    void add(InputProblem problem) {
        found.add(problem);
    }

    void at(String file, int line, String column, String message) {
        found.add(InputProblem.atColumn(file, line, column, message));
    }

    /** Puts the problems in an order, e.g. file by file and line by line; equal ones keep their order. */
    void sort(java.util.Comparator<InputProblem> order) {
        found.sort(order);
    }

    /** @return the problems so far, in their order */
    List<InputProblem> list() {
        return List.copyOf(found);
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new CsvImportException(found);
        }
    }
}

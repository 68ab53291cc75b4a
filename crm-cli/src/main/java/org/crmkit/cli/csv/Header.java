package org.crmkit.cli.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.rules.io.InputProblem;

/**
 * The header row of an interchange file: where the columns a reader wants are. Columns come in any
 * order and others are ignored; a wanted column may appear only once and every required one must
 * be there, else the file cannot be used.
 */
final class Header {
    private Header() {
    }

    /**
     * Finds the columns.
     *
     * @param file the file's name, for problems
     * @param line the header's line
     * @param names the header's values
     * @param required the columns that must be there
     * @param optional the other columns the reader reads
     * @param problems told of a wanted column that appears twice and of a missing required one
     * @return each wanted column's index, or empty when the file cannot be used
     */
    static Optional<Map<String, Integer>> columns(String file, int line, List<String> names, List<String> required,
            List<String> optional, Consumer<InputProblem> problems) {
        Map<String, Integer> found = new HashMap<>();
        boolean usable = true;
        for (int i = 0; i < names.size(); i++) {
            String column = names.get(i);
            if (!required.contains(column) && !optional.contains(column)) {
                continue;
            }
            Integer earlier = found.putIfAbsent(column, i);
            if (earlier != null) {
                problems.accept(InputProblem.atColumn(file, line, column, "appears twice in the header (fields "
                        + (earlier + 1) + " and " + (i + 1) + ")"));
                usable = false;
            }
        }
        for (String column : required) {
            if (!found.containsKey(column)) {
                problems.accept(InputProblem.atColumn(file, line, column, "required column is missing"));
                usable = false;
            }
        }
        return usable ? Optional.of(Map.copyOf(found)) : Optional.empty();
    }
}

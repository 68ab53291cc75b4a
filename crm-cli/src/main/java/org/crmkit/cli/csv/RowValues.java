package org.crmkit.cli.csv;

import java.util.Optional;
import org.crmkit.core.InvalidValueException;

/**
 * The values of one CSV row, read by column name with their parsers, each bad value reported with
 * file, line and column: what turns a row into a record, whether the row sits in a table read
 * whole ({@link Cells}) or streams past ({@link StreamTable#values}).
 */
interface RowValues {
    /** Parses a value; throws {@link InvalidValueException} with a message quoting the bad value. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text);
    }

    /**
     * A required value, parsed.
     *
     * @return the value, or empty when it is empty or bad (both reported)
     */
    <T> Optional<T> required(String column, Parser<T> parser);

    /**
     * An optional value, parsed.
     *
     * @return the value, or empty when absent or bad (only a bad value is reported and clears {@link #ok()})
     */
    <T> Optional<T> optional(String column, Parser<T> parser);

    /** @return the optional value as text, empty when absent */
    Optional<String> optionalText(String column);

    /** Reports a problem with a column of this row. */
    void problem(String column, String message);

    /** @return whether every value read so far was good */
    boolean ok();
}

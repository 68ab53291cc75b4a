package org.crmkit.rules.io.clv;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.Money;
import org.crmkit.rules.clv.ClvTimeUnit;
import org.crmkit.rules.clv.PurchaseSummaries;
import org.crmkit.rules.clv.PurchaseSummary;
import org.crmkit.rules.clv.SummaryFile;
import org.crmkit.rules.io.CsvReader;
import org.crmkit.rules.io.CsvRecord;
import org.crmkit.rules.io.InputFile;
import org.crmkit.rules.io.InputProblem;
import org.crmkit.rules.io.InvalidInputException;

/**
 * Reads customer summary files as published with the CDNOW data, in either of their two forms:
 * {@code ID,frequency,recency,T} (lifetimes' names; an optional {@code monetary_value} column is
 * read as z&#772;) or {@code ID,x,t_x,T,zbar} (the literature's names; {@code zbar} optional).
 * Columns may come in any order and others are ignored; the file is CSV as {@link CsvReader} reads
 * it (UTF-8, a header row, blank lines skipped); times are in the unit given. Values are plain
 * decimals (no exponent, as in orders.csv) within these bounds:
 * <ul>
 *   <li>T from 0 to 100 years: 36,525 days or 5,218 weeks ({@link PurchaseSummaries#maxAge});</li>
 *   <li>t<sub>x</sub> from 0 to T, 0 exactly when x is 0;</li>
 *   <li>x a whole number from 0 to t<sub>x</sub> in days, rounded up: at most one repeat
 *       purchase a day, as summaries of purchases count them ({@link PurchaseSummaries#maxFrequency});</li>
 *   <li>z&#772; from 0 to {@link PurchaseSummaries#MAX_AVERAGE_VALUE}, 0 when x is 0.</li>
 * </ul>
 *
 * <p>These were {@code PurchaseSummaries.readCsv} and {@code readFile} until the engine package
 * {@code org.crmkit.rules.clv} stopped reading files: the same arguments, results and messages.
 *
 * <pre>{@code
 * List<PurchaseSummary> customers = PurchaseSummaryCsv.readCsv(Path.of("cdnow_customers_summary.csv"), ClvTimeUnit.WEEKS);
 * }</pre>
 */
public final class PurchaseSummaryCsv {
    /** The columns of one of the two forms. */
    private record Form(String frequency, String recency, String value) {
    }

    private static final Form LIFETIMES = new Form("frequency", "recency", "monetary_value");
    private static final Form LITERATURE = new Form("x", "t_x", "zbar");
    private static final String ID = "ID";
    private static final String AGE = "T";

    /** The first problem of a record; unchecked, to leave the record's checks at once. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient InputProblem problem;

        Bad(InputProblem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }

    private final String name;
    private final ClvTimeUnit unit;
    /** The longest customer age in the unit: the same for every row of the file. */
    private final BigDecimal maxAge;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    private final List<PurchaseSummary> summaries = new ArrayList<>();
    private int headerSize = -1;
    private Form form = LIFETIMES;
    private Optional<String> valueColumn = Optional.empty();
    /** The first problem found; the rest of the file is still read, since bad bytes anywhere come first. */
    private Optional<InputProblem> problem = Optional.empty();

    private PurchaseSummaryCsv(String name, ClvTimeUnit unit) {
        this.name = name;
        this.unit = unit;
        this.maxAge = PurchaseSummaries.maxAge(unit);
    }

    /**
     * Reads a customer summary file.
     *
     * @param file the CSV file; not null
     * @param unit the unit of the file's times; not null
     * @return the summaries in file order
     * @throws InvalidInputException at the first problem, naming the file, line and column and
     *     quoting the value: a missing column, a value that is not a plain decimal, a value out of
     *     its bounds, a recency that does not fit the frequency, a duplicate ID, malformed quoting,
     *     bytes that are not UTF-8 (at their line, before any other problem), or a file that
     *     cannot be read; nothing is returned then
     */
    public static List<PurchaseSummary> readCsv(Path file, ClvTimeUnit unit) {
        return readFile(file, unit).customers();
    }

    /**
     * Reads a customer summary file as {@link #readCsv} does, and tells whether it gave average
     * repeat values: only then can a spend model be fitted on it.
     *
     * @param file the CSV file; not null
     * @param unit the unit of the file's times; not null
     * @return the summaries in file order, and whether the file has a {@code zbar} or
     *     {@code monetary_value} column
     * @throws InvalidInputException at the first problem, as {@link #readCsv} does
     */
    public static SummaryFile readFile(Path file, ClvTimeUnit unit) {
        return read(InputFile.of(Objects.requireNonNull(file, "file")), unit);
    }

    /**
     * Reads a customer summary file under a name of its own, e.g. standard input copied to a
     * file, as {@link #readFile} does.
     *
     * @param file the file and its name; not null
     * @param unit the unit of the file's times; not null
     * @return the summaries in file order, and whether the file gave average repeat values
     * @throws InvalidInputException at the first problem, as {@link #readCsv} does
     */
    public static SummaryFile read(InputFile file, ClvTimeUnit unit) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(unit, "unit");
        PurchaseSummaryCsv reader = new PurchaseSummaryCsv(file.name(), unit);
        CsvReader.Outcome outcome = CsvReader.read(file, reader::record);
        InputProblem first = outcome.readable() ? reader.problem.or(outcome::problem).orElse(null)
                : outcome.problem().orElseThrow();
        if (first == null && outcome.records() == 0) {
            first = CsvReader.emptyFile(file.name());
        }
        if (first != null) {
            throw new InvalidInputException(first);
        }
        return new SummaryFile(reader.summaries, reader.valueColumn.isPresent());
    }

    private CsvRecord record(CsvRecord record) {
        if (problem.isPresent()) {
            return record;
        }
        try {
            if (headerSize < 0) {
                header(record);
            } else {
                summaries.add(summary(record));
            }
        } catch (Bad bad) {
            problem = Optional.of(bad.problem);
        }
        return record;
    }

    private void header(CsvRecord header) {
        headerSize = header.size();
        for (int i = 0; i < header.size(); i++) {
            Integer before = columns.putIfAbsent(header.text(i), i);
            if (before != null) {
                throw problem(header, "column '" + header.text(i) + "' appears twice in the header");
            }
        }
        boolean literature = columns.containsKey(LITERATURE.frequency());
        boolean lifetimes = columns.containsKey(LIFETIMES.frequency());
        if (literature && lifetimes) {
            throw problem(header, "the header has both 'x' and 'frequency'; use one form:"
                    + " ID,frequency,recency,T or ID,x,t_x,T,zbar");
        }
        form = literature ? LITERATURE : LIFETIMES;
        for (String column : List.of(ID, form.frequency(), form.recency(), AGE)) {
            if (!columns.containsKey(column)) {
                throw problem(header, "missing column '" + column + "'; the header has "
                        + String.join(",", columns.keySet()) + ", expected ID,frequency,recency,T or ID,x,t_x,T,zbar");
            }
        }
        valueColumn = Optional.of(form.value()).filter(columns::containsKey);
    }

    private PurchaseSummary summary(CsvRecord row) {
        if (row.size() != headerSize) {
            throw new Bad(CsvReader.fieldCount(name, row.line(), row.size(), headerSize));
        }
        String id = value(row, ID);
        if (id.isEmpty()) {
            throw problem(row, ID, "is empty");
        }
        Integer earlier = firstLine.putIfAbsent(id, row.line());
        if (earlier != null) {
            throw problem(row, ID, "duplicate customer '" + id + "', first on line " + earlier);
        }
        BigDecimal frequencyValue = number(row, form.frequency());
        BigDecimal ageValue = number(row, AGE);
        BigDecimal recencyValue = number(row, form.recency());
        Optional<BigDecimal> averageValue = valueColumn.map(column -> number(row, column));
        int frequency = frequency(row, form.frequency(), frequencyValue);
        if (ageValue.compareTo(maxAge) > 0) {
            throw problem(row, AGE, "must be at most " + maxAge.toPlainString() + " " + unit.key()
                    + " (100 years), was '" + value(row, AGE) + "'");
        }
        if (recencyValue.compareTo(ageValue) > 0) {
            throw problem(row, form.recency(), "recency '" + value(row, form.recency()) + "' is more than T '"
                    + value(row, AGE) + "'");
        }
        if (frequency == 0 && recencyValue.signum() != 0) {
            throw problem(row, form.recency(), "must be 0 when " + form.frequency() + " is 0, was '"
                    + value(row, form.recency()) + "'");
        }
        if (frequency > 0 && recencyValue.signum() == 0) {
            throw problem(row, form.recency(), "must be more than 0 when " + form.frequency() + " is " + frequency);
        }
        long maxFrequency = PurchaseSummaries.maxFrequency(recencyValue, unit);
        if (frequency > maxFrequency) {
            throw problem(row, form.frequency(), "must be at most " + maxFrequency + ", one purchase a day over "
                    + form.recency() + " = " + value(row, form.recency()) + " " + unit.key() + ", was '"
                    + value(row, form.frequency()) + "'");
        }
        BigDecimal average = BigDecimal.ZERO;
        if (averageValue.isPresent()) {
            String column = valueColumn.orElseThrow();
            average = averageValue.get();
            if (frequency == 0 && average.signum() != 0) {
                throw problem(row, column, "must be 0 when " + form.frequency() + " is 0, was '" + value(row, column)
                        + "'");
            }
            if (average.compareTo(PurchaseSummaries.MAX_AVERAGE_VALUE) > 0) {
                throw problem(row, column, "must be at most " + PurchaseSummaries.MAX_AVERAGE_VALUE.toPlainString()
                        + ", was '" + value(row, column) + "'");
            }
        }
        try {
            return new PurchaseSummary(id, frequency, recencyValue.doubleValue(), ageValue.doubleValue(), average);
        } catch (InvalidValueException e) {
            // The bounds above admit only valid summaries; should one not be, say where it came from.
            throw problem(row, e.getMessage());
        }
    }

    private String value(CsvRecord row, String column) {
        return row.text(columns.get(column));
    }

    private BigDecimal number(CsvRecord row, String column) {
        String text = value(row, column);
        // Plain decimals only, as orders.csv's amounts and quantities: no exponent, no grouping.
        if (!Money.isPlainDecimal(text)) {
            throw problem(row, column, "not a decimal number: '" + text + "'");
        }
        BigDecimal number = new BigDecimal(text);
        if (number.signum() < 0) {
            throw problem(row, column, "must not be negative, was '" + text + "'");
        }
        return number;
    }

    private int frequency(CsvRecord row, String column, BigDecimal number) {
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw problem(row, column, "must be a whole number of purchases, was '" + value(row, column) + "'");
        }
        // Far beyond every bound checked later; saturating keeps the "at most" message for huge values.
        return number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : number.intValue();
    }

    private Bad problem(CsvRecord row, String message) {
        return new Bad(InputProblem.atLine(name, row.line(), message));
    }

    private Bad problem(CsvRecord row, String column, String message) {
        return new Bad(InputProblem.atColumn(name, row.line(), column, message));
    }
}

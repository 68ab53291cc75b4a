package org.crmkit.cli.csv;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.SurveyAnswer;

/**
 * Maps the rows of {@code surveys.csv} to {@link SurveyAnswer}s: a CSAT score, a net promoter
 * score or both. A customer answers at most once at a moment, whatever the offset it was written
 * with.
 */
final class SurveyRows {
    static final String CUSTOMER_ID = "customer_id";
    static final String ANSWERED_AT = "answered_at";
    static final String CSAT = "csat";
    static final String NPS = "nps";
    static final List<String> REQUIRED = List.of(CUSTOMER_ID, ANSWERED_AT);
    static final List<String> OPTIONAL = List.of(CSAT, NPS);

    private final CustomerCheck customers;
    private final IdRegistry<Moment> moments = new IdRegistry<>();
    private final List<SurveyAnswer> answers = new ArrayList<>();

    /** @param customers tells whether an answer's customer exists */
    SurveyRows(CustomerCheck customers) {
        this.customers = customers;
    }

    /** Reads every row of the table, reporting bad values. */
    void read(CsvTable table, Problems problems) {
        for (CsvRow row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            Optional<CustomerId> customer = cells.required(CUSTOMER_ID, CustomerId::of);
            customer.ifPresent(value -> customers.check(cells, CUSTOMER_ID, value));
            Optional<OffsetDateTime> answeredAt = cells.required(ANSWERED_AT, Values::timestamp);
            if (customer.isPresent() && answeredAt.isPresent()) {
                moments.register(new Moment(customer.get(), answeredAt.get().toInstant()), row.line())
                        .ifPresent(first -> cells.problem(ANSWERED_AT, "duplicate answer of customer '"
                                + customer.get() + "' at '" + cells.optionalText(ANSWERED_AT).orElseThrow()
                                + "', first on line " + first));
            }
            Optional<Integer> csat = cells.optional(CSAT, text -> Values.score(text, 1, 5));
            Optional<Integer> nps = cells.optional(NPS, text -> Values.score(text, 0, 10));
            if (cells.optionalText(CSAT).isEmpty() && cells.optionalText(NPS).isEmpty()) {
                cells.rowProblem("an answer needs a csat or an nps score, both are empty");
            }
            if (cells.ok()) {
                answers.add(new SurveyAnswer(customer.orElseThrow(), answeredAt.orElseThrow(), optionalInt(csat),
                        optionalInt(nps)));
            }
        }
    }

    /** @return the answers of the rows without problems, in file order */
    List<SurveyAnswer> answers() {
        return List.copyOf(answers);
    }

    private static OptionalInt optionalInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    /** A customer's answer moment: the same instant written with two offsets is one moment. */
    private record Moment(CustomerId customer, Instant instant) {
    }
}

package org.crmkit.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.SurveyAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SurveyAnswers} on {@code crm_survey_answer}, one answer per customer and instant. */
final class JdbcSurveyAnswers implements SurveyAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSurveyAnswers.class);

    private static final String SELECT_BY_CUSTOMER_AND_MOMENTS = SurveyAnswerRows.SELECT
            + " WHERE customer_id = ? AND " + SqlValues.momentRangeCondition("answered_at", "answered_nanos")
            + " ORDER BY answered_at, answered_nanos";
    private static final String SELECT_BY_KEY = SurveyAnswerRows.SELECT
            + " WHERE customer_id = ? AND answered_at = ? AND answered_nanos = ?";

    private final Database database;

    JdbcSurveyAnswers(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public List<SurveyAnswer> findByCustomer(CustomerId customerId, Instant from, Instant until) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        return database.transaction("find the survey answers of customer '" + customerId + "'",
                connection -> Database.list(connection, SELECT_BY_CUSTOMER_AND_MOMENTS, SurveyAnswerRows::map,
                        SqlValues.momentRangeParameters(List.of(customerId.value()), from, until)));
    }

    @Override
    public void record(SurveyAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        Instant moment = SurveyAnswerRows.storableMoment(answer);
        CustomerId customerId = answer.customerId();
        database.transaction("record a survey answer of customer '" + customerId + "'", connection -> {
            // The same instant in another offset is the same key, and another answer.
            Optional<SurveyAnswer> stored = Database.first(connection, SELECT_BY_KEY, SurveyAnswerRows::map,
                    customerId.value(), SqlValues.timestamp(moment), SqlValues.nanos(moment));
            if (Database.insertOnce(connection, stored, answer, SurveyAnswerRows.INSERT, SurveyAnswerRows::bind,
                    () -> new InvalidValueException("Customer '" + customerId + "' already answered a survey at "
                            + answer.answeredAt() + " with other scores"))) {
                LOG.debug("Recorded a survey answer of customer {}", customerId);
            }
            return null;
        });
    }
}

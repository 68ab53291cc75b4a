package org.crmkit.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.OptionalInt;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.SurveyAnswers;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SurveyAnswers} implementation must show. An adapter's test extends
 * this class and implements {@link #newSurveyAnswers()}.
 */
public abstract class SurveyAnswersContract {
    private static final CustomerId ACME = CustomerId.of("c-1");
    private static final CustomerId OTHER = CustomerId.of("c-2");
    private static final Instant EVER = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

    /**
     * Creates the port under test.
     *
     * @return an implementation over empty storage, not shared with any other test
     */
    protected abstract SurveyAnswers newSurveyAnswers();

    private static SurveyAnswer answer(CustomerId customer, String at, Integer csat, Integer nps) {
        return new SurveyAnswer(customer, OffsetDateTime.parse(at),
                csat == null ? OptionalInt.empty() : OptionalInt.of(csat),
                nps == null ? OptionalInt.empty() : OptionalInt.of(nps));
    }

    @Test
    public void roundTripsEveryFieldWithItsOffset() {
        SurveyAnswers answers = newSurveyAnswers();
        SurveyAnswer both = answer(ACME, "2026-03-02T09:15:30.123+08:00", 4, 9);
        SurveyAnswer csatOnly = answer(ACME, "2026-03-03T09:15:00-05:00", 2, null);
        SurveyAnswer npsOnly = answer(ACME, "2026-03-04T09:15:00Z", null, 0);
        answers.record(both);
        answers.record(csatOnly);
        answers.record(npsOnly);

        assertThat(answers.findByCustomer(ACME, EVER, NEVER)).containsExactly(both, csatOnly, npsOnly);
        assertThat(answers.findByCustomer(ACME, EVER, NEVER).get(0).answeredAt().getOffset().getTotalSeconds())
                .isEqualTo(8 * 3600);
    }

    @Test
    public void findsTheAnswersFromTheFirstMomentUpToButExcludingTheLast() {
        SurveyAnswers answers = newSurveyAnswers();
        SurveyAnswer early = answer(ACME, "2026-03-01T00:00:00Z", 5, null);
        SurveyAnswer late = answer(ACME, "2026-04-01T00:00:00Z", 3, null);
        answers.record(late);
        answers.record(early);
        answers.record(answer(OTHER, "2026-03-15T00:00:00Z", 1, null));

        assertThat(answers.findByCustomer(ACME, Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"))).containsExactly(early);
        assertThat(answers.findByCustomer(ACME, EVER, NEVER)).containsExactly(early, late);
    }

    @Test
    public void recordingTheSameAnswerAgainIsHarmlessAndAnotherAtTheSameMomentIsRejected() {
        SurveyAnswers answers = newSurveyAnswers();
        SurveyAnswer answer = answer(ACME, "2026-03-02T09:15:00+08:00", 4, 9);
        answers.record(answer);
        answers.record(answer);

        assertThatThrownBy(() -> answers.record(answer(ACME, "2026-03-02T01:15:00Z", 1, 0)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Customer 'c-1' already answered a survey at 2026-03-02T01:15Z with other scores");
        assertThat(answers.findByCustomer(ACME, EVER, NEVER)).containsExactly(answer);
    }
}

package org.crmkit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.OptionalInt;
import org.crmkit.core.InvalidValueException;
import org.junit.jupiter.api.Test;

class SurveyAnswerTest {
    private static final CustomerId C1 = CustomerId.of("c-1");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T09:15:00+08:00");

    @Test
    void promotersAnswerNineOrTen() {
        assertThat(new SurveyAnswer(C1, AT, OptionalInt.empty(), OptionalInt.of(9)).isPromoter()).isTrue();
        assertThat(new SurveyAnswer(C1, AT, OptionalInt.empty(), OptionalInt.of(8)).isPromoter()).isFalse();
        assertThat(new SurveyAnswer(C1, AT, OptionalInt.of(5), OptionalInt.empty()).isPromoter()).isFalse();
    }

    @Test
    void rejectsScoresOutOfRangeAndEmptyAnswers() {
        assertThatThrownBy(() -> new SurveyAnswer(C1, AT, OptionalInt.of(6), OptionalInt.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessage("Survey answer of 'c-1': csat must be 1 to 5, was 6");
        assertThatThrownBy(() -> new SurveyAnswer(C1, AT, OptionalInt.empty(), OptionalInt.of(11)))
                .isInstanceOf(InvalidValueException.class).hasMessage("Survey answer of 'c-1': nps must be 0 to 10, was 11");
        assertThatThrownBy(() -> new SurveyAnswer(C1, AT, OptionalInt.empty(), OptionalInt.empty()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Survey answer of 'c-1' at 2026-03-02T09:15+08:00 has neither csat nor nps");
    }

    @Test
    void lifecycleVocabulariesParseIgnoringCase() {
        assertThat(LifecycleStage.parse(" Churned ")).isEqualTo(LifecycleStage.CHURNED);
        assertThat(RelationshipLevel.parse("VISION")).isEqualTo(RelationshipLevel.VISION);
        assertThat(RelationshipType.parse("relational").key()).isEqualTo("relational");
        assertThatThrownBy(() -> LifecycleStage.parse("dormant")).isInstanceOf(InvalidValueException.class)
                .hasMessage("Unknown lifecycle stage 'dormant', expected one of acquisition, growth, maturity, decline,"
                        + " churned");
    }
}

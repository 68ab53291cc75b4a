package org.crmkit.jdbc;

import org.crmkit.core.port.SurveyAnswers;
import org.crmkit.core.port.contract.SurveyAnswersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SurveyAnswers contract on an embedded PostgreSQL. */
class PostgresSurveyAnswersTest extends SurveyAnswersContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    @Override
    protected SurveyAnswers newSurveyAnswers() {
        return DATABASE.store().surveys();
    }
}

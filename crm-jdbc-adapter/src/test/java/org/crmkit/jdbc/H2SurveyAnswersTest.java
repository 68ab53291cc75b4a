package org.crmkit.jdbc;

import org.crmkit.core.port.SurveyAnswers;
import org.crmkit.core.port.contract.SurveyAnswersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SurveyAnswers contract on an H2 in-memory database. */
class H2SurveyAnswersTest extends SurveyAnswersContract {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.h2();

    @Override
    protected SurveyAnswers newSurveyAnswers() {
        return DATABASE.store().surveys();
    }
}

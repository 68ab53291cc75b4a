package org.crmkit.core.memory;

import org.crmkit.core.port.SurveyAnswers;
import org.crmkit.core.port.contract.SurveyAnswersContract;

class InMemorySurveyAnswersTest extends SurveyAnswersContract {
    @Override
    protected SurveyAnswers newSurveyAnswers() {
        return InMemoryStore.create().surveys();
    }
}

package org.crmkit.core.port;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.SurveyAnswer;

/** The customers' survey answers (CSAT, NPS), as the ERP or survey tool records them. */
public interface SurveyAnswers {
    /**
     * A customer's answers in a span of time.
     *
     * @param customerId the customer; not null
     * @param from the first moment included; not null
     * @param until the first moment excluded; not null
     * @return the answers, oldest first
     */
    List<SurveyAnswer> findByCustomer(CustomerId customerId, Instant from, Instant until);

    /**
     * Records an answer. A customer answers at most once at a moment: recording the same answer
     * again is harmless, another answer at the same moment is rejected.
     *
     * @param answer the answer; not null
     * @throws org.crmkit.core.InvalidValueException if another answer of the customer has that moment
     */
    void record(SurveyAnswer answer);
}

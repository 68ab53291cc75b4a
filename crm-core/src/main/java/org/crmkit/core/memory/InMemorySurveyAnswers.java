package org.crmkit.core.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.SurveyAnswer;
import org.crmkit.core.port.SurveyAnswers;

final class InMemorySurveyAnswers implements SurveyAnswers {
    private final Map<CustomerId, Map<Instant, SurveyAnswer>> byCustomer = new HashMap<>();

    @Override
    public synchronized List<SurveyAnswer> findByCustomer(CustomerId customerId, Instant from, Instant until) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        List<SurveyAnswer> found = new ArrayList<>();
        for (SurveyAnswer answer : byCustomer.getOrDefault(customerId, Map.of()).values()) {
            Instant moment = answer.answeredAt().toInstant();
            if (!moment.isBefore(from) && moment.isBefore(until)) {
                found.add(answer);
            }
        }
        found.sort(Comparator.comparing(answer -> answer.answeredAt().toInstant()));
        return List.copyOf(found);
    }

    @Override
    public synchronized void record(SurveyAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        SurveyAnswer existing = byCustomer.computeIfAbsent(answer.customerId(), id -> new HashMap<>())
                .putIfAbsent(answer.answeredAt().toInstant(), answer);
        if (existing != null && !existing.equals(answer)) {
            throw new InvalidValueException("Customer '" + answer.customerId() + "' already answered a survey at "
                    + answer.answeredAt() + " with other scores");
        }
    }
}

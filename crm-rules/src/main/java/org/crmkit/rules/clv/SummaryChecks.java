package org.crmkit.rules.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.InvalidValueException;

/** The invariants of a customer's (x, t_x, T), shared by summaries and the models' arguments. */
final class SummaryChecks {
    private SummaryChecks() {
    }

    /**
     * Checks a customer's repeat purchases, recency and age.
     *
     * @param subject who they belong to, for the message, e.g. {@code customer '17'}
     * @param frequency x
     * @param recency t_x
     * @param age T
     * @throws InvalidValueException if they cannot describe a customer
     */
    static void check(String subject, int frequency, double recency, double age) {
        if (frequency < 0) {
            throw new InvalidValueException(subject + ": frequency (x) must not be negative, was " + frequency);
        }
        if (!Double.isFinite(age) || age < 0) {
            throw new InvalidValueException(subject + ": age (T) must be a number of zero or more, was " + age);
        }
        if (!Double.isFinite(recency) || recency < 0 || recency > age) {
            throw new InvalidValueException(subject + ": recency (t_x) must be between 0 and the age (T) " + age
                    + ", was " + recency);
        }
        if (frequency == 0 && recency != 0) {
            throw new InvalidValueException(subject + ": recency (t_x) must be 0 without repeat purchases, was "
                    + recency);
        }
        if (frequency > 0 && recency == 0) {
            throw new InvalidValueException(subject + ": " + frequency + " repeat purchases need a recency (t_x)"
                    + " above 0: a purchase on the first day is part of the first purchase");
        }
    }

    /**
     * Checks a length of time ahead.
     *
     * @param name the argument's name
     * @param t the time
     * @throws InvalidValueException unless it is finite and zero or more
     */
    static void time(String name, double t) {
        if (!Double.isFinite(t) || t < 0) {
            throw new InvalidValueException(name + " must be a time of zero or more, was " + t);
        }
    }

    /**
     * Checks a model's parameters and names them.
     *
     * @param model the model, for the message
     * @param names the parameters' names in the literature's order
     * @param values their values, in the same order
     * @return the parameters by name, in that order, unmodifiable
     * @throws InvalidValueException unless every value is finite and more than zero
     */
    static Map<String, Double> parameters(String model, List<String> names, double... values) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || values[i] <= 0) {
                throw new InvalidValueException(model + " parameter " + names.get(i)
                        + " must be a number more than 0, was " + values[i]);
            }
            parameters.put(names.get(i), values[i]);
        }
        return Collections.unmodifiableMap(parameters);
    }
}

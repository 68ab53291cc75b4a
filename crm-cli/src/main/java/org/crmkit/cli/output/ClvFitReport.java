package org.crmkit.cli.output;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.rules.clv.ClvTimeUnit;

/**
 * What {@code crm clv fit} found: the models fitted, and what they were fitted on. Immutable and
 * thread-safe.
 *
 * @param fits the models in output order: the purchase models, then the spend model when spend is
 *     known; not null
 * @param timeUnit the unit of the data's times, in which the purchase models' rates (alpha, beta)
 *     are; not null
 * @param calibrationEnd the last day of the calibration period, when known (from orders; a summary
 *     file does not say); not null
 */
public record ClvFitReport(List<Fit> fits, ClvTimeUnit timeUnit, Optional<LocalDate> calibrationEnd) {
    /** Copies the list. */
    public ClvFitReport {
        fits = List.copyOf(Objects.requireNonNull(fits, "fits"));
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    }

    /**
     * One fitted model.
     *
     * @param model the model's key: {@code bgnbd}, {@code pareto_nbd} or {@code gamma_gamma}; not null
     * @param parameters the parameters by their names in the literature, in its order; not null
     * @param logLikelihood the maximised log-likelihood, summed over the customers
     * @param customers how many customers the model was fitted on
     * @param chosen whether {@code crm clv} uses the model: the policy's purchase model, and the spend model
     */
    public record Fit(String model, Map<String, Double> parameters, double logLikelihood, int customers,
            boolean chosen, List<String> parametersAtBound) {
        /** Checks the arguments and copies the parameters, keeping their order. */
        public Fit {
            Objects.requireNonNull(model, "model");
            parametersAtBound = List.copyOf(Objects.requireNonNull(parametersAtBound, "parametersAtBound"));
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters,
                    "parameters")));
        }
    }
}

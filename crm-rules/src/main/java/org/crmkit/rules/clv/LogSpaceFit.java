package org.crmkit.rules.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.crmkit.core.CrmException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum likelihood over positive parameters with Hipparchus' BOBYQA (Powell's bound-constrained
 * derivative-free trust-region method). Each parameter is {@code scale * exp(theta)} with theta in
 * {@code [log 1e-4, log 1e4]}: the logarithm turns "more than 0" into a box and evens out
 * parameters of very different size, and the scale (1 for shapes; the customers' mean age for
 * time rates, their mean spend for the money rate) keeps the box and the start independent of
 * the time unit and the currency. The search starts at theta = 0 with a trust region of radius
 * {@value #INITIAL_RADIUS} and stops when it has shrunk to {@value #STOPPING_RADIUS}, which pins
 * each parameter to a relative 1e-9 or so, far below its sampling error.
 */
final class LogSpaceFit {
    /** The smallest parameter value (times its scale). */
    static final double LOWER = 1e-4;
    /** The largest parameter value (times its scale). */
    static final double UPPER = 1e4;
    static final double INITIAL_RADIUS = 1;
    static final double STOPPING_RADIUS = 1e-9;
    static final int MAX_EVALUATIONS = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(LogSpaceFit.class);

    /**
     * The maximum found.
     *
     * @param parameters the parameters there
     * @param logLikelihood the log-likelihood there
     * @param evaluations the evaluations it took
     * @param atBound the names of the parameters that ended on a bound of their search range
     */
    record Result(double[] parameters, double logLikelihood, int evaluations, List<String> atBound) {
    }

    private LogSpaceFit() {
    }

    /**
     * Maximises a log-likelihood.
     *
     * @param model the model's name, for messages
     * @param names the parameters' names, for messages
     * @param scales each parameter's scale
     * @param logLikelihood the log-likelihood of parameters (not of their logarithms)
     * @return the maximum
     * @throws CrmException if the optimiser does not converge
     */
    static Result maximise(String model, String[] names, double[] scales, ToDoubleFunction<double[]> logLikelihood) {
        int n = names.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, Math.log(LOWER));
        Arrays.fill(upper, Math.log(UPPER));
        ObjectiveFunction objective = new ObjectiveFunction(theta -> {
            double value = logLikelihood.applyAsDouble(parameters(theta, scales));
            // The likelihoods are finite inside the box; a failure must not poison the
            // optimiser's quadratic model with NaN, so it reads as a very poor point.
            return Double.isFinite(value) ? -value : 1e300;
        });
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, INITIAL_RADIUS, STOPPING_RADIUS);
        PointValuePair best;
        try {
            best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MINIMIZE,
                    new InitialGuess(new double[n]), new SimpleBounds(lower, upper));
        } catch (MathIllegalStateException e) {
            throw new CrmException(model + " fit did not converge: " + e.getMessage(), e);
        }
        double[] theta = best.getPoint();
        List<String> atBound = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (theta[i] <= lower[i] + 1e-6 || theta[i] >= upper[i] - 1e-6) {
                atBound.add(names[i]);
                LOG.warn("{} fit: parameter {} = {} is at the bound of its search range; the data do not pin it down",
                        model, names[i], scales[i] * Math.exp(theta[i]));
            }
        }
        return new Result(parameters(theta, scales), -best.getValue(), optimizer.getEvaluations(),
                List.copyOf(atBound));
    }

    private static double[] parameters(double[] theta, double[] scales) {
        double[] parameters = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            parameters[i] = scales[i] * Math.exp(theta[i]);
        }
        return parameters;
    }
}

package org.crmkit.cli;

import java.util.Locale;
import java.util.function.Supplier;
import org.crmkit.cli.output.ClvFitReport;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidValueException;
import org.crmkit.rules.clv.CustomerSummaries;
import org.crmkit.rules.clv.FittedModel;
import org.crmkit.rules.clv.GammaGammaModel;
import org.crmkit.rules.clv.ModelFitter;
import org.crmkit.rules.clv.PurchaseModel;
import org.crmkit.rules.clv.PurchaseModelKind;

/**
 * Fits the customer-base models of the CLV commands. Data that cannot support a fit (no repeat
 * customer, say, or a likelihood the optimiser cannot climb) is the user's to fix, so every
 * failure is an {@link InvalidValueException} with the library's message: bad input, exit status 2.
 */
final class ClvModels {
    /** The key of the spend model, as {@code bgnbd} and {@code pareto_nbd} are the purchase models'. */
    static final String SPEND = "gamma_gamma";

    private ClvModels() {
    }

    /**
     * Fits a purchase model.
     *
     * @param kind the model
     * @param customers the summaries
     * @return the fit
     * @throws InvalidValueException if the data cannot support it
     */
    static FittedModel<? extends PurchaseModel> purchase(PurchaseModelKind kind, CustomerSummaries customers) {
        return fitted(() -> ModelFitter.fit(kind, customers));
    }

    /**
     * Fits Gamma-Gamma on the repeat customers whose mean repeat value is above 0: repeat purchases
     * that cost nothing say nothing about spend, and the model needs values above 0.
     *
     * @param input the customers, with average repeat values
     * @return the fit
     * @throws InvalidValueException if no repeat customer spent anything
     */
    static FittedModel<GammaGammaModel> spend(ClvInput input) {
        long unpaid = input.unpaidRepeaters();
        if (input.paying().customers() == 0 && unpaid > 0) {
            throw new InvalidValueException(String.format(Locale.ROOT, "Gamma-Gamma fit needs a repeat customer whose"
                    + " repeat purchases are worth more than 0; the mean repeat value of all %,d is 0", unpaid));
        }
        return fitted(() -> ModelFitter.fitGammaGamma(input.paying()));
    }

    /** @return the fit as {@code crm clv fit} prints it */
    static ClvFitReport.Fit line(FittedModel<? extends PurchaseModel> fitted, boolean chosen) {
        return new ClvFitReport.Fit(fitted.model().name(), fitted.model().parameters(), fitted.logLikelihood(),
                fitted.customers(), chosen, fitted.parametersAtBound());
    }

    /** @return the spend model's fit as {@code crm clv fit} prints it; {@code crm clv} always uses it */
    static ClvFitReport.Fit spendLine(FittedModel<GammaGammaModel> fitted) {
        return new ClvFitReport.Fit(SPEND, fitted.model().parameters(), fitted.logLikelihood(), fitted.customers(),
                true, fitted.parametersAtBound());
    }

    private static <T> T fitted(Supplier<T> fit) {
        try {
            return fit.get();
        } catch (InvalidValueException e) {
            throw e;
        } catch (CrmException e) {
            // The optimiser did not converge: nothing a user can do but look at the data.
            throw new InvalidValueException(e.getMessage());
        }
    }
}

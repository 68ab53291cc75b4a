package org.crmkit.rules.lifecycle;

import static org.crmkit.rules.internal.section.Shape.decimal;
import static org.crmkit.rules.internal.section.Shape.fields;
import static org.crmkit.rules.internal.section.Shape.list;
import static org.crmkit.rules.internal.section.Shape.text;
import static org.crmkit.rules.internal.section.Shape.wordsInAnyCase;

import java.util.Optional;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Shape;

/**
 * Declares the {@code lifecycle} section of a policy file, for the policy loader; applications read
 * the section with {@code policy.find(LifecyclePolicy.class)}.
 *
 * <p>Public only so that the registration in {@code org.crmkit.rules.internal.PolicySections} can name
 * it; its declaration is package-private, so that no type of the loader is part of the API.
 */
public final class LifecycleSection {
    static final Shape.Fields STAGE = fields("A lifecycle stage and its condition; the last has none.")
            .required("stage", wordsInAnyCase(LifecycleStage.values(), LifecycleStage::key, "The stage."))
            .optional("description", text("What the stage means."))
            .optional("when", Shape.SIGNAL_CONDITION)
            .build();

    static final Shape.Fields WEIGHTS;

    static {
        Shape.FieldsBuilder weights = fields("The weight of each churn factor; at least one above zero.");
        for (ChurnFactor factor : ChurnFactor.values()) {
            weights.optional(factor.key(), decimal(Optional.of("0"), Optional.empty(), "The weight of "
                    + factor.key() + "."));
        }
        WEIGHTS = weights.build();
    }

    static final Shape.Fields SHAPE = fields("Lifecycle stages, win-back and churn risk.")
            .required("stages", list(STAGE, 1, "Stage rules, first match wins; every stage once."))
            .optional("win_back", fields("Which churned customers to flag for win-back; all when left out.")
                    .required("when", Shape.SIGNAL_CONDITION).build())
            .required("churn_risk", fields("How churn risk is scored.")
                    .required("weights", WEIGHTS)
                    .required("high_risk", decimal(Optional.of("0"), Optional.of("1"), "The score from which risk"
                            + " is high."))
                    .optional("recency_full_risk_ratio", decimal(Optional.empty(), Optional.empty(),
                            "Days since the last order, as a multiple of the usual gap, at which recency risk is"
                                    + " full; more than 1 (default 3)."))
                    .build())
            .build();

    /** Optional: only policies that track lifecycles have one. */
    static final PolicySection<LifecyclePolicy> SECTION = PolicySection.of(LifecyclePolicy.class)
            .description("Lifecycle stages by first match, win-back and churn risk.")
            .key("lifecycle", SHAPE).reader(LifecycleReader::read).build();

    private LifecycleSection() {
    }
}

package org.crmkit.rules.lifecycle;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.LifecycleStage;
import org.crmkit.rules.condition.Choice;
import org.crmkit.rules.condition.Condition;
import org.crmkit.rules.condition.FirstMatch;

/**
 * The {@code lifecycle} section of a policy: the stage rules in the order they are tried, which
 * churned customers to flag for win-back, and the churn risk settings. Immutable and thread-safe.
 *
 * @param stages the stage rules, first match wins, the last applies otherwise; every stage once; not null
 * @param winBack the condition under which a churned customer is flagged for win-back, if any
 *     (without one, every churned customer is); not null
 * @param churnRisk the churn risk settings; not null
 */
public record LifecyclePolicy(FirstMatch<LifecycleStage> stages, Optional<Condition> winBack,
        ChurnRiskPolicy churnRisk) {

    /** Checks that every stage has a rule. */
    public LifecyclePolicy {
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(winBack, "winBack");
        Objects.requireNonNull(churnRisk, "churnRisk");
        Set<LifecycleStage> missing = EnumSet.allOf(LifecycleStage.class);
        stages.choices().stream().map(Choice::outcome).forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw new InvalidValueException("Lifecycle stages without a rule: " + missing.stream()
                    .map(LifecycleStage::key).toList());
        }
    }
}

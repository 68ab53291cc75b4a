package org.crmkit.rules.clv;

import static org.crmkit.rules.internal.section.Shape.decimal;
import static org.crmkit.rules.internal.section.Shape.fields;
import static org.crmkit.rules.internal.section.Shape.whole;
import static org.crmkit.rules.internal.section.Shape.words;

import java.util.Optional;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Shape;

/**
 * Declares the {@code clv} section of a policy file, for the policy loader; applications read the
 * section with {@code policy.section(ClvPolicy.class)}.
 *
 * <p>Public only so that the registration in {@code org.crmkit.rules.internal.PolicySections} can name
 * it; its declaration is package-private, so that no type of the loader is part of the API.
 */
public final class ClvSection {
    static final Shape.Fields SHAPE = fields("Purchase model, time unit, horizon and discount rate.")
            .optional("model", words(PurchaseModelKind.values(), PurchaseModelKind::key, "The purchase model"
                    + " (default bgnbd)."))
            .optional("time_unit", words(ClvTimeUnit.values(), ClvTimeUnit::key, "The time unit (default weeks)."))
            .optional("horizon", whole(1, CustomerValue.MAX_HORIZON, "Time units ahead that lifetime value counts"
                    + " (default 52)."))
            .optional("annual_discount_rate", decimal(Optional.of("0"), Optional.empty(), "Yearly discount rate"
                    + " (default 0.10)."))
            .optional("min_customers", whole(1, "The fewest buying customers the models are fitted on (default "
                    + ClvPolicy.DEFAULT_MIN_CUSTOMERS + ")."))
            .build();

    /** Without one, or for a field left out, the standard values. */
    static final PolicySection<ClvPolicy> SECTION = PolicySection.of(ClvPolicy.class)
            .description("Customer lifetime value: the purchase model and how value is counted.")
            .key("clv", SHAPE).standard(ClvPolicy::standard).reader(ClvReader::read).build();

    private ClvSection() {
    }
}

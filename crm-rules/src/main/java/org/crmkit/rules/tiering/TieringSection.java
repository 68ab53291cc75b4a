package org.crmkit.rules.tiering;

import static org.crmkit.rules.internal.section.Shape.decimal;
import static org.crmkit.rules.internal.section.Shape.fields;
import static org.crmkit.rules.internal.section.Shape.list;
import static org.crmkit.rules.internal.section.Shape.named;
import static org.crmkit.rules.internal.section.Shape.oneOf;
import static org.crmkit.rules.internal.section.Shape.text;
import static org.crmkit.rules.internal.section.Shape.whole;

import java.util.List;
import java.util.Optional;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Shape;

/**
 * Declares the {@code tiers} and {@code tiering} sections of a policy file, for the policy loader;
 * applications read the section with {@code policy.section(TieringPolicy.class)}.
 *
 * <p>Public only so that the registration in {@code org.crmkit.rules.internal.PolicySections} can name
 * it; its declaration is package-private, so that no type of the loader is part of the API.
 */
public final class TieringSection {
    /** The {@code tiering} options. */
    static final Shape.Fields OPTIONS = fields("Options of tier evaluation.")
            .optional("hit_policy", oneOf(List.of(HitPolicy.FIRST_MATCH.key()), "Which rule decides: the first that"
                    + " matches."))
            .optional("demotion_grace", fields("How many evaluations a customer keeps a tier after falling below it.")
                    .required("evaluations", whole(1, "Evaluations below the tier before the demotion takes effect."))
                    .optional("applies_to", list(Shape.TIER, 0, "The tiers with grace; all when left out."))
                    .build())
            .optional("expected_shares", named(Shape.TIER.pattern().orElseThrow(),
                    decimal(Optional.of("0"), Optional.of("1"), "The share of customers expected in the tier."),
                    "Expected share (0 to 1) per tier; they add up to at most 1."))
            .build();

    /** One item of {@code tiers}. */
    static final Shape.Fields TIER = fields("A tier and the condition that earns it.")
            .required("name", Shape.TIER)
            .optional("description", text("What the tier means."))
            .required("when", Shape.CONDITION)
            .build();

    /** Required: every policy has tiers. */
    static final PolicySection<TieringPolicy> SECTION = PolicySection.of(TieringPolicy.class)
            .description("Customer tiers: rules tried from the highest tier down, the first that matches decides.")
            .key("tiering", OPTIONS)
            .key("tiers", list(TIER, 1, "Tier rules, highest tier first; required."))
            .required().reader(TieringReader::read).build();

    private TieringSection() {
    }
}

package org.crmkit.rules.relationship;

import static org.crmkit.rules.internal.section.Shape.fields;
import static org.crmkit.rules.internal.section.Shape.list;
import static org.crmkit.rules.internal.section.Shape.text;
import static org.crmkit.rules.internal.section.Shape.wordsInAnyCase;

import org.crmkit.core.model.RelationshipLevel;
import org.crmkit.core.model.RelationshipType;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.Shape;

/**
 * Declares the {@code relationship} section of a policy file, for the policy loader; applications
 * read the section with {@code policy.find(RelationshipPolicy.class)}.
 *
 * <p>Public only so that the registration in {@code org.crmkit.rules.internal.PolicySections} can name
 * it; its declaration is package-private, so that no type of the loader is part of the API.
 */
public final class RelationshipSection {
    static final Shape.Fields LEVELS;

    static {
        Shape.FieldsBuilder levels = fields("The evidence of every relationship level.");
        for (RelationshipLevel level : RelationshipLevel.values()) {
            levels.required(level.key(), fields("The evidence of " + level.key() + ".")
                    .optional("description", text("What the level means."))
                    .required("when", Shape.SIGNAL_CONDITION)
                    .build());
        }
        LEVELS = levels.build();
    }

    static final Shape.Fields TYPE = fields("A relationship type and its condition; the last has none.")
            .required("type", wordsInAnyCase(RelationshipType.values(), RelationshipType::key, "The type."))
            .optional("description", text("What the type means."))
            .optional("when", Shape.SIGNAL_CONDITION)
            .build();

    static final Shape.Fields SHAPE = fields("Relationship levels and types.")
            .optional("value_added_categories", list(text("A product category."), 0,
                    "Categories whose purchases are value-added services."))
            .required("levels", LEVELS)
            .required("types", list(TYPE, 1, "Type rules, first match wins; the last applies otherwise."))
            .build();

    /** Optional: only policies that judge relationships have one. */
    static final PolicySection<RelationshipPolicy> SECTION = PolicySection.of(RelationshipPolicy.class)
            .description("Relationship levels from evidence, and relationship types by first match.")
            .key("relationship", SHAPE).reader(RelationshipReader::read).build();

    private RelationshipSection() {
    }
}

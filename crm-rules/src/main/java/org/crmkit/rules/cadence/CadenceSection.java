package org.crmkit.rules.cadence;

import static org.crmkit.rules.internal.section.Shape.fields;
import static org.crmkit.rules.internal.section.Shape.flag;
import static org.crmkit.rules.internal.section.Shape.list;
import static org.crmkit.rules.internal.section.Shape.named;
import static org.crmkit.rules.internal.section.Shape.pattern;
import static org.crmkit.rules.internal.section.Shape.text;
import static org.crmkit.rules.internal.section.Shape.whole;
import static org.crmkit.rules.internal.section.Shape.wordsInAnyCase;

import org.crmkit.core.model.Channel;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.References;
import org.crmkit.rules.internal.section.Shape;

/**
 * Declares the {@code cadences} section of a policy file, for the policy loader; applications read
 * the section with {@code policy.find(CadencePolicy.class)}.
 *
 * <p>Public only so that the registration in {@code org.crmkit.rules.internal.PolicySections} can name
 * it; its declaration is package-private, so that no type of the loader is part of the API.
 */
public final class CadenceSection {
    private static Shape.FieldsBuilder rule(Shape.FieldsBuilder builder) {
        return builder
                .required("name", text("The rule's name, unique in the section."))
                .required("channels", list(wordsInAnyCase(Channel.values(), Channel::key, "A channel."), 1,
                        "The channels to contact on."))
                // CadenceInterval.parse: 1 to 4 digits above zero, then a unit, in any case.
                .required("every", pattern("(?i)^\\s*(?!0+\\s)\\d{1,4}\\s+"
                        + "(days?|weeks?|months?|quarters?|business days?)\\s*$", "How often: a number of days, weeks,"
                        + " months, quarters or business days, e.g. 2 weeks."))
                .required("owner", wordsInAnyCase(OwnerKind.values(), OwnerKind::key, "Who makes the contact."))
                .required("purpose", wordsInAnyCase(ContactPurpose.values(), ContactPurpose::key, "Why."));
    }

    static final Shape.Fields RULE = rule(fields("A contact rhythm.")).build();

    static final Shape.Fields POOL;

    static final Shape.Fields OWNERS;

    static {
        Shape.FieldsBuilder capacity = fields("The most contacts a day per channel.");
        for (Channel channel : Channel.values()) {
            capacity.optional(channel.key(), whole(0, "Contacts a day on " + channel.key() + "."));
        }
        POOL = fields("The people of one kind of owner.")
                .optional("members", list(text("A staff id."), 0, "The members."))
                .optional("capacity", capacity.build())
                .optional("calendar", text("Their working time; default cadences.calendar."))
                .build();
        Shape.FieldsBuilder owners = fields("Owner pools by kind.");
        for (OwnerKind kind : OwnerKind.values()) {
            owners.optional(kind.key(), POOL);
        }
        OWNERS = owners.build();
    }

    static final Shape.Fields SHAPE = fields("Contact rhythms per tier.")
            .required("calendar", text("The calendar of planning days."))
            .optional("frequency_cap", fields("The most contacts per customer in a window.")
                    .required("touches", whole(1, "Contacts."))
                    .required("days", whole(1, "Days of the window."))
                    .build())
            .optional("suppress_marketing_while_complaint_open", flag("Hold marketing while a complaint is open"
                    + " (default true)."))
            .optional("owners", OWNERS)
            .required("tiers", named(Shape.TIER.pattern().orElseThrow(), Shape.list(RULE, 0, "The tier's rules."),
                    "Rules per tier, defined in tiers."))
            .optional("win_back", rule(fields("The only rule for customers who stopped buying.")
                    .required("when", Shape.CONDITION)).build())
            .build();

    /** Optional: only policies that plan contacts have one. */
    static final PolicySection<CadencePolicy> SECTION = PolicySection.of(CadencePolicy.class)
            .description("Contact cadences: who contacts which tier how often, on which channels.")
            .key("cadences", SHAPE).reader(CadenceReader::read).check(CadenceSection::references).build();

    private CadenceSection() {
    }

    /** The calendars and the tiers with rules must be the policy's. */
    private static void references(CadencePolicy cadences, References policy) {
        policy.calendar("cadences.calendar", cadences.calendar());
        cadences.owners().forEach((kind, pool) -> pool.calendar()
                .ifPresent(calendar -> policy.calendar("cadences.owners." + kind.key() + ".calendar", calendar)));
        cadences.rules().keySet().forEach(tier -> policy.tier("cadences.tiers." + tier.name(), tier));
    }
}

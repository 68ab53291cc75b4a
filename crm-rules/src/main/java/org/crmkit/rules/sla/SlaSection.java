package org.crmkit.rules.sla;

import static org.crmkit.rules.internal.section.Shape.fields;
import static org.crmkit.rules.internal.section.Shape.flag;
import static org.crmkit.rules.internal.section.Shape.list;
import static org.crmkit.rules.internal.section.Shape.text;
import static org.crmkit.rules.internal.section.Shape.whole;
import static org.crmkit.rules.internal.section.Shape.wordsInAnyCase;

import org.crmkit.core.model.CaseEventType;
import org.crmkit.core.model.CaseKind;
import org.crmkit.core.model.Priority;
import org.crmkit.rules.internal.section.PolicySection;
import org.crmkit.rules.internal.section.References;
import org.crmkit.rules.internal.section.Shape;

/**
 * Declares the {@code sla} section of a policy file, for the policy loader; applications read the
 * section with {@code policy.section(SlaPolicy.class)}.
 *
 * <p>Public only so that the registration in {@code org.crmkit.rules.internal.PolicySections} can name
 * it; its declaration is package-private, so that no type of the loader is part of the API.
 */
public final class SlaSection {
    /** A warning before a milestone's target. */
    static final Shape.Fields WARN = fields("When to warn before a milestone is due.")
            .optional("at_percent", whole(1, 99, "Warn when this share of the target time has passed."))
            .optional("before", Shape.DURATION)
            .build();

    static final Shape.Fields MILESTONE = fields("A step of a case that must happen within a time.")
            .required("name", text("The milestone's name, unique in its target."))
            .required("within", Shape.DURATION)
            .optional("business_time", Shape.flag("Count the calendar's working time (default) or wall-clock time."))
            .optional("calendar", text("The calendar of business time; default sla.calendar."))
            .required("met_by", list(wordsInAnyCase(CaseEventType.values(), CaseEventType::key, "A case event."), 1,
                    "The events that meet the milestone."))
            .optional("warn", WARN)
            .optional("escalate", fields("Who is told on a warning and on a breach.")
                    .optional("warning", list(text("A role or person."), 0, "Told on a warning."))
                    .optional("breach", list(text("A role or person."), 0, "Told on a breach."))
                    .build())
            .optional("restart_on_reopen", flag("Whether a reopened case starts the milestone again."))
            .build();

    static final Shape.Fields TARGET = fields("Milestones for the cases a target applies to.")
            .required("name", text("The target's name, unique in the section."))
            .optional("when", fields("Which cases the target applies to; all when left out.")
                    .optional("kinds", list(wordsInAnyCase(CaseKind.values(), CaseKind::key, "A case kind."), 0, "Case kinds."))
                    .optional("tiers", list(Shape.TIER, 0, "Customer tiers, defined in tiers."))
                    .optional("priorities", list(wordsInAnyCase(Priority.values(), Priority::key, "A priority."), 0,
                            "Case priorities."))
                    .build())
            .required("milestones", list(MILESTONE, 1, "The target's milestones."))
            .build();

    static final Shape.Fields SHAPE = fields("Service-level targets for complaints and inquiries.")
            .optional("calendar", text("The default calendar of business-time milestones."))
            .optional("warn", WARN)
            .required("targets", list(TARGET, 0, "Targets, tried in order; the first that applies decides."))
            .build();

    /** Without one, no case has an SLA. */
    static final PolicySection<SlaPolicy> SECTION = PolicySection.of(SlaPolicy.class)
            .description("Service levels: milestones per kind of case, tier and priority, in business time.")
            .key("sla", SHAPE).standard(SlaPolicy::none).reader(SlaReader::read).check(SlaSection::references)
            .build();

    private SlaSection() {
    }

    /** The tiers each target names and the calendar of each milestone must be the policy's. */
    private static void references(SlaPolicy sla, References policy) {
        for (int t = 0; t < sla.targets().size(); t++) {
            SlaTarget target = sla.targets().get(t);
            String path = "sla.targets[" + t + "]";
            policy.tiers(path + ".when.tiers", target.tiers());
            for (int m = 0; m < target.milestones().size(); m++) {
                policy.calendar(path + ".milestones[" + m + "].calendar", target.milestones().get(m).calendar());
            }
        }
    }
}

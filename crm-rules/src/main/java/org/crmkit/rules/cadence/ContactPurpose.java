package org.crmkit.rules.cadence;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.model.InteractionKind;

/**
 * Why a cadence contacts a customer. The purpose decides which actual interactions count as
 * such a contact (and so reset the cadence's clock) and whether the contact is marketing.
 */
public enum ContactPurpose {
    /** A visit, on site or by video. */
    VISIT(EnumSet.of(InteractionKind.VISIT, InteractionKind.MEETING), false),
    /** A needs survey. */
    NEEDS_SURVEY(EnumSet.of(InteractionKind.SURVEY, InteractionKind.MEETING, InteractionKind.VISIT), false),
    /** An offer or usage guide: marketing. */
    OFFER(EnumSet.of(InteractionKind.MESSAGE, InteractionKind.EVENT), true),
    /** A follow-up by sales or service. */
    FOLLOW_UP(EnumSet.of(InteractionKind.CALL, InteractionKind.MESSAGE, InteractionKind.MEETING,
            InteractionKind.VISIT), false),
    /** Winning back a customer who stopped buying: marketing. */
    WIN_BACK(EnumSet.of(InteractionKind.CALL, InteractionKind.MESSAGE, InteractionKind.MEETING,
            InteractionKind.VISIT, InteractionKind.TRIAL), true);

    private final Set<InteractionKind> countingKinds;
    private final boolean marketing;

    ContactPurpose(Set<InteractionKind> countingKinds, boolean marketing) {
        this.countingKinds = countingKinds;
        this.marketing = marketing;
    }

    /**
     * Tells whether an actual interaction of a kind counts as a contact of this purpose.
     * Inquiries never count: the customer reached out, not the business.
     *
     * @param kind the interaction's kind; not null
     * @return true when it resets the cadence's clock
     */
    public boolean countedBy(InteractionKind kind) {
        return countingKinds.contains(kind);
    }

    /** @return whether contacts of this purpose are marketing, suppressed while a complaint is open */
    public boolean marketing() {
        return marketing;
    }

    /** @return the spelling in policy files, e.g. {@code "needs_survey"} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

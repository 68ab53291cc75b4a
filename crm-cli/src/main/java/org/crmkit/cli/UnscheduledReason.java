package org.crmkit.cli;

import org.crmkit.rules.cadence.UnscheduledContact;

/**
 * The kind of an unscheduled contact's reason, for counting: the planner explains each contact
 * in a sentence with its own days and channels, and a summary counts them by kind.
 */
final class UnscheduledReason {
    static final String OPEN_COMPLAINT = "open complaint";
    static final String DO_NOT_CONTACT = "do-not-contact";
    static final String NO_ACCOUNT_MANAGER = "no account manager";
    static final String NO_SUITABLE_DAY = "no suitable day";
    static final String FREQUENCY_CAP = "frequency cap";
    static final String NO_CAPACITY = "no capacity";

    private UnscheduledReason() {
    }

    /**
     * The summary's name of a kind of reason.
     *
     * @param kind the kind the planner gave
     * @return its name
     */
    static String of(UnscheduledContact.Kind kind) {
        return switch (kind) {
            case COMPLAINT_OPEN -> OPEN_COMPLAINT;
            case DO_NOT_CONTACT -> DO_NOT_CONTACT;
            case NO_ACCOUNT_MANAGER -> NO_ACCOUNT_MANAGER;
            case NO_SUITABLE_DAY -> NO_SUITABLE_DAY;
            case FREQUENCY_CAP -> FREQUENCY_CAP;
            case NO_CAPACITY -> NO_CAPACITY;
        };
    }
}

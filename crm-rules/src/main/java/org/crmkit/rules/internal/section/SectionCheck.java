package org.crmkit.rules.internal.section;

/**
 * Checks what a section refers to elsewhere in the policy (tiers, calendars), on the section's
 * value: the loader runs it on each section it read, and {@code Policy.Builder} on each section it
 * was given, so that both report the same problems with the same messages.
 *
 * @param <S> the section's type
 */
@FunctionalInterface
public interface SectionCheck<S> {
    /**
     * Reports each reference of the section that the policy does not define.
     *
     * @param section the section's value
     * @param references the policy's tiers and calendars, and where to report
     */
    void check(S section, References references);
}

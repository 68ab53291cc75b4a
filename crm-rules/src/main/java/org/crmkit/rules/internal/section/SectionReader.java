package org.crmkit.rules.internal.section;

import java.util.Optional;

/**
 * Reads one section of a policy document and checks it, reporting every problem to the input's
 * collector.
 *
 * @param <S> the section's type
 */
@FunctionalInterface
public interface SectionReader<S> {
    /**
     * Reads the section.
     *
     * @param input the document around the section and what earlier sections and the header gave
     * @return the section, or empty after reporting its problems (or when a section it refers to
     *     failed, whose own problems are reported)
     */
    Optional<S> read(SectionInput input);
}

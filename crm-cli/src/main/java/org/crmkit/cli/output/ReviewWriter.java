package org.crmkit.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.sla.WeeklyReview;

/** Writes a weekly review in one output format. */
@FunctionalInterface
public interface ReviewWriter {
    /**
     * Writes the review.
     *
     * @param review the review; not null
     * @param policy the policy it was made under; not null
     * @param zone the zone whose offsets the moments are written with (the policy's); not null
     * @param out where to write; not closed; not null
     * @throws IOException if writing fails
     */
    void write(WeeklyReview review, PolicyRef policy, ZoneId zone, Writer out) throws IOException;
}

package org.crmkit.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.Map;
import org.crmkit.core.model.PolicyRef;
import org.crmkit.rules.sla.WeeklyReview;
import org.jspecify.annotations.Nullable;

/**
 * JSON Lines: one object per row of the review, each with its {@code section}, e.g.
 * <pre>{@code
 * {"section":"summary","week":"2026-W10","from":"2026-03-02T00:00:00+08:00",...,"cases_opened":5,"resolved":3,"resolution_rate":0.6000,...}
 * {"section":"cause","week":"2026-W10","cause":"delivery","cases":2,"share":0.4000}
 * {"section":"milestone","week":"2026-W10","milestone":"first_response","cases":5,"met_on_time":3,...,"median_time_to_meet":"PT40M",...}
 * }</pre>
 * A row holds only its section's fields.
 */
final class JsonLinesReviewWriter implements ReviewWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(WeeklyReview review, PolicyRef policy, ZoneId zone, Writer out) throws IOException {
        for (Map<String, @Nullable Object> row : ReviewFields.rows(review, policy, zone)) {
            out.write(MAPPER.writeValueAsString(row));
            out.write('\n');
        }
    }
}

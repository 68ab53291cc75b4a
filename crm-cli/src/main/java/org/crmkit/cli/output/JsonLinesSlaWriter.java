package org.crmkit.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.rules.sla.CaseSla;
import org.crmkit.rules.sla.MilestoneStatus;
import org.jspecify.annotations.Nullable;

/**
 * JSON Lines: one object per case, e.g.
 * <pre>{@code
 * {"complaint_id":"k-1","customer_id":"c-1","kind":"complaint","priority":null,"tier":"basic",
 *  "target":"complaint_1_24_48","reopenings":0,"paused":false,"closed":false,
 *  "opened_at":"2026-03-02T09:10:00+08:00","as_of":"2026-03-02T18:00:00+08:00","policy":"standard@2026.1",
 *  "milestones":[{"name":"first_response","due_at":"2026-03-02T10:10:00+08:00",
 *  "met_at":"2026-03-02T09:40:00+08:00","status":"met","on_time":true,"remaining":null,"elapsed":"PT30M",
 *  "paused_time":"PT0S","cycle":0,"met_by_closing":false,"escalate_to":[]}, ...]}
 * }</pre>
 * (on one line). {@code milestones} is empty when no target applies.
 */
final class JsonLinesSlaWriter implements SlaWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(List<CaseSla> cases, ZoneId zone, Writer out) throws IOException {
        for (CaseSla sla : cases) {
            Map<String, @Nullable Object> line = SlaFields.caseFields(sla, zone);
            List<Map<String, @Nullable Object>> milestones = new ArrayList<>();
            for (MilestoneStatus status : sla.milestones()) {
                Map<String, @Nullable Object> milestone = new java.util.LinkedHashMap<>();
                milestone.put(SlaFields.NAME, status.name());
                milestone.putAll(SlaFields.milestoneFields(status, zone));
                milestones.add(milestone);
            }
            line.put(SlaFields.MILESTONES, milestones);
            out.write(MAPPER.writeValueAsString(line));
            out.write('\n');
        }
    }
}

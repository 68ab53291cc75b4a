package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crmkit.jdbc.mapping.Entity;
import org.junit.jupiter.api.Test;

class RelationTest {
    @Test
    void readsCrmkitsColumnsFromItsTableAndTheFieldsFromAMappedRelation() {
        Relation mapped = new Relation(Entity.COMPLAINTS, "(SELECT ...) crm_case", List.of(), Moments.ZONED,
                "table \"ticket\"");

        assertThat(Relation.own(Entity.COMPLAINTS).columns(ServiceCaseRows.COLUMNS))
                .isEqualTo(ServiceCaseRows.COLUMNS);
        assertThat(mapped.columns(ServiceCaseRows.COLUMNS))
                .isEqualTo("id, customer_id, opened_at, kind, priority, cause, channel");
        assertThat(new Relation(Entity.INTERACTIONS, "(SELECT ...) crm_interaction", List.of(), Moments.ZONED,
                "view \"v_contact\"").columns(InteractionRows.COLUMNS))
                .isEqualTo("id, customer_id, occurred_at, channel, kind, staff_id, outcome");
    }
}

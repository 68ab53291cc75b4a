package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.crmkit.jdbc.mapping.Entity;
import org.junit.jupiter.api.Test;

class RelationsTest {
    @Test
    void ownReadsEveryEntityFromCrmkitsTable() {
        for (Entity entity : Entity.values()) {
            assertThat(Relations.OWN.of(entity)).isEqualTo(Relation.own(entity));
        }
        assertThat(Relations.OWN.complaintEvents().from()).isEqualTo("crm_case_event");
        assertThat(Relations.OWN.payments().from()).isEqualTo("crm_payment");
    }

    @Test
    void refusesAMissingEntityOrAnotherEntitysRelation() {
        Map<Entity, Relation> relations = new EnumMap<>(Entity.class);
        for (Entity entity : Entity.values()) {
            relations.put(entity, Relation.own(entity));
        }
        relations.remove(Entity.INVOICES);
        assertThatThrownBy(() -> new Relations(relations))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("invoices");

        relations.put(Entity.INVOICES, Relation.own(Entity.PAYMENTS));
        assertThatThrownBy(() -> new Relations(relations))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the relation of invoices is one of payments");
    }
}

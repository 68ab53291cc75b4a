package org.crmkit.jdbc.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.crmkit.rules.io.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErpMappingTest {
    private static final String ORDERS = """
            time_zone: Europe/Berlin
            orders:
              table: erp.sales_document
              columns:
                id: doc_no
                customer_id: partner_no
                order_date: doc_date
                amount: net_total
                category: product_group
              fixed:
                currency: EUR
              filters:
                - column: doc_status
                  not_in: [cancelled, refunded]
                - column: doc_type
                  equals: 4
                - column: deleted_at
                  is_null: true
            """;

    private static EntityMapping expectedOrders() {
        return EntityMapping.builder(Entity.ORDERS).table("erp.sales_document")
                .column(Field.ORDER_ID, "doc_no").column(Field.ORDER_CUSTOMER_ID, "partner_no")
                .column(Field.ORDER_DATE, "doc_date").column(Field.ORDER_AMOUNT, "net_total")
                .column(Field.ORDER_CATEGORY, "product_group").fixed(Field.ORDER_CURRENCY, "EUR")
                .filter(Filter.notIn("doc_status", "cancelled", "refunded"))
                .filter(Filter.equalTo("doc_type", 4L))
                .filter(Filter.isNull("deleted_at"))
                .build();
    }

    @Test
    void onlyOptionalFieldsReadAsAValueWhenLeftOut() {
        assertThat(Arrays.stream(Field.values()).filter(field -> field.whenAbsent().isPresent()))
                .containsExactly(Field.CUSTOMER_STRATEGIC_AGREEMENT, Field.COMPLAINT_KIND)
                .noneMatch(Field::required);
        assertThat(Field.CUSTOMER_STRATEGIC_AGREEMENT.whenAbsent()).contains("false");
        assertThat(Field.COMPLAINT_KIND.whenAbsent()).contains("complaint");
    }

    @Test
    void readsAYamlMappingAsTheBuilderBuildsIt() {
        ErpMapping read = ErpMapping.parse(ORDERS, "erp.yaml");

        ErpMapping built = ErpMapping.builder().timeZone(ZoneId.of("Europe/Berlin")).entity(expectedOrders()).build();
        assertThat(read).isEqualTo(built);
        assertThat(read.source()).isEqualTo("erp.yaml");
        assertThat(read.entity(Entity.ORDERS).orElseThrow().source())
                .isEqualTo(new Source.Table(java.util.Optional.of("erp"), "sales_document"));
        assertThat(read.entity(Entity.CUSTOMERS)).isEmpty();
    }

    @Test
    void aMappingFileIsDecodedAsEveryInputIsWithItsBadBytesAtTheirLine(@TempDir Path dir) throws Exception {
        Path withMark = Files.write(dir.resolve("marked.yaml"), ("\uFEFF" + ORDERS).getBytes(StandardCharsets.UTF_8));
        byte[] latin1 = (ORDERS + "# caf?\n").getBytes(StandardCharsets.UTF_8);
        latin1[latin1.length - 2] = (byte) 0xE9;
        Path broken = Files.write(dir.resolve("latin1.yaml"), latin1);
        long line = ORDERS.lines().count() + 1;

        assertThat(ErpMapping.read(withMark)).isEqualTo(ErpMapping.parse(ORDERS, "erp.yaml"));
        assertThatThrownBy(() -> ErpMapping.read(broken)).isInstanceOfSatisfying(MappingException.class,
                        e -> assertThat(e.problems()).extracting(InputProblem::line).containsExactly((int) line))
                .hasMessage("Invalid mapping: latin1.yaml:" + line + ": not UTF-8 text: bad byte sequence at byte offset "
                        + (latin1.length - 2));
    }

    @Test
    void readsTheSameMappingFromJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("erp.json");
        Files.writeString(file, """
                {"time_zone": "Europe/Berlin",
                 "orders": {"table": "erp.sales_document",
                   "columns": {"id": "doc_no", "customer_id": "partner_no", "order_date": "doc_date",
                               "amount": "net_total", "category": "product_group"},
                   "fixed": {"currency": "EUR"},
                   "filters": [{"column": "doc_status", "not_in": ["cancelled", "refunded"]},
                               {"column": "doc_type", "equals": 4},
                               {"column": "deleted_at", "is_null": true}]}}
                """);

        assertThat(ErpMapping.read(file)).isEqualTo(ErpMapping.parse(ORDERS, "erp.yaml"));
        assertThat(ErpMapping.read(file).source()).isEqualTo("erp.json");
    }

    @Test
    void keepsTheTypesOfFilterValues() {
        ErpMapping mapping = ErpMapping.parse("""
                customers:
                  table: partner
                  columns: {id: partner_no, name: company, created_on: created}
                  filters:
                    - {column: rating, in: [1.50, 2, "A", true]}
                """, "m.yaml");

        assertThat(mapping.entity(Entity.CUSTOMERS).orElseThrow().filters())
                .containsExactly(new Filter("rating", Filter.Operator.IN,
                        List.of(new BigDecimal("1.50"), 2L, "A", Boolean.TRUE)));
    }

    @Test
    void crmkitTablesMapNothing() {
        for (Entity entity : Entity.values()) {
            assertThat(ErpMapping.crmkitTables().entity(entity)).isEmpty();
        }
        assertThat(ErpMapping.crmkitTables().timeZone()).isEmpty();
    }

    @Test
    void anErpWithoutInteractionsSaysSoInYamlJsonAndCode() {
        ErpMapping yaml = ErpMapping.parse(ORDERS + "interactions: none\n", "erp.yaml");
        ErpMapping json = ErpMapping.parse("{\"interactions\": \"none\"}", "erp.json");

        assertThat(yaml.keepsInteractions()).isFalse();
        assertThat(yaml.entity(Entity.INTERACTIONS)).isEmpty();
        assertThat(yaml).isEqualTo(ErpMapping.builder().timeZone(ZoneId.of("Europe/Berlin")).entity(expectedOrders())
                .noInteractions().build());
        assertThat(json).isEqualTo(ErpMapping.builder().noInteractions().build())
                .isNotEqualTo(ErpMapping.crmkitTables());
        assertThat(json.toString()).endsWith(", interactions: none]");
        assertThat(ErpMapping.crmkitTables().keepsInteractions()).isTrue();
        assertThat(ErpMapping.parse(ORDERS, "erp.yaml").keepsInteractions()).isTrue();
    }

    @Test
    void mappingTheInteractionsAfterSayingNoneKeepsThemAndTheOtherWayRound() {
        EntityMapping contacts = EntityMapping.builder(Entity.INTERACTIONS).table("contact_log")
                .column(Field.INTERACTION_ID, "log_id").column(Field.INTERACTION_CUSTOMER_ID, "partner_no")
                .column(Field.INTERACTION_OCCURRED_AT, "logged_at").column(Field.INTERACTION_CHANNEL, "medium")
                .column(Field.INTERACTION_KIND, "topic").build();

        ErpMapping mapped = ErpMapping.builder().noInteractions().entity(contacts).build();
        ErpMapping none = ErpMapping.builder().entity(contacts).noInteractions().build();

        assertThat(mapped.keepsInteractions()).isTrue();
        assertThat(mapped.entity(Entity.INTERACTIONS)).contains(contacts);
        assertThat(none.keepsInteractions()).isFalse();
        assertThat(none.entity(Entity.INTERACTIONS)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "interactions: nothing | erp.yaml:1: interactions: interactions is a map of table, query, columns, fixed,"
                + " filters, or none for an ERP that keeps no interactions, was 'nothing'",
        "interactions: None    | erp.yaml:1: interactions: interactions is a map of table, query, columns, fixed,"
                + " filters, or none for an ERP that keeps no interactions, was 'None'",
        "orders: none          | erp.yaml:1: orders: orders is a map of table, query, columns, fixed, filters,"
                + " was 'none'",
    })
    void onlyTheInteractionsCanBeNone(String text, String problem) {
        assertThatThrownBy(() -> ErpMapping.parse(text + "\n", "erp.yaml"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void reportsEveryProblemAtOnceWithLineAndPath() {
        String text = """
                time_zone: Europe/Berln
                orders:
                  table: "sales; DROP TABLE x"
                  columns:
                    id: doc_no
                    amout: net_total
                    order_date: "doc date"
                  fixed:
                    currency: XYZ
                  filters:
                    - column: status
                      like: "p%"
                interactions:
                  query: "SELECT * FROM contacts WHERE id = ?"
                  columns: {id: no, customer_id: cust, occurred_at: at, channel: ch}
                  fixed: {kind: gossip}
                colors: red
                """;

        assertThatThrownBy(() -> ErpMapping.parse(text, "erp.yaml"))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems()).hasSize(12))
                .hasMessage("""
                        Invalid mapping, 12 problems:
                          erp.yaml:1: time_zone: unknown time zone 'Europe/Berln'
                          erp.yaml:3: orders.table: 'sales; DROP TABLE x' is not a name crmkit accepts: letters, \
                        digits and '_', starting with a letter or '_', at most 63 characters
                          erp.yaml:4: orders.columns: the required field 'customer_id' is not mapped; name its column
                          erp.yaml:4: orders.columns: the required field 'amount' is not mapped; name its column
                          erp.yaml:6: orders.columns.amout: unknown field 'amout' of orders; its fields are id, \
                        customer_id, order_date, amount, currency, category
                          erp.yaml:7: orders.columns.order_date: 'doc date' is not a name crmkit accepts: letters, \
                        digits and '_', starting with a letter or '_', at most 63 characters
                          erp.yaml:9: orders.fixed.currency: Unknown currency 'XYZ'
                          erp.yaml:12: orders.filters[0].like: unknown operator 'like'; expected one of equals, \
                        not_equals, in, not_in, is_null, is_not_null
                          erp.yaml:14: interactions.query: the query must take no parameters ('?'); select rows \
                        with filters, whose values crmkit binds
                          erp.yaml:15: interactions.columns.id: a column name is text, was 'false' (YAML reads an \
                        unquoted yes, no, on or off as true or false: quote it)
                          erp.yaml:16: interactions.fixed.kind: Unknown interaction kind 'gossip', expected one of \
                        inquiry, visit, call, message, meeting, survey, referral, event, trial, other
                          erp.yaml:17: colors: unknown key 'colors'; a mapping has time_zone, customers, orders, \
                        interactions, complaints, complaint_events, order_lines, invoices and payments""");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            table: 'sales; DROP TABLE x'   | orders.table: 'sales; DROP TABLE x' is not a name crmkit accepts: letters, digits and '_', starting with a letter or '_', at most 63 characters
            table: a.b.c                   | orders.table: 'b.c' is not a name crmkit accepts: letters, digits and '_', starting with a letter or '_', at most 63 characters
            query: 'SELECT 1;'             | orders.query: the query must not end with ';': it runs inside crmkit's own queries
            query: '  '                    | orders.query: the query is empty
            """)
    void refusesSourcesThatCouldCarrySql(String source, String problem) {
        String text = "orders:\n  " + source + "\n  columns: {id: a, customer_id: b, order_date: c, amount: d}\n"
                + "  fixed: {currency: EUR}\n";

        assertThatThrownBy(() -> ErpMapping.parse(text, "m.yaml"))
                .isInstanceOf(MappingException.class)
                .hasMessage("Invalid mapping: m.yaml:2: " + problem);
    }

    @Test
    void namesTheRequiredFieldsLeftOut() {
        assertThatThrownBy(() -> ErpMapping.parse("orders:\n  table: so\n  columns: {id: a}\n", "m.yaml"))
                .hasMessage("""
                        Invalid mapping, 4 problems:
                          m.yaml:3: orders.columns: the required field 'customer_id' is not mapped; name its column
                          m.yaml:3: orders.columns: the required field 'order_date' is not mapped; name its column
                          m.yaml:3: orders.columns: the required field 'amount' is not mapped; name its column
                          m.yaml:3: orders.columns: the required field 'currency' is not mapped; name its column, \
                        or give it a fixed value""");
    }

    @Test
    void refusesAFixedValueWhereAColumnIsNeeded() {
        assertThatThrownBy(() -> EntityMapping.builder(Entity.ORDERS).table("so")
                .column(Field.ORDER_ID, "a").column(Field.ORDER_CUSTOMER_ID, "b").column(Field.ORDER_DATE, "c")
                .fixed(Field.ORDER_AMOUNT, "10.00").fixed(Field.ORDER_CURRENCY, "EUR").build())
                .isInstanceOf(MappingException.class)
                .hasMessage("Invalid mapping: mapping built in code: orders.fixed.amount: 'amount' takes a column,"
                        + " not a fixed value ('10.00')");
    }

    @Test
    void refusesAFieldOfAnotherEntityAndAMappingWithoutSource() {
        assertThatThrownBy(() -> EntityMapping.builder(Entity.CUSTOMERS).column(Field.CUSTOMER_ID, "id").build())
                .hasMessage("Invalid mapping: mapping built in code: customers: name a table (or view) or a query");
        assertThatThrownBy(() -> new EntityMapping(Entity.CUSTOMERS, Source.table("p"), Map.of(
                Field.CUSTOMER_ID, FieldValue.column("id"), Field.CUSTOMER_NAME, FieldValue.column("n"),
                Field.CUSTOMER_CREATED_ON, FieldValue.column("c"), Field.ORDER_AMOUNT, FieldValue.column("x")),
                List.of()))
                .hasMessage("Invalid mapping: mapping built in code: customers.columns: field ORDER_AMOUNT belongs to"
                        + " orders, not to customers");
    }

    @Test
    void refusesFilterValuesThatDoNotFitTheOperator() {
        assertThatThrownBy(() -> new Filter("status", Filter.Operator.EQUALS, List.of("a", "b")))
                .hasMessage("Invalid mapping: mapping built in code: filter on 'status': equals takes one value,"
                        + " was given 2");
        assertThatThrownBy(() -> Filter.in("status"))
                .hasMessage("Invalid mapping: mapping built in code: filter on 'status': in takes one or more values,"
                        + " was given none");
        assertThatThrownBy(() -> Filter.equalTo("amount", 1.5d))
                .hasMessage("Invalid mapping: mapping built in code: filter on 'amount': a value must be text,"
                        + " a whole number, a decimal or true/false, was '1.5'");
    }

    @Test
    void reportsSyntaxErrorsWithTheirLine() {
        assertThatThrownBy(() -> ErpMapping.parse("orders:\n  table: [a\n", "m.yaml"))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("Invalid mapping: m.yaml:2: not valid YAML: while parsing a flow sequence");
        assertThatThrownBy(() -> ErpMapping.parse("", "m.yaml"))
                .hasMessage("Invalid mapping: m.yaml: the mapping is empty");
        assertThatThrownBy(() -> ErpMapping.parse("orders:\n  table: a\n  table: b\n", "m.yaml"))
                .hasMessageContaining("m.yaml:3: orders.table: duplicate key 'table'");
    }

    @Test
    void quotesOnlyCheckedNames() {
        assertThat(SqlNames.quote("Sales_Document")).isEqualTo("\"Sales_Document\"");
        assertThatThrownBy(() -> SqlNames.quote("a\"b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a checked name: 'a\"b'");
        assertThat(SqlNames.checkIdentifier("x".repeat(64))).isPresent();
        assertThat(SqlNames.checkIdentifier("_x1")).isEmpty();
        assertThat(SqlNames.checkIdentifier("1x")).isPresent();
    }

    @Test
    void readsComplaintsAndTheirEventsAsTheBuilderBuildsThem() {
        ErpMapping read = ErpMapping.parse("""
                complaints:
                  query: "SELECT ticket_no, partner, opened FROM tickets WHERE kind = 'C'"
                  columns: {id: ticket_no, customer_id: partner, opened_at: opened}
                  fixed: {kind: complaint, priority: P2, channel: phone}
                complaint_events:
                  table: crm.ticket_log
                  columns: {case_id: ticket, occurred_at: at, event_type: what, detail: text, sequence_number: serial}
                  filters:
                    - {column: voided, equals: false}
                """, "erp.yaml");

        assertThat(read).isEqualTo(ErpMapping.builder()
                .entity(EntityMapping.builder(Entity.COMPLAINTS)
                        .query("SELECT ticket_no, partner, opened FROM tickets WHERE kind = 'C'")
                        .column(Field.COMPLAINT_ID, "ticket_no").column(Field.COMPLAINT_CUSTOMER_ID, "partner")
                        .column(Field.COMPLAINT_OPENED_AT, "opened").fixed(Field.COMPLAINT_KIND, "complaint")
                        .fixed(Field.COMPLAINT_PRIORITY, "P2").fixed(Field.COMPLAINT_CHANNEL, "phone").build())
                .entity(EntityMapping.builder(Entity.COMPLAINT_EVENTS).table("crm.ticket_log")
                        .column(Field.COMPLAINT_EVENT_CASE_ID, "ticket").column(Field.COMPLAINT_EVENT_OCCURRED_AT, "at")
                        .column(Field.COMPLAINT_EVENT_TYPE, "what").column(Field.COMPLAINT_EVENT_DETAIL, "text")
                        .column(Field.COMPLAINT_EVENT_SEQUENCE_NUMBER, "serial")
                        .filter(Filter.equalTo("voided", false)).build())
                .build());
        assertThat(Entity.ofKey("complaint_events")).contains(Entity.COMPLAINT_EVENTS);
        assertThat(Entity.COMPLAINTS.crmkitTable()).isEqualTo("crm_case");
        assertThat(Entity.COMPLAINT_EVENTS.crmkitTable()).isEqualTo("crm_case_event");
    }

    @Test
    void checksTheFixedValuesAndRequiredFieldsOfComplaints() {
        String text = """
                complaints:
                  table: tickets
                  columns: {id: ticket_no, opened_at: opened}
                  fixed: {kind: grievance, priority: P5, channel: pigeon}
                complaint_events:
                  table: ticket_log
                  columns: {case_id: ticket}
                  fixed: {event_type: escalated, sequence_number: 1}
                """;

        assertThatThrownBy(() -> ErpMapping.parse(text, "erp.yaml"))
                .isInstanceOf(MappingException.class)
                .hasMessage("""
                        Invalid mapping, 7 problems:
                          erp.yaml:3: complaints.columns: the required field 'customer_id' is not mapped; name its \
                        column
                          erp.yaml:4: complaints.fixed.kind: Unknown case kind 'grievance', expected one of complaint, \
                        inquiry
                          erp.yaml:4: complaints.fixed.priority: Unknown priority 'P5', expected one of p1, p2, p3, p4
                          erp.yaml:4: complaints.fixed.channel: Unknown channel 'pigeon', expected one of visit, \
                        video, phone, online, sms, email, wechat, event
                          erp.yaml:7: complaint_events.columns: the required field 'occurred_at' is not mapped; name \
                        its column
                          erp.yaml:8: complaint_events.fixed.event_type: Unknown case event 'escalated', expected one \
                        of responded, solution_proposed, resolved, feedback_received, paused, resumed, reopened, \
                        closed, priority_changed
                          erp.yaml:8: complaint_events.fixed.sequence_number: 'sequence_number' takes a column, not a \
                        fixed value ('1')""");
    }
}

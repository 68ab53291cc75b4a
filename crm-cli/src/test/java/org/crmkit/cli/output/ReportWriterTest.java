package org.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The one writer of every report, on a small report declared here. */
class ReportWriterTest {
    record Customer(String id, @Nullable String region) {
    }

    record Line(String sku, int quantity) {
    }

    record Order(String id, @Nullable String note, BigDecimal total, BigDecimal refund, int items, boolean paid,
            List<String> tags, Customer customer, List<Line> lines) {
    }

    private static final Columns<Customer> CUSTOMER = Columns.<Customer>builder()
            .text("customer_id", Customer::id)
            .text("region", Customer::region)
            .build();

    private static final Columns<Order> ORDER = Columns.<Order>builder()
            .text("order_id", Order::id)
            .text("note", Order::note)
            .amount("total", Order::total)
            .number("refund", Order::refund)
            .integer("items", Order::items)
            .flag("paid", Order::paid)
            .texts("tags", Order::tags, " | ")
            .object("customer", CUSTOMER, Order::customer)
            .build();

    private static final Report<Order> ORDERS = Report.of(ORDER);

    private static final Order PLAIN = new Order("o-1", null, new BigDecimal("110000.00"), new BigDecimal("0"), 3, true,
            List.of("new", "vip"), new Customer("c-1", "east"), List.of(new Line("p-1", 2), new Line("p-2", 1)));
    /** Text a spreadsheet would run as formulas, a negative refund, and quoting. */
    private static final Order AWKWARD = new Order("=HYPERLINK(\"http://x\",\"y\")", "-12.50 back", new BigDecimal("12.50"),
            new BigDecimal("-12.50"), 0, false, List.of("@home", "a,b"), new Customer("+c-2", null), List.of());

    private static String write(OutputFormat format, Report<Order> report, Order... orders) throws IOException {
        StringWriter out = new StringWriter();
        format.writer(report).write(List.of(orders), out);
        return out.toString();
    }

    @Test
    void jsonLinesHaveTheFieldsInOrderNullsAndNestedObjects() throws IOException {
        assertThat(write(OutputFormat.JSONL, ORDERS, PLAIN, AWKWARD)).isEqualTo("""
                {"order_id":"o-1","note":null,"total":"110000.00","refund":0,"items":3,"paid":true,"tags":["new","vip"],\
                "customer":{"customer_id":"c-1","region":"east"}}
                {"order_id":"=HYPERLINK(\\"http://x\\",\\"y\\")","note":"-12.50 back","total":"12.50","refund":-12.50,\
                "items":0,"paid":false,"tags":["@home","a,b"],"customer":{"customer_id":"+c-2","region":null}}
                """);
    }

    @Test
    void csvFlattensNestedObjectsJoinsListsAndLeavesAbsentCellsEmpty() throws IOException {
        assertThat(write(OutputFormat.CSV, ORDERS, PLAIN)).isEqualTo("""
                order_id,note,total,refund,items,paid,tags,customer_id,region
                o-1,,110000.00,0,3,true,new | vip,c-1,east
                """);
    }

    @Test
    void csvNeutralisesTextThatBeginsWithAFormulaCharacterButNeverANumber() throws IOException {
        assertThat(write(OutputFormat.CSV, ORDERS, AWKWARD)).isEqualTo("""
                order_id,note,total,refund,items,paid,tags,customer_id,region
                "'=HYPERLINK(""http://x"",""y"")",'-12.50 back,12.50,-12.50,0,false,"'@home | a,b",'+c-2,
                """);
    }

    @Test
    void decimalsAreNeverInExponentNotation() throws IOException {
        Order tiny = new Order("o-3", null, new BigDecimal("1E+3"), new BigDecimal("-1E-7"), 1, true, List.of(),
                new Customer("c-3", null), List.of());

        assertThat(write(OutputFormat.JSONL, ORDERS, tiny)).contains("\"total\":\"1000\",\"refund\":-0.0000001,");
        assertThat(write(OutputFormat.CSV, ORDERS, tiny)).endsWith("\no-3,,1000,-0.0000001,1,true,,c-3,\n");
    }

    @Test
    void withoutRowsCsvIsTheHeaderAloneAndJsonLinesNothing() throws IOException {
        assertThat(write(OutputFormat.CSV, ORDERS)).isEqualTo("order_id,note,total,refund,items,paid,tags,customer_id,region\n");
        assertThat(write(OutputFormat.JSONL, ORDERS)).isEmpty();
    }

    @Test
    void renderedRunsAreWrittenInTheirPlaceAmongSingleRows() throws IOException {
        for (OutputFormat format : OutputFormat.values()) {
            StringWriter out = new StringWriter();
            try (RowWriter.Rows<Order> rows = format.writer(ORDERS).open(out)) {
                rows.write(PLAIN);
                RowWriter.Rendered run = rows.render(List.of(AWKWARD, PLAIN));
                rows.write(run);
                rows.write(AWKWARD);
            }

            assertThat(out.toString()).as(format.key()).isEqualTo(write(format, ORDERS, PLAIN, AWKWARD, PLAIN, AWKWARD));
        }
    }

    @Test
    void runsRenderedAsBytesAreTheUtf8OfTheTextWrittenByTheWriter() throws IOException {
        // Chinese text, a character outside the Basic Multilingual Plane and a control character.
        Order chinese = new Order("订单-1", "客户 \uD83D\uDE00\u0007", new BigDecimal("88.80"), BigDecimal.ZERO, 1, true,
                List.of("华东", "a\"b"), new Customer("客户-1", "上海"), List.of());
        for (OutputFormat format : OutputFormat.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (EncodedOutput out = EncodedOutput.of(bytes)) {
                try (RowWriter.Rows<Order> rows = format.writer(ORDERS).open(out)) {
                    rows.write(chinese);
                    rows.write(rows.render(List.of(PLAIN, chinese, AWKWARD)));
                    rows.write(AWKWARD);
                    rows.write(rows.render(List.of(chinese)));
                }
                assertThat(out.checkError()).isFalse();
            }

            assertThat(bytes.toString(StandardCharsets.UTF_8)).as(format.key())
                    .isEqualTo(write(format, ORDERS, chinese, PLAIN, chinese, AWKWARD, AWKWARD, chinese))
                    .contains("订单-1", "\uD83D\uDE00");
        }
    }

    @Test
    void aJsonListOfObjectsBecomesOneCsvRowPerObject() throws IOException {
        Columns<Line> line = Columns.<Line>builder().text("sku", Line::sku).integer("quantity", Line::quantity).build();
        Columns<Order> json = Columns.<Order>builder().text("order_id", Order::id).objects("lines", line, Order::lines)
                .build();
        record Row(Order order, Line line) {
        }
        Columns<Row> csv = Columns.<Row>builder().text("order_id", row -> row.order().id())
                .inline(line, Row::line).build();
        Report<Order> report = Report.of(json, csv, order -> order.lines().stream().map(each -> new Row(order, each))
                .toList());

        assertThat(write(OutputFormat.JSONL, report, PLAIN)).isEqualTo(
                "{\"order_id\":\"o-1\",\"lines\":[{\"sku\":\"p-1\",\"quantity\":2},{\"sku\":\"p-2\",\"quantity\":1}]}\n");
        assertThat(write(OutputFormat.CSV, report, PLAIN)).isEqualTo("""
                order_id,sku,quantity
                o-1,p-1,2
                o-1,p-2,1
                """);
    }

    @Test
    void sectionsHaveTheirOwnFieldsInJsonAndShareOneCsvHeader() throws IOException {
        Columns<Order> head = Columns.<Order>builder().text("kind", order -> "order").text("order_id", Order::id)
                .build();
        Columns<Line> item = Columns.<Line>builder().text("kind", each -> "line").integer("quantity", Line::quantity)
                .text("sku", Line::sku).build();
        Report<Order> report = Report.sections(List.of("kind", "order_id", "sku", "quantity"), List.of(head, item),
                (order, lines) -> {
                    lines.write(head, order);
                    for (Line each : order.lines()) {
                        lines.write(item, each);
                    }
                });

        assertThat(write(OutputFormat.JSONL, report, PLAIN)).isEqualTo("""
                {"kind":"order","order_id":"o-1"}
                {"kind":"line","quantity":2,"sku":"p-1"}
                {"kind":"line","quantity":1,"sku":"p-2"}
                """);
        assertThat(write(OutputFormat.CSV, report, PLAIN)).isEqualTo("""
                kind,order_id,sku,quantity
                order,o-1,,
                line,,p-1,2
                line,,p-2,1
                """);
    }

    @Test
    void numbersUnderTheRowsOwnNamesFillTheDeclaredCsvColumns() throws IOException {
        record Fit(String model, Map<String, Double> parameters) {
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("beta", 0.5);
        parameters.put("r", 1234.5678);
        Report<Fit> report = Report.of(Columns.<Fit>builder().text("model", Fit::model)
                .numbers(Fit::parameters, List.of("r", "alpha", "beta")).build());
        StringWriter json = new StringWriter();
        StringWriter csv = new StringWriter();

        OutputFormat.JSONL.writer(report).write(List.of(new Fit("m", parameters)), json);
        OutputFormat.CSV.writer(report).write(List.of(new Fit("m", parameters)), csv);

        assertThat(json.toString()).isEqualTo("{\"model\":\"m\",\"beta\":0.5,\"r\":1234.5678}\n");
        assertThat(csv.toString()).isEqualTo("model,r,alpha,beta\nm,1234.5678,,0.5\n");
    }

    @Test
    void aListOfObjectsCannotBeDeclaredAsCsv() {
        Columns<Line> line = Columns.<Line>builder().text("sku", Line::sku).build();
        Columns<Order> json = Columns.<Order>builder().text("order_id", Order::id).objects("lines", line, Order::lines)
                .build();

        assertThatThrownBy(() -> Report.of(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'lines' is a list of objects, which a CSV row cannot hold: declare the report's"
                        + " CSV rows apart");
    }

    @Test
    void aSectionsFieldMustBeInTheCsvHeader() {
        Columns<Customer> customer = Columns.<Customer>builder().text("customer_id", Customer::id).build();

        assertThatThrownBy(() -> Report.sections(List.of("order_id"), List.of(customer), (order, lines) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CSV field 'customer_id' is not in the header [order_id]");
    }
}

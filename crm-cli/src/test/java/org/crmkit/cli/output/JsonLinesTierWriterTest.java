package org.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerMetrics;
import org.crmkit.core.metrics.DateWindow;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Money;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;
import org.crmkit.proptest.Property;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import org.crmkit.rules.tiering.TierDecision;
import org.crmkit.rules.tiering.TierEngine;
import org.junit.jupiter.api.Test;

/**
 * A rendered run of JSON Lines, written straight for plain text and by Jackson's generator
 * otherwise, is exactly what the generator writes for the decisions one by one.
 */
class JsonLinesTierWriterTest {
    private static final Policy POLICY = PolicyLoader.standard();
    private static final TierEngine ENGINE = TierEngine.of(POLICY.header(), POLICY.tiering());
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private static Gen<CustomerMetrics> metrics() {
        // Ids cannot hold control characters; quotes, backslashes and text beyond ASCII they can.
        Gen<String> ids = Gens.of("c-1", "c-0000001", "é-7", "中文客户", "say \"hi\"", "back\\slash", "~tilde", "a/b",
                "emoji \uD83D\uDE00", "space inside");
        Gen<BigDecimal> spends = Gens.bigDecimals(BigDecimal.ZERO, new BigDecimal("250000"), 2);
        Gen<Optional<LocalDate>> lastPurchases = Gens.dates(LocalDate.of(2020, 1, 1), AS_OF).optional(0.2);
        return source -> new CustomerMetrics(CustomerId.of(ids.generate(source)), AS_OF,
                DateWindow.trailingMonths(12, AS_OF), Money.of(POLICY.header().currency(), spends.generate(source)),
                Gens.integers(0, 40).generate(source), Gens.integers(0, 4).generate(source),
                Gens.integers(0, 5).generate(source), Gens.integers(0, 120).generate(source),
                Gens.booleans().generate(source), lastPurchases.generate(source));
    }

    @Test
    void aRenderedRunIsWhatTheGeneratorWritesLineByLine() {
        Property.forAll(metrics().list(0, 30)).tries(300)
                .cover("a line Jackson escapes", 20)
                .cover("a line of plain text", 20)
                .check(customers -> {
                    List<TierDecision> decisions = new ArrayList<>();
                    for (CustomerMetrics customer : customers) {
                        decisions.add(ENGINE.evaluate(customer));
                    }
                    StringWriter oneByOne = new StringWriter();
                    try (TierWriter.Lines lines = OutputFormat.JSONL.tierWriter().open(oneByOne)) {
                        for (TierDecision decision : decisions) {
                            lines.write(decision);
                        }
                    }
                    StringWriter rendered = new StringWriter();
                    try (TierWriter.Lines lines = OutputFormat.JSONL.tierWriter().open(rendered)) {
                        lines.write(lines.render(decisions));
                    }

                    Property.classify("a line Jackson escapes", decisions.stream().anyMatch(decision ->
                            !JsonLinesTierWriter.PlainLine.plain(decision.customerId().value())));
                    Property.classify("a line of plain text", decisions.stream().anyMatch(decision ->
                            JsonLinesTierWriter.PlainLine.plain(decision.customerId().value())));
                    assertThat(rendered.toString()).isEqualTo(oneByOne.toString());
                });
    }
}

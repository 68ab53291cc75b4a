package org.crmkit.rules.clv;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.crmkit.rules.internal.section.Node.MapNode;
import org.crmkit.rules.internal.section.Node;
import org.crmkit.rules.internal.section.Read;
import org.crmkit.rules.internal.section.SectionInput;

/** Reads the {@code clv} section; every field has a default, so an absent field means the standard value. */
final class ClvReader {
    private static final List<String> FIELDS = ClvSection.SHAPE.keys();

    private final Read read;

    private ClvReader(Read read) {
        this.read = read;
    }

    /**
     * Reads the section; an absent field means its standard value.
     *
     * @param input the document
     * @return the policy, or empty after problems
     */
    static Optional<ClvPolicy> read(SectionInput input) {
        return new ClvReader(input.read()).clv(input.node("clv"));
    }

    private Optional<ClvPolicy> clv(Optional<Node> section) {
        ClvPolicy standard = ClvPolicy.standard();
        if (section.isEmpty()) {
            return Optional.of(standard);
        }
        Optional<MapNode> map = read.map(section.get(), FIELDS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Optional<PurchaseModelKind> model = read.optional(map.get(), "model")
                .map(node -> read.keyword(node, PurchaseModelKind.values(), PurchaseModelKind::key, "model"))
                .orElse(Optional.of(standard.model()));
        Optional<ClvTimeUnit> unit = read.optional(map.get(), "time_unit")
                .map(node -> read.keyword(node, ClvTimeUnit.values(), ClvTimeUnit::key, "time unit"))
                .orElse(Optional.of(standard.timeUnit()));
        Optional<Integer> horizon = read.optional(map.get(), "horizon").map(node -> read.integer(node, 1)
                .filter(value -> {
                    if (value > CustomerValue.MAX_HORIZON) {
                        read.problems().add(node, "must be at most " + CustomerValue.MAX_HORIZON
                                + " (periods of the time_unit; 100 years in days), was " + value);
                        return false;
                    }
                    return true;
                })).orElse(Optional.of(standard.horizon()));
        Optional<BigDecimal> rate = read.optional(map.get(), "annual_discount_rate")
                .map(read::nonNegativeDecimal)
                .orElse(Optional.of(standard.annualDiscountRate()));
        Optional<Integer> minCustomers = read.optional(map.get(), "min_customers").map(node -> read.integer(node, 1))
                .orElse(Optional.of(standard.minCustomers()));
        if (model.isEmpty() || unit.isEmpty() || horizon.isEmpty() || rate.isEmpty() || minCustomers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClvPolicy(model.get(), unit.get(), horizon.get(), rate.get(), minCustomers.get()));
    }
}

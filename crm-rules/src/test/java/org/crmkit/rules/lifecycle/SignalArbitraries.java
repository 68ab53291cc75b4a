package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Measure;
import org.crmkit.core.metrics.Signal;

/** Random signal snapshots: every signal given or left neutral, over wide ranges with edge values. */
public final class SignalArbitraries {
    private SignalArbitraries() {
    }

    /** @return snapshots of random signals on random metrics */
    public static Arbitrary<CustomerSignals> signals() {
        Arbitrary<CustomerSignals> base = Combinators.combine(Arbitraries.integers().between(0, 120),
                Arbitraries.integers().between(0, 4), Arbitraries.of(true, false))
                .as((tenure, quarters, agreement) -> CustomerSignals.of(Signals.metrics("c-1", tenure, quarters,
                        agreement)));
        Arbitrary<CustomerSignals> result = base;
        for (Signal signal : List.of(Signal.values())) {
            Arbitrary<CustomerSignals> previous = result;
            result = Combinators.combine(previous, value(signal).optional())
                    .as((signals, value) -> value.map(v -> signals.with(signal, v)).orElse(signals));
        }
        return result;
    }

    private static Arbitrary<BigDecimal> value(Signal signal) {
        if (signal.kind() == Measure.Kind.COUNT) {
            return Arbitraries.integers().between(0, 2000).map(BigDecimal::valueOf)
                    .edgeCases(edges -> edges.includeOnly(BigDecimal.ZERO, BigDecimal.ONE));
        }
        if (signal.maximum().isPresent()) {
            return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4);
        }
        return Arbitraries.bigDecimals().between(new BigDecimal("-50"), new BigDecimal("50")).ofScale(4)
                .map(value -> value.setScale(4, RoundingMode.HALF_EVEN));
    }
}

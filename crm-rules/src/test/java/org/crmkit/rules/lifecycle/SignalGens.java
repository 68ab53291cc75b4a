package org.crmkit.rules.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.metrics.CustomerSignals;
import org.crmkit.core.metrics.Measure;
import org.crmkit.core.metrics.Signal;
import org.crmkit.proptest.Gen;
import org.crmkit.proptest.Gens;

/** Random signal snapshots: every signal given or left unknown, over wide ranges with edge values. */
public final class SignalGens {
    private SignalGens() {
    }

    /** @return snapshots of random signals on random metrics */
    public static Gen<CustomerSignals> signals() {
        Gen<Integer> tenures = Gens.integers(0, 120);
        Gen<Integer> quarters = Gens.integers(0, 4);
        Gen<Boolean> agreements = Gens.booleans();
        Gen<CustomerSignals> base = source -> CustomerSignals.of(Signals.metrics("c-1", tenures.generate(source),
                quarters.generate(source), agreements.generate(source)));
        Gen<CustomerSignals> result = base;
        for (Signal signal : List.of(Signal.values())) {
            Gen<CustomerSignals> previous = result;
            // Each signal given in 19 snapshots of 20, left unknown in the rest.
            Gen<Optional<BigDecimal>> values = value(signal).optional(0.95);
            result = source -> {
                CustomerSignals signals = previous.generate(source);
                return values.generate(source).map(v -> signals.with(signal, v)).orElse(signals);
            };
        }
        return result;
    }

    private static Gen<BigDecimal> value(Signal signal) {
        if (signal.kind() == Measure.Kind.COUNT) {
            return Gens.integers(0, 2000).map(BigDecimal::valueOf).withEdgeCases(BigDecimal.ZERO, BigDecimal.ONE);
        }
        if (signal.maximum().isPresent()) {
            return Gens.bigDecimals(BigDecimal.ZERO, BigDecimal.ONE, 4);
        }
        return Gens.bigDecimals(new BigDecimal("-50"), new BigDecimal("50"), 4)
                .map(value -> value.setScale(4, RoundingMode.HALF_EVEN));
    }
}

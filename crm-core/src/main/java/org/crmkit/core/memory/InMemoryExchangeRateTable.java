package org.crmkit.core.memory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.ExchangeRate;
import org.crmkit.core.port.ExchangeRateTable;

/**
 * An {@link ExchangeRateTable} in memory: for tests, and for applications that load their rates
 * from elsewhere. Thread-safe.
 */
public final class InMemoryExchangeRateTable implements ExchangeRateTable {
    /** Currencies by code, so that the maps list the rates in the order {@link #all()} promises. */
    private static final Comparator<Currency> BY_CODE = Comparator.comparing(Currency::getCurrencyCode);

    /** The rates by currency, then by target currency, then by first day. */
    private final Map<Currency, Map<Currency, TreeMap<LocalDate, ExchangeRate>>> byPair = new TreeMap<>(BY_CODE);

    private InMemoryExchangeRateTable() {
    }

    /** @return an empty table */
    public static InMemoryExchangeRateTable create() {
        return new InMemoryExchangeRateTable();
    }

    /**
     * A table holding rates.
     *
     * @param rates the rates; no two of the same currencies and day with other values; not null
     * @return the table
     */
    public static InMemoryExchangeRateTable of(Iterable<ExchangeRate> rates) {
        InMemoryExchangeRateTable table = new InMemoryExchangeRateTable();
        Objects.requireNonNull(rates, "rates").forEach(table::record);
        return table;
    }

    @Override
    public synchronized Optional<BigDecimal> rate(Currency currency, Currency into, LocalDate day) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(into, "into");
        Objects.requireNonNull(day, "day");
        Map<Currency, TreeMap<LocalDate, ExchangeRate>> targets = byPair.get(currency);
        TreeMap<LocalDate, ExchangeRate> rates = targets == null ? null : targets.get(into);
        Map.Entry<LocalDate, ExchangeRate> applying = rates == null ? null : rates.floorEntry(day);
        return applying == null ? Optional.empty() : Optional.of(applying.getValue().rate());
    }

    @Override
    public synchronized void record(ExchangeRate rate) {
        Objects.requireNonNull(rate, "rate");
        ExchangeRate existing = byPair.computeIfAbsent(rate.currency(), key -> new TreeMap<>(BY_CODE))
                .computeIfAbsent(rate.into(), key -> new TreeMap<>())
                .putIfAbsent(rate.validFrom(), rate);
        if (existing != null && existing.rate().compareTo(rate.rate()) != 0) {
            throw new InvalidValueException(ExchangeRateTable.alreadyRecorded(existing, rate));
        }
    }

    @Override
    public synchronized List<ExchangeRate> all() {
        // The maps are sorted as the list must be: by code, target code and day.
        List<ExchangeRate> all = new ArrayList<>();
        byPair.values().forEach(targets -> targets.values().forEach(rates -> all.addAll(rates.values())));
        return List.copyOf(all);
    }
}

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
    private static final Comparator<ExchangeRate> ORDER = Comparator
            .comparing((ExchangeRate rate) -> rate.currency().getCurrencyCode())
            .thenComparing(rate -> rate.into().getCurrencyCode())
            .thenComparing(ExchangeRate::validFrom);

    /** The rates by "USD>CNY", then by first day. */
    private final Map<String, TreeMap<LocalDate, ExchangeRate>> byPair = new TreeMap<>();

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
        TreeMap<LocalDate, ExchangeRate> rates = byPair.get(pair(currency, into));
        Map.Entry<LocalDate, ExchangeRate> applying = rates == null ? null : rates.floorEntry(day);
        return applying == null ? Optional.empty() : Optional.of(applying.getValue().rate());
    }

    @Override
    public synchronized void record(ExchangeRate rate) {
        Objects.requireNonNull(rate, "rate");
        ExchangeRate existing = byPair.computeIfAbsent(pair(rate.currency(), rate.into()), key -> new TreeMap<>())
                .putIfAbsent(rate.validFrom(), rate);
        if (existing != null && existing.rate().compareTo(rate.rate()) != 0) {
            throw new InvalidValueException("The exchange rate from " + rate.currency().getCurrencyCode() + " to "
                    + rate.into().getCurrencyCode() + " from " + rate.validFrom() + " is already recorded as "
                    + existing.rate().toPlainString() + ", not " + rate.rate().toPlainString());
        }
    }

    @Override
    public synchronized List<ExchangeRate> all() {
        List<ExchangeRate> all = new ArrayList<>();
        byPair.values().forEach(rates -> all.addAll(rates.values()));
        all.sort(ORDER);
        return List.copyOf(all);
    }

    private static String pair(Currency currency, Currency into) {
        return currency.getCurrencyCode() + ">" + into.getCurrencyCode();
    }
}

package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.metrics.MetricsQuery;
import org.crmkit.core.model.ExchangeRate;
import org.crmkit.core.model.FixedExchangeRates;
import org.crmkit.core.port.ExchangeRateTable;
import org.crmkit.core.port.ExchangeRates;

/**
 * A query's exchange rates into its currency as SQL that follows {@code FROM}, aliased {@code r},
 * with the columns {@code currency}, {@code valid_from}, {@code valid_until} (exclusive) and
 * {@code rate}: the store's own {@code crm_exchange_rate}, each row until the pair's next one, or a
 * {@code VALUES} list of rates given in the query (a policy's fixed rates, or a rate table held
 * elsewhere), every value a bound parameter. At most one row applies to a currency on a day.
 *
 * @param sql the aliased subquery
 * @param parameters the values of its markers, in order
 */
record RateRelation(String sql, List<Object> parameters) {
    /** The end of the last rate of a pair: after every day the store keeps. */
    private static final LocalDate OPEN_END = SqlValues.dayBound(LocalDate.MAX);

    RateRelation {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }

    /**
     * The relation of a query's rates, or empty when they convert nothing into the currency (then
     * every purchase in another currency is unconvertible, as without rates).
     *
     * @param query the query, whose rates convert into its currency
     * @param database the store's database: its own rate table is joined, any other (another
     *     store's too) is listed
     * @return the relation, or empty
     * @throws InvalidValueException for rates that SQL cannot read (neither fixed rates nor a rate
     *     table), or a rate that does not fit NUMERIC(38, 18) and would be rounded
     */
    static Optional<RateRelation> of(MetricsQuery query, Database database) {
        Objects.requireNonNull(query, "query");
        if (!query.convertsCurrencies()) {
            return Optional.empty();
        }
        ExchangeRates rates = query.exchangeRates();
        Currency into = query.currency();
        if (rates instanceof JdbcExchangeRateTable table && table.database() == database) {
            return Optional.of(new RateRelation(JdbcExchangeRateTable.ratesRelation("r"),
                    List.of(OPEN_END, into.getCurrencyCode())));
        }
        List<Object[]> rows = new ArrayList<>();
        if (rates instanceof FixedExchangeRates fixed) {
            if (fixed.into().equals(into)) {
                for (Map.Entry<Currency, BigDecimal> entry : fixed.rates().entrySet()) {
                    rows.add(new Object[] {entry.getKey().getCurrencyCode(), SqlValues.FIRST_DAY, OPEN_END,
                            storable(entry.getValue(), entry.getKey(), into)});
                }
            }
        } else if (rates instanceof ExchangeRateTable table) {
            List<ExchangeRate> pair = table.all().stream().filter(rate -> rate.into().equals(into)).toList();
            for (int i = 0; i < pair.size(); i++) {
                ExchangeRate rate = pair.get(i);
                boolean last = i + 1 == pair.size() || !pair.get(i + 1).currency().equals(rate.currency());
                rows.add(new Object[] {rate.currency().getCurrencyCode(), SqlValues.dayBound(rate.validFrom()),
                        last ? OPEN_END : SqlValues.dayBound(pair.get(i + 1).validFrom()),
                        storable(rate.rate(), rate.currency(), into)});
            }
        } else {
            throw new InvalidValueException("The JDBC store's facts convert through fixed exchange rates"
                    + " (FixedExchangeRates) or a rate table (ExchangeRateTable, such as the store's own"
                    + " exchangeRates()); not " + rates);
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String row = "(CAST(? AS VARCHAR(3)), CAST(? AS DATE), CAST(? AS DATE), CAST(? AS NUMERIC(38, 18)))";
        List<Object> parameters = new ArrayList<>();
        rows.forEach(values -> Collections.addAll(parameters, values));
        return Optional.of(new RateRelation("(VALUES " + String.join(", ", Collections.nCopies(rows.size(), row))
                + ") r (currency, valid_from, valid_until, rate)", parameters));
    }

    private static BigDecimal storable(BigDecimal rate, Currency currency, Currency into) {
        return SqlValues.storableDecimal(rate, "The exchange rate from " + currency.getCurrencyCode() + " to "
                + into.getCurrencyCode());
    }
}

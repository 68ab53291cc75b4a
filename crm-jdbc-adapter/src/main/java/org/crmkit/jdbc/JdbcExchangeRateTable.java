package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.InvalidValueException;
import org.crmkit.core.model.ExchangeRate;
import org.crmkit.core.model.Money;
import org.crmkit.core.port.ExchangeRateTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ExchangeRateTable} on {@code crm_exchange_rate}. The facts sources of the same store
 * convert through it in SQL, joining the table ({@link #ratesRelation}); elsewhere it answers one
 * rate per query.
 */
final class JdbcExchangeRateTable implements ExchangeRateTable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcExchangeRateTable.class);
    private static final String COLUMNS = "currency, to_currency, valid_from, rate";
    /** The rate that applies on a day: the pair's row with the latest first day on or before it. */
    private static final String SELECT_RATE = "SELECT rate FROM crm_exchange_rate"
            + " WHERE currency = ? AND to_currency = ? AND valid_from <= ? ORDER BY valid_from DESC FETCH FIRST 1 ROWS ONLY";

    private final Database database;

    JdbcExchangeRateTable(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** @return the database the table is in, so that a facts source joins only its own */
    Database database() {
        return database;
    }

    /**
     * The rows of the table into a currency, each with the day its successor starts, as SQL that
     * follows {@code FROM}: the columns currency, valid_from, valid_until (exclusive; the first
     * marker's day for the last) and rate; two markers, the day that ends the last rate of a pair
     * and the target currency's code.
     *
     * @param alias the alias of the subquery
     * @return the SQL
     */
    static String ratesRelation(String alias) {
        return "(SELECT currency, valid_from, COALESCE(LEAD(valid_from) OVER (PARTITION BY currency ORDER BY"
                + " valid_from), CAST(? AS DATE)) AS valid_until, rate FROM crm_exchange_rate WHERE to_currency = ?) "
                + alias;
    }

    @Override
    public Optional<BigDecimal> rate(Currency currency, Currency into, LocalDate day) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(into, "into");
        Objects.requireNonNull(day, "day");
        return database.transaction("find the exchange rate from " + currency.getCurrencyCode() + " to "
                + into.getCurrencyCode() + " on " + day, connection -> Database.first(connection, SELECT_RATE,
                        row -> row.getBigDecimal("rate"), currency.getCurrencyCode(), into.getCurrencyCode(),
                        SqlValues.dayBound(day)));
    }

    @Override
    public void record(ExchangeRate rate) {
        Objects.requireNonNull(rate, "rate");
        String what = "the exchange rate from " + rate.currency().getCurrencyCode() + " to "
                + rate.into().getCurrencyCode() + " from " + rate.validFrom();
        database.transaction("record " + what, connection -> {
            Optional<ExchangeRate> stored = Database.first(connection, "SELECT " + COLUMNS
                            + " FROM crm_exchange_rate WHERE currency = ? AND to_currency = ? AND valid_from = ?",
                    JdbcExchangeRateTable::map, rate.currency().getCurrencyCode(), rate.into().getCurrencyCode(),
                    SqlValues.storableDay(rate.validFrom(), "ExchangeRate validFrom"));
            if (Database.insertOnce(connection, stored, rate, "INSERT INTO crm_exchange_rate (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?)", (statement, value) -> {
                        statement.setString(1, value.currency().getCurrencyCode());
                        statement.setString(2, value.into().getCurrencyCode());
                        statement.setObject(3, value.validFrom());
                        statement.setBigDecimal(4, SqlValues.storableDecimal(value.rate(), "ExchangeRate rate"));
                    }, () -> new InvalidValueException(ExchangeRateTable.alreadyRecorded(stored.orElseThrow(),
                            rate)))) {
                LOG.debug("Recorded {}", what);
            }
            return null;
        });
    }

    @Override
    public List<ExchangeRate> all() {
        return database.transaction("list the exchange rates", connection -> Database.list(connection,
                "SELECT " + COLUMNS + " FROM crm_exchange_rate ORDER BY currency, to_currency, valid_from",
                JdbcExchangeRateTable::map));
    }

    private static ExchangeRate map(ResultSet row) throws SQLException {
        return new ExchangeRate(Money.currency(row.getString("currency")), Money.currency(row.getString("to_currency")),
                row.getObject("valid_from", LocalDate.class), row.getBigDecimal("rate"));
    }

    @Override
    public String toString() {
        return "the exchange rates of crm_exchange_rate";
    }
}

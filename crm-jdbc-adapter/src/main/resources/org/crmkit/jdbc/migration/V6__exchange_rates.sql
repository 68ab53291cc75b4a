-- crmkit schema, version 6: exchange rates. Plain SQL that H2 2.x and PostgreSQL 12+ both run
-- unchanged; the conventions of version 1 hold (crm_ prefix, money as NUMERIC(38, 18)).

-- One row per pair of currencies and first day: from valid_from on, one unit of currency is worth
-- rate units of to_currency, until the pair's next row takes over; the last row applies from its
-- day on, and a day before a pair's first row has no rate. The facts convert each purchase in
-- another currency than the policy's at the rate of its order day, in SQL (JdbcFactsSource).
CREATE TABLE crm_exchange_rate (
    currency    VARCHAR(3)      NOT NULL,
    to_currency VARCHAR(3)      NOT NULL,
    valid_from  DATE            NOT NULL,
    rate        NUMERIC(38, 18) NOT NULL,
    CONSTRAINT crm_exchange_rate_pk PRIMARY KEY (currency, to_currency, valid_from),
    CONSTRAINT crm_exchange_rate_positive CHECK (rate > 0),
    CONSTRAINT crm_exchange_rate_two_currencies CHECK (currency <> to_currency)
);

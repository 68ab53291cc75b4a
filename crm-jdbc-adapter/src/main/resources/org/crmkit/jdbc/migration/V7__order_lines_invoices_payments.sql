-- crmkit schema, version 7: order lines, invoices and payments, which the engines of credit
-- limits, benefits at the order and cross-selling read. Plain SQL that H2 2.x and PostgreSQL 12+
-- both run unchanged; the conventions of version 1 hold (crm_ prefix, ERP keys of at most 128
-- characters, no foreign keys, money as NUMERIC(38, 18) plus an ISO-4217 code). Quantities are
-- kept as crm-core normalises them (no trailing zeros), so they need no scale column. Returns,
-- credit notes and refunds are negative.

CREATE TABLE crm_order_line (
    order_id    VARCHAR(128)    NOT NULL,
    line_number INTEGER         NOT NULL,
    product_id  VARCHAR(128)    NOT NULL,
    category    VARCHAR,
    quantity    NUMERIC(38, 18) NOT NULL,
    unit_price  NUMERIC(38, 18) NOT NULL,
    amount      NUMERIC(38, 18) NOT NULL,
    currency    VARCHAR(3)      NOT NULL,
    CONSTRAINT crm_order_line_pk PRIMARY KEY (order_id, line_number),
    CONSTRAINT crm_order_line_number CHECK (line_number >= 1)
);

CREATE TABLE crm_invoice (
    id          VARCHAR(128)    NOT NULL,
    customer_id VARCHAR(128)    NOT NULL,
    issued_on   DATE            NOT NULL,
    due_on      DATE            NOT NULL,
    amount      NUMERIC(38, 18) NOT NULL,
    currency    VARCHAR(3)      NOT NULL,
    CONSTRAINT crm_invoice_pk PRIMARY KEY (id),
    CONSTRAINT crm_invoice_due CHECK (due_on >= issued_on)
);

CREATE INDEX crm_invoice_customer_day ON crm_invoice (customer_id, issued_on);

CREATE TABLE crm_payment (
    id         VARCHAR(128)    NOT NULL,
    invoice_id VARCHAR(128)    NOT NULL,
    paid_on    DATE            NOT NULL,
    amount     NUMERIC(38, 18) NOT NULL,
    currency   VARCHAR(3)      NOT NULL,
    CONSTRAINT crm_payment_pk PRIMARY KEY (id)
);

CREATE INDEX crm_payment_invoice_day ON crm_payment (invoice_id, paid_on);

-- crmkit schema, version 1. Plain SQL that H2 2.x and PostgreSQL 12+ both run unchanged.
--
-- Conventions:
--  * Tables are prefixed crm_ so that they can live beside an ERP's own tables.
--  * Ids are the ERP's keys, at most 128 characters (crm-core checks that).
--  * No foreign keys between the tables: purchases and interactions may be imported before their
--    customers, exactly as the in-memory adapter allows.
--  * Days are DATE; moments are TIMESTAMP(6) WITH TIME ZONE (the instant, cut to microseconds,
--    which both databases keep) plus the exact nano-of-second and, for interactions, the offset
--    the moment was recorded in, so that every OffsetDateTime and Instant comes back unchanged.
--  * Money is NUMERIC(38, 18) plus an ISO-4217 code: never a binary floating-point number.
--    NUMERIC needs an explicit scale, since H2 gives an unconstrained NUMERIC the scale 0.

CREATE TABLE crm_customer (
    id                  VARCHAR(128) NOT NULL,
    name                VARCHAR      NOT NULL,
    industry            VARCHAR,
    created_on          DATE         NOT NULL,
    account_manager     VARCHAR(128),
    time_zone           VARCHAR(64),
    preferred_channel   VARCHAR(16),
    -- Three-letter day names separated by ';', e.g. 'MON;SAT'; empty for no preference.
    preferred_days      VARCHAR(32)  NOT NULL,
    -- ISO local times 'start-end', e.g. '09:00-12:30', kept as text so that nanoseconds survive.
    preferred_hours     VARCHAR(40),
    -- Channel keys separated by ';', e.g. 'sms;email'; empty for none.
    do_not_contact      VARCHAR(128) NOT NULL,
    strategic_agreement BOOLEAN      NOT NULL,
    CONSTRAINT crm_customer_pk PRIMARY KEY (id)
);

CREATE TABLE crm_purchase (
    id             VARCHAR(128)    NOT NULL,
    customer_id    VARCHAR(128)    NOT NULL,
    order_date     DATE            NOT NULL,
    amount         NUMERIC(38, 18) NOT NULL,
    currency       VARCHAR(3)      NOT NULL,
    category       VARCHAR,
    quantity       NUMERIC(38, 18),
    -- The scale the quantity was given with, so that 2.50 comes back as 2.50 and not 2.5.
    quantity_scale INTEGER,
    CONSTRAINT crm_purchase_pk PRIMARY KEY (id),
    CONSTRAINT crm_purchase_amount_not_negative CHECK (amount >= 0),
    CONSTRAINT crm_purchase_quantity_complete CHECK ((quantity IS NULL) = (quantity_scale IS NULL))
);

CREATE INDEX crm_purchase_customer_day ON crm_purchase (customer_id, order_date);

CREATE TABLE crm_interaction (
    id                      VARCHAR(128)                NOT NULL,
    customer_id             VARCHAR(128)                NOT NULL,
    occurred_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    occurred_nanos          INTEGER                     NOT NULL,
    occurred_offset_seconds INTEGER                     NOT NULL,
    channel                 VARCHAR(16)                 NOT NULL,
    kind                    VARCHAR(16)                 NOT NULL,
    staff_id                VARCHAR(128),
    outcome                 VARCHAR,
    CONSTRAINT crm_interaction_pk PRIMARY KEY (id),
    CONSTRAINT crm_interaction_nanos CHECK (occurred_nanos BETWEEN 0 AND 999999999)
);

CREATE INDEX crm_interaction_customer_moment ON crm_interaction (customer_id, occurred_at);

CREATE TABLE crm_tier_assignment (
    customer_id       VARCHAR(128)                NOT NULL,
    as_of             DATE                        NOT NULL,
    tier              VARCHAR(128),
    policy_id         VARCHAR(128)                NOT NULL,
    policy_version    VARCHAR(128)                NOT NULL,
    evaluations_below INTEGER                     NOT NULL,
    recorded_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_nanos    INTEGER                     NOT NULL,
    CONSTRAINT crm_tier_assignment_pk PRIMARY KEY (customer_id, as_of)
);

-- The latest as-of day per customer. Writers update this row first, which locks it, so two
-- evaluations of one customer cannot interleave and an older one is refused.
CREATE TABLE crm_tier_head (
    customer_id  VARCHAR(128) NOT NULL,
    latest_as_of DATE         NOT NULL,
    CONSTRAINT crm_tier_head_pk PRIMARY KEY (customer_id)
);

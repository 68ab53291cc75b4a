-- crmkit schema, version 3: lifecycle transitions and survey answers. Plain SQL that H2 2.x and
-- PostgreSQL 12+ both run unchanged; the conventions of version 1 hold (crm_ prefix, ERP keys of
-- at most 128 characters, no foreign keys between aggregates, moments as TIMESTAMP(6) WITH TIME
-- ZONE plus the exact nano-of-second and, where the value has one, the offset it was recorded in).

-- One row per change of lifecycle stage; like tier assignments, at most one per customer and day.
-- Stages are the file spellings ('acquisition', ... 'churned'); from_stage is NULL for a
-- customer's first evaluation.
CREATE TABLE crm_lifecycle_transition (
    customer_id    VARCHAR(128)                NOT NULL,
    as_of          DATE                        NOT NULL,
    from_stage     VARCHAR(16),
    to_stage       VARCHAR(16)                 NOT NULL,
    policy_id      VARCHAR(128)                NOT NULL,
    policy_version VARCHAR(128)                NOT NULL,
    win_back       BOOLEAN                     NOT NULL,
    occurred_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    occurred_nanos INTEGER                     NOT NULL,
    CONSTRAINT crm_lifecycle_transition_pk PRIMARY KEY (customer_id, as_of),
    CONSTRAINT crm_lifecycle_transition_nanos CHECK (occurred_nanos BETWEEN 0 AND 999999999)
);

-- A transition's reasons, one row each, numbered 1, 2, 3... in their order: any text survives
-- (line breaks, separators, any script), with no encoding to get wrong. They belong to their
-- transition, so a same-day replacement deletes them with it.
CREATE TABLE crm_lifecycle_reason (
    customer_id   VARCHAR(128) NOT NULL,
    as_of         DATE         NOT NULL,
    reason_number INTEGER      NOT NULL,
    reason        VARCHAR      NOT NULL,
    CONSTRAINT crm_lifecycle_reason_pk PRIMARY KEY (customer_id, as_of, reason_number),
    CONSTRAINT crm_lifecycle_reason_number CHECK (reason_number >= 1),
    CONSTRAINT crm_lifecycle_reason_transition FOREIGN KEY (customer_id, as_of)
        REFERENCES crm_lifecycle_transition (customer_id, as_of) ON DELETE CASCADE
);

-- The latest as-of day per customer, as crm_tier_head is for tier assignments: writers update
-- this row first, which locks it, so two evaluations of one customer cannot interleave and an
-- older one is refused.
CREATE TABLE crm_lifecycle_head (
    customer_id  VARCHAR(128) NOT NULL,
    latest_as_of DATE         NOT NULL,
    CONSTRAINT crm_lifecycle_head_pk PRIMARY KEY (customer_id)
);

-- A customer answers at most once at a moment: the primary key is the customer and the exact
-- instant (the microsecond timestamp and the nano-of-second), whatever the offset; it also
-- serves the search of a customer's answers by time.
CREATE TABLE crm_survey_answer (
    customer_id             VARCHAR(128)                NOT NULL,
    answered_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    answered_nanos          INTEGER                     NOT NULL,
    answered_offset_seconds INTEGER                     NOT NULL,
    csat                    INTEGER,
    nps                     INTEGER,
    CONSTRAINT crm_survey_answer_pk PRIMARY KEY (customer_id, answered_at, answered_nanos),
    CONSTRAINT crm_survey_answer_nanos CHECK (answered_nanos BETWEEN 0 AND 999999999),
    CONSTRAINT crm_survey_answer_csat CHECK (csat BETWEEN 1 AND 5),
    CONSTRAINT crm_survey_answer_nps CHECK (nps BETWEEN 0 AND 10),
    CONSTRAINT crm_survey_answer_scored CHECK (csat IS NOT NULL OR nps IS NOT NULL)
);

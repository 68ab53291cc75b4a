-- crmkit schema, version 2: service cases, their events, and the keys of events already
-- published. Plain SQL that H2 2.x and PostgreSQL 12+ both run unchanged; the conventions of
-- version 1 hold (crm_ prefix, ERP keys of at most 128 characters, no foreign keys, moments as
-- TIMESTAMP(6) WITH TIME ZONE plus the exact nano-of-second and the offset they were recorded in).

CREATE TABLE crm_case (
    id                    VARCHAR(128)                NOT NULL,
    customer_id           VARCHAR(128)                NOT NULL,
    opened_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    opened_nanos          INTEGER                     NOT NULL,
    opened_offset_seconds INTEGER                     NOT NULL,
    kind                  VARCHAR(16)                 NOT NULL,
    priority              VARCHAR(8),
    cause                 VARCHAR,
    channel               VARCHAR(16),
    CONSTRAINT crm_case_pk PRIMARY KEY (id),
    CONSTRAINT crm_case_nanos CHECK (opened_nanos BETWEEN 0 AND 999999999)
);

-- A case's events in the order they were appended: sequence_number is 1, 2, 3... per case.
-- Appenders of one case take turns by locking the case's first event row (sequence_number 1),
-- which is never changed; two first events race for the primary key and the loser runs again.
-- Events may be appended before their case is saved, as the in-memory adapter allows.
CREATE TABLE crm_case_event (
    case_id                 VARCHAR(128)                NOT NULL,
    sequence_number         INTEGER                     NOT NULL,
    occurred_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    occurred_nanos          INTEGER                     NOT NULL,
    occurred_offset_seconds INTEGER                     NOT NULL,
    event_type              VARCHAR(32)                 NOT NULL,
    detail                  VARCHAR,
    CONSTRAINT crm_case_event_pk PRIMARY KEY (case_id, sequence_number),
    CONSTRAINT crm_case_event_sequence CHECK (sequence_number >= 1),
    CONSTRAINT crm_case_event_nanos CHECK (occurred_nanos BETWEEN 0 AND 999999999)
);

-- One row per published event. The primary key makes marking atomic: of two evaluations that
-- mark the same key at once, exactly one inserts the row. 512 characters keep the key within
-- PostgreSQL's limit for an index entry (about 2,700 bytes) in any UTF-8. published_at is for
-- operators who prune keys older than any evaluation could publish again; crmkit never reads it.
CREATE TABLE crm_published_event (
    event_key    VARCHAR(512)                NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT crm_published_event_pk PRIMARY KEY (event_key)
);

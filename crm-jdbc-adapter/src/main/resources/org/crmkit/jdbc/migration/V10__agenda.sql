-- crmkit schema, version 10: tomorrow's agenda, written by the nightly agenda job. Plain SQL that
-- H2 2.x and PostgreSQL 12+ both run unchanged; the conventions of version 1 hold (crm_ prefix, ERP
-- keys of at most 128 characters, moments as TIMESTAMP(6) WITH TIME ZONE plus the exact
-- nano-of-second).

-- The contacts planned for a day, one row per customer and cadence rule: the agenda job's run as
-- of a day (as_of) plans the next one (agenda_day = as_of + 1) and writes only that day's rows,
-- so a later night never touches them. Rule, purpose, owner kind and channel are the policy file's spellings;
-- owner is a staff id, a team member, or the owner kind's key (a team without members,
-- automation). The slot is when on the day the contact suits owner and customer, meant in
-- slot_zone (the customer's zone, else the cadence calendar's); preferred_hours are the customer's
-- own, 'start-end' in ISO local times as in crm_customer. reason is for people.
CREATE TABLE crm_agenda (
    agenda_day       DATE                        NOT NULL,
    customer_id      VARCHAR(128)                NOT NULL,
    rule_name        VARCHAR(128)                NOT NULL,
    purpose          VARCHAR(16)                 NOT NULL,
    tier             VARCHAR(128),
    channel          VARCHAR(16)                 NOT NULL,
    owner_kind       VARCHAR(16)                 NOT NULL,
    owner            VARCHAR(128)                NOT NULL,
    due              DATE                        NOT NULL,
    slot_start_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    slot_start_nanos INTEGER                     NOT NULL,
    slot_end_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    slot_end_nanos   INTEGER                     NOT NULL,
    slot_zone        VARCHAR(64)                 NOT NULL,
    preferred_hours  VARCHAR(40),
    reason           VARCHAR                     NOT NULL,
    as_of            DATE                        NOT NULL,
    policy_id        VARCHAR(128)                NOT NULL,
    policy_version   VARCHAR(128)                NOT NULL,
    CONSTRAINT crm_agenda_pk PRIMARY KEY (agenda_day, customer_id, rule_name),
    CONSTRAINT crm_agenda_next_day CHECK (agenda_day > as_of)
);

-- A worker's list for the day: the contacts of an owner.
CREATE INDEX crm_agenda_owner ON crm_agenda (agenda_day, owner);

-- The contacts due by the day that could not be placed on it, with the reason: never dropped
-- silently. kind is UnscheduledContact.Kind's key (e.g. 'no_capacity'); owner is who would have
-- carried the contact out, as far as known.
CREATE TABLE crm_agenda_unscheduled (
    agenda_day     DATE         NOT NULL,
    customer_id    VARCHAR(128) NOT NULL,
    rule_name      VARCHAR(128) NOT NULL,
    purpose        VARCHAR(16)  NOT NULL,
    tier           VARCHAR(128),
    owner_kind     VARCHAR(16)  NOT NULL,
    owner          VARCHAR(128) NOT NULL,
    due            DATE         NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    reason         VARCHAR      NOT NULL,
    as_of          DATE         NOT NULL,
    policy_id      VARCHAR(128) NOT NULL,
    policy_version VARCHAR(128) NOT NULL,
    CONSTRAINT crm_agenda_unscheduled_pk PRIMARY KEY (agenda_day, customer_id, rule_name),
    CONSTRAINT crm_agenda_unscheduled_next_day CHECK (agenda_day > as_of)
);

-- The agenda job has a lock row of its own: it runs after tiering, but may run beside the others.
INSERT INTO crm_job_lock (job) VALUES ('agenda');

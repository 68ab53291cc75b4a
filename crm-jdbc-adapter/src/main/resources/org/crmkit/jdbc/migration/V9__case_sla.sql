-- crmkit schema, version 9: the nightly SLA state of every service case and SLA events in the
-- outbox. Plain SQL that H2 2.x and PostgreSQL 12+ both run unchanged; the conventions of version 1
-- hold (crm_ prefix, keys of at most 128 characters, no foreign keys, moments as TIMESTAMP(6) WITH
-- TIME ZONE plus the exact nano-of-second).

-- The current SLA state of each case opened by the as-of day, one row per case, written by the SLA
-- job as SlaEngine evaluates the case at the end of the day in the policy's time zone. A run
-- rewrites a row only when one of its values differs from the stored one, so "since" is the as-of
-- day of the first run that found the values; the run that holds for them all is the last COMPLETE
-- run of the job "sla" in crm_job_run. target is the name of the policy's target that applies
-- (NULL when none does, and the case has no milestones); tier the customer's stored tier on or
-- before the day that chose it; priority the case's priority at the end of the day.
CREATE TABLE crm_case_sla (
    case_id        VARCHAR(128) NOT NULL,
    customer_id    VARCHAR(128) NOT NULL,
    since          DATE         NOT NULL,
    policy_id      VARCHAR(128) NOT NULL,
    policy_version VARCHAR(128) NOT NULL,
    tier           VARCHAR(128),
    priority       VARCHAR(8),
    target         VARCHAR(128),
    reopenings     INTEGER      NOT NULL,
    paused         BOOLEAN      NOT NULL,
    closed         BOOLEAN      NOT NULL,
    CONSTRAINT crm_case_sla_pk PRIMARY KEY (case_id),
    CONSTRAINT crm_case_sla_reopenings CHECK (reopenings >= 0)
);

-- Where each milestone of a case's target stands, one row per case and milestone, numbered 1, 2,
-- 3... in the policy's order; rewritten only where a value changed, with a "since" of its own, and
-- deleted when the milestone is no longer in the case's target. cycle is 0, or n after the n-th
-- reopening for a milestone that restarts. Durations are business time in seconds, exact to the
-- nanosecond: elapsed without paused time, paused while the case waited on the customer, remaining
-- before the due time (NULL once met). status is met, breached, running, paused or warning.
-- warning_sent, breach_sent and met_sent tell that the SlaWarning, SlaBreached or MilestoneMet of
-- this cycle is in crm_outbox: each is written once, in the transaction of the row that says so.
CREATE TABLE crm_case_sla_milestone (
    case_id           VARCHAR(128)                NOT NULL,
    milestone         VARCHAR(128)                NOT NULL,
    since             DATE                        NOT NULL,
    milestone_number  INTEGER                     NOT NULL,
    cycle             INTEGER                     NOT NULL,
    started_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started_nanos     INTEGER                     NOT NULL,
    due_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    due_nanos         INTEGER                     NOT NULL,
    met_at            TIMESTAMP(6) WITH TIME ZONE,
    met_nanos         INTEGER,
    met_by_closing    BOOLEAN                     NOT NULL,
    status            VARCHAR(16)                 NOT NULL,
    elapsed_seconds   NUMERIC(20, 9)              NOT NULL,
    paused_seconds    NUMERIC(20, 9)              NOT NULL,
    remaining_seconds NUMERIC(20, 9),
    warning_at        TIMESTAMP(6) WITH TIME ZONE,
    warning_nanos     INTEGER,
    warning_sent      BOOLEAN                     NOT NULL,
    breach_sent       BOOLEAN                     NOT NULL,
    met_sent          BOOLEAN                     NOT NULL,
    CONSTRAINT crm_case_sla_milestone_pk PRIMARY KEY (case_id, milestone),
    CONSTRAINT crm_case_sla_milestone_number CHECK (milestone_number >= 1),
    CONSTRAINT crm_case_sla_milestone_cycle CHECK (cycle >= 0),
    CONSTRAINT crm_case_sla_milestone_status CHECK (status IN ('met', 'breached', 'running', 'paused', 'warning')),
    CONSTRAINT crm_case_sla_milestone_met CHECK ((met_at IS NULL) = (met_nanos IS NULL)),
    CONSTRAINT crm_case_sla_milestone_warning CHECK ((warning_at IS NULL) = (warning_nanos IS NULL))
);

-- The SLA job has a lock row of its own: it may run beside the tiering and assessment jobs.
INSERT INTO crm_job_lock (job) VALUES ('sla');

-- SLA events go through the outbox too. An SlaWarning or SlaBreached row fills case_id, milestone,
-- cycle, due_at and escalate_to (a JSON array of strings), a MilestoneMet row case_id, milestone,
-- cycle, due_at and on_time; both leave the tier and stage columns and reasons NULL. as_of is the
-- day of the run that found the event, occurred_at the moment of the fact (the threshold, the due
-- time, the moment met). The tier and stage rows keep their shape and leave the SLA columns NULL.
ALTER TABLE crm_outbox ADD COLUMN case_id VARCHAR(128);
ALTER TABLE crm_outbox ADD COLUMN milestone VARCHAR(128);
ALTER TABLE crm_outbox ADD COLUMN cycle INTEGER;
ALTER TABLE crm_outbox ADD COLUMN due_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE crm_outbox ADD COLUMN due_nanos INTEGER;
ALTER TABLE crm_outbox ADD COLUMN escalate_to VARCHAR;
ALTER TABLE crm_outbox ADD COLUMN on_time BOOLEAN;
ALTER TABLE crm_outbox ALTER COLUMN reasons DROP NOT NULL;
ALTER TABLE crm_outbox DROP CONSTRAINT crm_outbox_shape;
ALTER TABLE crm_outbox ADD CONSTRAINT crm_outbox_shape CHECK (
    (event_type = 'TierChanged' AND direction IS NOT NULL AND reasons IS NOT NULL AND to_stage IS NULL
        AND win_back IS NULL AND case_id IS NULL)
    OR (event_type = 'LifecycleStageChanged' AND to_stage IS NOT NULL AND win_back IS NOT NULL
        AND reasons IS NOT NULL AND direction IS NULL AND from_tier IS NULL AND to_tier IS NULL AND case_id IS NULL)
    OR (event_type IN ('SlaWarning', 'SlaBreached') AND case_id IS NOT NULL AND milestone IS NOT NULL
        AND cycle IS NOT NULL AND due_at IS NOT NULL AND due_nanos IS NOT NULL AND escalate_to IS NOT NULL
        AND on_time IS NULL AND reasons IS NULL AND direction IS NULL AND from_tier IS NULL AND to_tier IS NULL
        AND to_stage IS NULL AND win_back IS NULL)
    OR (event_type = 'MilestoneMet' AND case_id IS NOT NULL AND milestone IS NOT NULL AND cycle IS NOT NULL
        AND due_at IS NOT NULL AND due_nanos IS NOT NULL AND on_time IS NOT NULL AND escalate_to IS NULL
        AND reasons IS NULL AND direction IS NULL AND from_tier IS NULL AND to_tier IS NULL AND to_stage IS NULL
        AND win_back IS NULL));

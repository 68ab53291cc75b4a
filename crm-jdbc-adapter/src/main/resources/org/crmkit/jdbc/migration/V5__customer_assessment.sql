-- crmkit schema, version 5: the nightly assessment of every customer (lifecycle stage, churn risk,
-- relationship, RFM and ABC, lifetime value) and lifecycle events in the outbox. Plain SQL that H2
-- 2.x and PostgreSQL 12+ both run unchanged; the conventions of version 1 hold.

-- The latest assessment of each customer, one row per customer, written by the assessment job.
-- A run rewrites a row only when one of its values differs from the stored one, so "since" is the
-- as-of day of the first run that found the values; the run that holds for them all is the last
-- COMPLETE run of the job in crm_job_run. Stages, levels and types are the file spellings; amounts
-- are in the policy's currency, decimals NUMERIC(38, 18) as everywhere; reasons is a JSON array of
-- strings in the order crmkit gives them.
CREATE TABLE crm_customer_assessment (
    customer_id        VARCHAR(128)    NOT NULL,
    since              DATE            NOT NULL,
    stage              VARCHAR(16)     NOT NULL,
    win_back           BOOLEAN         NOT NULL,
    churn_risk         NUMERIC(38, 18) NOT NULL,
    high_risk          BOOLEAN         NOT NULL,
    relationship_level VARCHAR(16),
    relationship_type  VARCHAR(16)     NOT NULL,
    rfm                VARCHAR(16),
    abc                VARCHAR(1)      NOT NULL,
    p_alive            NUMERIC(38, 18),
    clv                NUMERIC(38, 18),
    value_at_risk      NUMERIC(38, 18) NOT NULL,
    currency           VARCHAR(3)      NOT NULL,
    policy_id          VARCHAR(128)    NOT NULL,
    policy_version     VARCHAR(128)    NOT NULL,
    reasons            VARCHAR         NOT NULL,
    CONSTRAINT crm_customer_assessment_pk PRIMARY KEY (customer_id),
    CONSTRAINT crm_customer_assessment_risk CHECK (churn_risk BETWEEN 0 AND 1),
    CONSTRAINT crm_customer_assessment_abc CHECK (abc IN ('A', 'B', 'C'))
);

-- The assessment job has a lock row of its own: it and the tiering job may run side by side.
INSERT INTO crm_job_lock (job) VALUES ('assessment');

-- Lifecycle transitions go through the outbox too. A LifecycleStageChanged row fills from_stage,
-- to_stage and win_back and leaves the tier columns NULL; a TierChanged row the other way round.
ALTER TABLE crm_outbox ADD COLUMN from_stage VARCHAR(16);
ALTER TABLE crm_outbox ADD COLUMN to_stage VARCHAR(16);
ALTER TABLE crm_outbox ADD COLUMN win_back BOOLEAN;
ALTER TABLE crm_outbox ALTER COLUMN direction DROP NOT NULL;
ALTER TABLE crm_outbox ADD CONSTRAINT crm_outbox_shape CHECK (
    (event_type = 'TierChanged' AND direction IS NOT NULL AND to_stage IS NULL AND win_back IS NULL)
    OR (event_type = 'LifecycleStageChanged' AND to_stage IS NOT NULL AND win_back IS NOT NULL
        AND direction IS NULL AND from_tier IS NULL AND to_tier IS NULL));

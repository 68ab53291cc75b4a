-- The example ERP's schema (org.crmkit.examples.erp.ErpNightly): its own names, which the mapping
-- erp-mapping.yaml translates into crmkit's. Statements end with a semicolon at the end of a line.

CREATE TABLE partner (
    partner_no         VARCHAR(128)   NOT NULL PRIMARY KEY,
    company            VARCHAR(400)   NOT NULL,
    sector             VARCHAR(100),
    since              DATE           NOT NULL,
    framework_contract BOOLEAN        NOT NULL,
    key_account        VARCHAR(128)
);

CREATE TABLE sales_document (
    doc_no        VARCHAR(128)   NOT NULL PRIMARY KEY,
    partner_no    VARCHAR(128)   NOT NULL,
    doc_date      DATE           NOT NULL,
    net_total     NUMERIC(38, 18) NOT NULL,
    curr          CHAR(3)        NOT NULL,
    product_group VARCHAR(200),
    doc_status    VARCHAR(12)    NOT NULL
);

CREATE TABLE contact_log (
    log_id     VARCHAR(128) NOT NULL PRIMARY KEY,
    partner_no VARCHAR(128) NOT NULL,
    logged_at  TIMESTAMP    NOT NULL,
    medium     VARCHAR(16)  NOT NULL,
    topic      VARCHAR(16)  NOT NULL,
    result     VARCHAR(400),
    deleted    BOOLEAN      NOT NULL
);

CREATE VIEW v_contact AS
    SELECT log_id, partner_no, logged_at, medium, topic, result FROM contact_log WHERE deleted = FALSE;

-- The service desk's tickets (complaints) and what was done about them, in local times in China.
CREATE TABLE ticket (
    ticket_no   VARCHAR(32)  NOT NULL PRIMARY KEY,
    partner_no  VARCHAR(128) NOT NULL,
    reported_at TIMESTAMP    NOT NULL,
    severity    VARCHAR(2),
    reason      VARCHAR(200),
    via         VARCHAR(16)
);

CREATE TABLE ticket_event (
    event_no  INTEGER      NOT NULL PRIMARY KEY,
    ticket_no VARCHAR(32)  NOT NULL,
    logged_at TIMESTAMP    NOT NULL,
    action    VARCHAR(32)  NOT NULL,
    note      VARCHAR(400)
);

CREATE INDEX sales_document_partner ON sales_document (partner_no, doc_date);

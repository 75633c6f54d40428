-- What the phishing door and the mailer need to find a tenant without visiting every tenant schema.

-- Every recipient id (rid) in every tenant: a rid resolves to exactly one organization, campaign and result.
-- The primary key makes rids unique across the platform.
CREATE TABLE rid_index (
    rid VARCHAR(16) NOT NULL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    campaign_id BIGINT NOT NULL,
    result_id BIGINT NOT NULL
);
CREATE INDEX ix_rid_index_campaign ON rid_index (org_id, campaign_id);

-- One row per campaign that still has e-mail to send (or claims to settle): the mailer polls this small table for
-- rows that are due and then works inside that tenant only.
CREATE TABLE mail_work (
    org_id BIGINT NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    campaign_id BIGINT NOT NULL,
    next_due TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_mail_work PRIMARY KEY (org_id, campaign_id)
);
CREATE INDEX ix_mail_work_due ON mail_work (next_due);

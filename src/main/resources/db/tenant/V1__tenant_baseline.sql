-- A tenant schema: everything one organization owns. Statements stay unqualified: Flyway runs them with
-- the tenant's schema as default.

-- Which organization this schema belongs to, written once at creation and checked at every start-up.
CREATE TABLE tenant_identity (
    id INTEGER NOT NULL PRIMARY KEY,
    org_id BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO tenant_identity (id, org_id, created_at) VALUES (1, ${org_id}, CURRENT_TIMESTAMP);

-- The organization's own audit log, hash-chained like the platform's.
CREATE TABLE audit_entry (
    id BIGINT NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id BIGINT,
    actor_name VARCHAR(254),
    impersonator_id BIGINT,
    impersonator_name VARCHAR(254),
    org_id BIGINT,
    action VARCHAR(64) NOT NULL,
    target_type VARCHAR(64),
    target_id VARCHAR(128),
    outcome VARCHAR(16) NOT NULL,
    client_address VARCHAR(64),
    user_agent VARCHAR(512),
    details VARCHAR(4000),
    prev_hash VARCHAR(64) NOT NULL,
    hash VARCHAR(64) NOT NULL
);
CREATE INDEX ix_audit_entry_action ON audit_entry (action);
CREATE INDEX ix_audit_entry_occurred ON audit_entry (occurred_at);

CREATE TABLE audit_chain (
    id INTEGER NOT NULL PRIMARY KEY,
    last_id BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- An impersonation of an organization that is deleted ends with it: end_reason 'org_deleted' (ended_by null).
-- A CASE rather than a constant IN list, for H2's sake (see V7).
ALTER TABLE impersonation DROP CONSTRAINT ck_impersonation_end_reason;
ALTER TABLE impersonation ADD CONSTRAINT ck_impersonation_end_reason CHECK (
    CASE WHEN end_reason IS NULL THEN 1 WHEN end_reason = 'ended' THEN 1 WHEN end_reason = 'expired' THEN 1
        WHEN end_reason = 'org_deleted' THEN 1 ELSE 0 END = 1);

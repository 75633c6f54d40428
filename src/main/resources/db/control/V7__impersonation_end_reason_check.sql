-- The end-reason check without a constant list. H2 evaluates a constant IN list (and rewrites OR-ed equalities into
-- one) with the connection that created the constraint; once the pool retires that connection, every update of the
-- table fails ("The database has been closed"). A CASE is evaluated with the connection doing the update, on H2 and
-- PostgreSQL alike.
ALTER TABLE impersonation DROP CONSTRAINT ck_impersonation_end_reason;
ALTER TABLE impersonation ADD CONSTRAINT ck_impersonation_end_reason CHECK (
    CASE WHEN end_reason IS NULL THEN 1 WHEN end_reason = 'ended' THEN 1 WHEN end_reason = 'expired' THEN 1 ELSE 0 END = 1);

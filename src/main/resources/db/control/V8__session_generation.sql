-- Signing out ends every session of the account: the session cookie carries a stamp derived from the password hash
-- and this counter, and signing out raises the counter, so a copy of the cookie taken before stops working too.
ALTER TABLE account ADD COLUMN session_generation INTEGER DEFAULT 0 NOT NULL;

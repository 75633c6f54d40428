-- The IMAP monitor's schedule and lease: when the mailbox is next due, and which replica polls it until when, so
-- that with several replicas on one database a mailbox is polled by one of them at a time.
ALTER TABLE imap_setting ADD COLUMN next_poll TIMESTAMP WITH TIME ZONE;
ALTER TABLE imap_setting ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE imap_setting ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

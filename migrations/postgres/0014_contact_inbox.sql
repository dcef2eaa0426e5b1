-- The staff inbox of messages sent from the contact page: marked done, by whom and when, so
-- nothing a person sends waits unseen.
ALTER TABLE contact_messages ADD COLUMN done_at TIMESTAMPTZ;
ALTER TABLE contact_messages ADD COLUMN done_by BIGINT REFERENCES users (id);
CREATE INDEX contact_messages_open ON contact_messages (done_at, received_at);

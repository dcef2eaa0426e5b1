-- Messages join up with people: whose a message is (the sender, when signed in, or the person
-- a member of staff linked it to), and the conversation that follows, which the person reads
-- and answers in the portal. A reply from the council is also emailed where there is an
-- address; whether that email went is kept with it, so a failure is seen, not lost.
ALTER TABLE contact_messages ADD COLUMN person_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX contact_messages_person ON contact_messages (person_id);

CREATE TABLE contact_replies (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES contact_messages (id) ON DELETE CASCADE,
    author_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- From the council (staff), or from the person the message is about.
    from_staff  INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    sent_at     TEXT    NOT NULL,
    -- For a reply from the council: 'sent', 'failed' or 'no_address'; NULL for the person's.
    email       TEXT CHECK (email IN ('sent', 'failed', 'no_address'))
);
CREATE INDEX contact_replies_message ON contact_replies (message_id, sent_at);

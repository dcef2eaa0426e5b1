-- The foundation: people's accounts, their sessions, and messages sent from the contact page.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('carer', 'customer', 'representative', 'practitioner', 'responder', 'admin')),
    password_hash TEXT    NOT NULL,
    locale        TEXT    NOT NULL DEFAULT 'en',
    created_at    TEXT    NOT NULL
);

-- A session is found by a keyed digest of the random token in the person's cookie, so a copy
-- of this table cannot be used to take over a session.
CREATE TABLE sessions (
    digest        TEXT    PRIMARY KEY,
    user_id       INTEGER REFERENCES users (id) ON DELETE CASCADE,
    created_at    TEXT    NOT NULL,
    last_seen_at  TEXT    NOT NULL,
    -- A refused form, kept until the form is shown again (JSON of app::forms::FormFlash).
    flash         TEXT
);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE contact_messages (
    id           INTEGER PRIMARY KEY,
    name         TEXT,
    reply_to     TEXT,
    body         TEXT    NOT NULL,
    locale       TEXT    NOT NULL,
    received_at  TEXT    NOT NULL
);

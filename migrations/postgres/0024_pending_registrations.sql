-- Someone registering proves the email address is theirs before the account exists: what they
-- typed waits here (the password only as its hash) until the link emailed to the address is
-- used, for a day at most. Registering with an address that has an account says the same as
-- any other registration, and emails the account's owner instead, so the form cannot be used to
-- find out who has an account.
CREATE TABLE pending_registrations (
    digest         TEXT    PRIMARY KEY,
    email          TEXT    NOT NULL,
    display_name   TEXT    NOT NULL,
    role           TEXT    NOT NULL,
    password_hash  TEXT    NOT NULL,
    locale         TEXT    NOT NULL,
    postcode       TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_registrations_email ON pending_registrations (email);
CREATE INDEX pending_registrations_expires ON pending_registrations (expires_at);

-- Council staff signing in through the council's identity provider (OpenID Connect): the
-- provider's issuer and subject for the account, recorded at the first sign-in that matched the
-- account by its verified email address. From then on only that subject signs in as the account,
-- so an address given to someone else in the council's directory does not bring their access.
ALTER TABLE users ADD COLUMN council_subject TEXT;
CREATE UNIQUE INDEX users_council_subject ON users (council_subject);

-- Whether a session was begun with a second factor (a code from the person's app, or the
-- council's sign-in): staff signed in with a password alone may only set up two-factor.
ALTER TABLE sessions ADD COLUMN second_factor BOOLEAN NOT NULL DEFAULT FALSE;

-- What one admin may not do to another admin alone (erase their information, switch their
-- account off): asked for by one admin, done only when a second admin approves.
CREATE TABLE admin_approvals (
    id           BIGSERIAL PRIMARY KEY,
    action       TEXT    NOT NULL,
    subject_id   BIGINT  NOT NULL REFERENCES users (id),
    asked_by     BIGINT  NOT NULL REFERENCES users (id),
    reason       TEXT    NOT NULL DEFAULT '',
    asked_at     TIMESTAMPTZ NOT NULL,
    approved_by  BIGINT  REFERENCES users (id),
    approved_at  TIMESTAMPTZ
);
CREATE INDEX admin_approvals_subject ON admin_approvals (subject_id);

-- Two-factor sign-in (TOTP, RFC 6238): each person's authenticator secret, confirmed once they
-- type a code from it; the last 30-second step used, so a code works once; ten single-use
-- recovery codes (digests; the words shown once while setting up, then cleared); and a sign-in
-- waiting for its second factor (a one-use token, valid for minutes, that proves only the password).
CREATE TABLE two_factor (
    user_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret         TEXT    NOT NULL,
    pending_codes  TEXT,
    confirmed_at   TEXT,
    last_step      INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT    NOT NULL
);
CREATE TABLE recovery_codes (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    digest   TEXT    NOT NULL UNIQUE,
    used_at  TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
CREATE TABLE sign_in_challenges (
    digest          TEXT    PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    next            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);

-- Attempts counted towards rate limits (failed sign-ins, password resets, card look-ups), kept
-- in the database so every server counts the same ones. The key is a SHA-256 digest.
CREATE TABLE rate_limit_attempts (
    id   INTEGER PRIMARY KEY,
    key  TEXT    NOT NULL,
    at   TEXT    NOT NULL
);
CREATE INDEX rate_limit_attempts_key ON rate_limit_attempts (key, at);
CREATE INDEX rate_limit_attempts_at ON rate_limit_attempts (at);

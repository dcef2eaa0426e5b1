-- Every email is written here before it is sent, so none is lost when the mail relay is down:
-- the server that wrote it tries at once, and any server retries later with growing waits.
-- A server claims an email (claimed_until) before sending it, so two never send the same one.
-- Sent emails are deleted; those that could not be sent after every try stay (gave_up_at) for
-- an admin to see and send again.
CREATE TABLE mail_queue (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    to_address       TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    queued_at        TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    claimed_until    TEXT,
    last_error       TEXT,
    gave_up_at       TEXT
);
CREATE INDEX mail_queue_due ON mail_queue (next_attempt_at);

-- Trusted assessors (procedure 003: "trusted assessors… checked by the Council"): a carers'
-- centre worker who starts records for carers and fills in the self-assessment with them, for
-- the council to decide. SQLite cannot change a CHECK constraint in place, so `users` is
-- rebuilt as its documented procedure says, with foreign keys off so that dropping the old
-- table touches no other table's rows. That pragma does nothing inside a transaction, and sqlx
-- (0.8) runs every SQLite migration in one: so this ends sqlx's transaction, rebuilds in a
-- transaction of its own, and opens a new one for sqlx to record the migration in and commit.
COMMIT;
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE users_with_assessors (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('carer', 'customer', 'representative', 'practitioner', 'trusted_assessor', 'responder', 'admin')),
    password_hash TEXT    NOT NULL,
    locale        TEXT    NOT NULL DEFAULT 'en',
    created_at    TEXT    NOT NULL,
    review_emails INTEGER NOT NULL DEFAULT 1,
    disabled_at   TEXT,
    created_by    INTEGER REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO users_with_assessors (id, email, display_name, role, password_hash, locale, created_at, review_emails, disabled_at, created_by)
    SELECT id, email, display_name, role, password_hash, locale, created_at, review_emails, disabled_at, created_by FROM users;
DROP TABLE users;
ALTER TABLE users_with_assessors RENAME TO users;
COMMIT;
PRAGMA foreign_keys = ON;
BEGIN;

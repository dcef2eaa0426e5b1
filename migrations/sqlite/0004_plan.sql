-- The person's own support plan: what they add to each section (kept as sent; removing one
-- hides it but keeps the record), and the long text they are mapping into sections.
CREATE TABLE plan_contributions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES users(id),
    section TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('text', 'picture', 'clip')),
    body TEXT,
    caption TEXT,
    alt_text TEXT,
    file_key TEXT,
    media_type TEXT,
    size_bytes INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL,
    added_by INTEGER NOT NULL REFERENCES users(id),
    added_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE INDEX plan_contributions_by_person ON plan_contributions (person_id, section, position);

CREATE TABLE plan_own_words (
    person_id INTEGER PRIMARY KEY REFERENCES users(id),
    words TEXT NOT NULL,
    saved_at TEXT NOT NULL
);

-- A plan sent for agreement: a frozen copy of the person's contributions; once a practitioner
-- completes the statutory record and signs it off, that version is kept unchanged.
CREATE TABLE plan_versions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES users(id),
    version INTEGER NOT NULL,
    contributions TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    record TEXT,
    signed_off_by INTEGER REFERENCES users(id),
    signed_off_at TEXT,
    UNIQUE (person_id, version)
);

CREATE TRIGGER signed_off_plans_are_kept BEFORE UPDATE ON plan_versions
WHEN OLD.signed_off_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a signed-off plan cannot be changed'); END;

-- Independent advocacy (procedure 001: "an Independent Advocate must be offered… must also be
-- given a copy"): whether it was offered, accepted or declined, who the advocate is, and who
-- recorded it, and whether the person agrees the advocate is given a copy of their plan ("if the
-- customer agrees to this"). One row per person, changed as things change; each change audited.
CREATE TABLE advocacy (
    person_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    answer          TEXT    NOT NULL CHECK (answer IN ('offered', 'accepted', 'declined')),
    advocate_name   TEXT,
    advocate_email  TEXT,
    copy_agreed     INTEGER NOT NULL DEFAULT 0,
    recorded_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    recorded_at     TEXT    NOT NULL
);

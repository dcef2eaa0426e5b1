-- The carer's self-assessment: answers saved as they go (one row per question, so saving one
-- page never overwrites another), the pages they have been through, each submitted version
-- (a frozen copy of the answers), and the practitioner's eligibility decision on a version.
CREATE TABLE assessment_answers (
    carer_id INTEGER NOT NULL REFERENCES users(id),
    question TEXT NOT NULL,
    value TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (carer_id, question)
) WITHOUT ROWID;

CREATE TABLE assessment_pages_seen (
    carer_id INTEGER NOT NULL REFERENCES users(id),
    page TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (carer_id, page)
) WITHOUT ROWID;

CREATE TABLE assessment_versions (
    id INTEGER PRIMARY KEY,
    carer_id INTEGER NOT NULL REFERENCES users(id),
    version INTEGER NOT NULL,
    answers TEXT NOT NULL,
    under_18 INTEGER NOT NULL,
    submitted_at TEXT NOT NULL,
    UNIQUE (carer_id, version)
);
CREATE INDEX assessment_versions_by_time ON assessment_versions (submitted_at DESC);

CREATE TABLE eligibility_decisions (
    version_id INTEGER PRIMARY KEY REFERENCES assessment_versions(id),
    practitioner_id INTEGER NOT NULL REFERENCES users(id),
    eligible INTEGER NOT NULL,
    decision TEXT NOT NULL,
    decided_at TEXT NOT NULL
);

-- A submitted version and its decision are records: they are never changed afterwards.
CREATE TRIGGER assessment_versions_are_kept BEFORE UPDATE ON assessment_versions
BEGIN SELECT RAISE(ABORT, 'assessment versions cannot be changed'); END;
CREATE TRIGGER eligibility_decisions_are_kept BEFORE UPDATE ON eligibility_decisions
BEGIN SELECT RAISE(ABORT, 'eligibility decisions cannot be changed'); END;

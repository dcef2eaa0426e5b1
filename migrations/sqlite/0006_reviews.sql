-- Reviews of a person's plan: planned at sign-off (first, annual, Direct Payment) or asked for
-- by the person. Each is planned or received, then arranged, then done with an outcome; a done
-- review is kept unchanged.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('requested', 'first', 'annual', 'direct_payment')),
    status TEXT NOT NULL CHECK (status IN ('planned', 'received', 'arranged', 'done')),
    plan_version_id INTEGER REFERENCES plan_versions(id),
    due_from TEXT,
    due_by TEXT,
    request TEXT,
    requested_by INTEGER REFERENCES users(id),
    arranged_on TEXT,
    arranged_method TEXT,
    arranged_by INTEGER REFERENCES users(id),
    arranged_at TEXT,
    outcome TEXT,
    done_by INTEGER REFERENCES users(id),
    done_at TEXT,
    created_at TEXT NOT NULL,
    CHECK (kind = 'requested' OR due_by IS NOT NULL),
    CHECK (kind <> 'requested' OR request IS NOT NULL)
);
CREATE INDEX reviews_by_person ON reviews (person_id, status);
CREATE INDEX reviews_open ON reviews (status, due_by);

CREATE TRIGGER done_reviews_are_kept BEFORE UPDATE ON reviews
WHEN OLD.status = 'done'
BEGIN SELECT RAISE(ABORT, 'a done review cannot be changed'); END;

-- The whole family: what a carer and the person they care for share with each other, and
-- invitations (a care link the cared-for person accepts; a helper with their own sign-in).

-- `owner_id` lets `viewer_id` see one kind of their records (assessment, plan, budget,
-- reviews, emergency plan). Only counts while the two are linked.
CREATE TABLE shares (
    owner_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    viewer_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    record      TEXT    NOT NULL,
    PRIMARY KEY (owner_id, viewer_id, record)
);
CREATE INDEX shares_viewer ON shares (viewer_id);

-- An invitation is found by the keyed digest of its code, never the code itself.
CREATE TABLE invitations (
    id              INTEGER PRIMARY KEY,
    digest          TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL CHECK (kind IN ('care_link', 'helper')),
    from_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- For a helper: the name and email the inviter gave, and the scope they chose.
    helper_name     TEXT,
    helper_email    TEXT,
    scope           TEXT    CHECK (scope IN ('view', 'edit')),
    -- What the inviter shares from the start (care links), comma-separated.
    shares          TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined', 'withdrawn')),
    answered_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    answered_at     TEXT
);
CREATE INDEX invitations_from ON invitations (from_id, created_at);

-- Teams and allocation: every carer and cared-for person is covered by a team (by the rule an
-- admin sets), what they send waits in that team's intake until they have a worker, and who
-- works with whom keeps its history (who allocated, the handover note, when it ended).

CREATE TABLE teams (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    -- Whose intake the team receives: everyone, carers, or cared-for people.
    covers      TEXT    NOT NULL CHECK (covers IN ('everyone', 'carers', 'cared_for')),
    created_at  TEXT    NOT NULL
);

-- Practitioners in a team; `manages` lets them allocate the team's work to its members.
CREATE TABLE team_members (
    team_id     INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    manages     INTEGER NOT NULL DEFAULT 0,
    added_at    TEXT    NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

-- A person's worker, from when to when. At most one open allocation a person; reallocating
-- ends the open one and starts another with the handover note the new worker reads.
CREATE TABLE allocations (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    practitioner_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    started_at       TEXT    NOT NULL,
    started_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    handover_note    TEXT,
    ended_at         TEXT,
    ended_by         INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX allocations_open ON allocations (person_id) WHERE ended_at IS NULL;
CREATE INDEX allocations_practitioner ON allocations (practitioner_id, ended_at);

-- The caseloads so far: each person's first practitioner stays their worker; any other
-- practitioner they had is kept as an allocation that has ended.
INSERT INTO allocations (person_id, practitioner_id, started_at, started_by, ended_at)
SELECT c.person_id, c.practitioner_id, c.added_at, c.practitioner_id,
       CASE WHEN EXISTS (
           SELECT 1 FROM caseloads e
           WHERE e.person_id = c.person_id
             AND (e.added_at < c.added_at OR (e.added_at = c.added_at AND e.practitioner_id < c.practitioner_id))
       ) THEN c.added_at END
FROM caseloads c;

DROP TABLE caseloads;

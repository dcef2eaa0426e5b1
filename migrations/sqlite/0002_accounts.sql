-- Who may see whom: carers and the people they care for, representatives, caseloads; password
-- resets; and the append-only audit log.

-- A carer cares for a customer (the cared-for person).
CREATE TABLE care_links (
    carer_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (carer_id, customer_id)
);
CREATE INDEX care_links_customer ON care_links (customer_id);

-- A representative acts for a carer or customer (the principal), to the scope granted.
CREATE TABLE representations (
    representative_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    principal_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scope             TEXT    NOT NULL CHECK (scope IN ('view', 'edit')),
    granted_at        TEXT    NOT NULL,
    PRIMARY KEY (representative_id, principal_id)
);
CREATE INDEX representations_principal ON representations (principal_id);

-- A practitioner's caseload: the carers and customers they work with.
CREATE TABLE caseloads (
    practitioner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at        TEXT    NOT NULL,
    PRIMARY KEY (practitioner_id, person_id)
);
CREATE INDEX caseloads_person ON caseloads (person_id);

-- One-time password reset codes, stored as keyed digests like session tokens.
CREATE TABLE password_resets (
    digest      TEXT    PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    used_at     TEXT
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- What happened, who did it, to whose record, and why. Nobody can change it through the app:
-- the triggers refuse updates and deletes.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    actor_id    INTEGER,
    action      TEXT    NOT NULL,
    subject_id  INTEGER,
    reason      TEXT,
    detail      TEXT,
    client_ip   TEXT
);
CREATE INDEX audit_events_subject ON audit_events (subject_id, at);
CREATE INDEX audit_events_at ON audit_events (at);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- A carer's emergency plan (Carers Emergency Response Service): what must happen if they
-- suddenly cannot care. One per carer, kept on the carer's record.
CREATE TABLE emergency_plans (
    carer_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- The plan's words (cared-for person, routines, needs, medication, ...) as JSON.
    details         TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    -- When the carer last said it is still right; NULL until they first confirm it.
    confirmed_at    TEXT,
    -- When the yearly "is it still right?" email went out for the current confirmation.
    reminded_at     TEXT
);

-- Who to contact, each with the date they agreed to be contacted.
CREATE TABLE emergency_contacts (
    id              INTEGER PRIMARY KEY,
    carer_id        INTEGER NOT NULL REFERENCES emergency_plans (carer_id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    name            TEXT    NOT NULL,
    relationship    TEXT    NOT NULL,
    phone           TEXT    NOT NULL,
    -- NULL until the carer records that this person agreed to be contacted.
    agreed_on       TEXT
);
CREATE INDEX emergency_contacts_carer ON emergency_contacts (carer_id, position);

-- How to get into the home: held apart from the plan and shown only to a responder during a
-- look-up (never back to the carer's page, a family member or a practitioner).
CREATE TABLE emergency_home_access (
    carer_id        INTEGER PRIMARY KEY REFERENCES emergency_plans (carer_id) ON DELETE CASCADE,
    instructions    TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

-- The card's code: unguessable, no personal details. A replaced card's code stops working.
CREATE TABLE emergency_cards (
    code            TEXT    PRIMARY KEY,
    carer_id        INTEGER NOT NULL REFERENCES emergency_plans (carer_id) ON DELETE CASCADE,
    issued_at       TEXT    NOT NULL,
    withdrawn_at    TEXT
);
CREATE UNIQUE INDEX emergency_cards_one_live ON emergency_cards (carer_id) WHERE withdrawn_at IS NULL;

-- Every responder look-up: who, when, why. The carer sees these on their plan.
CREATE TABLE emergency_lookups (
    id              INTEGER PRIMARY KEY,
    carer_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    responder_id    INTEGER NOT NULL REFERENCES users (id),
    at              TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    note            TEXT
);
CREATE INDEX emergency_lookups_carer ON emergency_lookups (carer_id, at);
CREATE INDEX emergency_lookups_responder ON emergency_lookups (responder_id, at);

-- Records a practitioner starts with a carer who has no account or email: who made the account
-- (it has no email until the carer takes it over with the code in their letter), who filled in
-- each version of the assessment, and the carer confirming a version someone filled in with
-- them.
ALTER TABLE users ADD COLUMN created_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE assessment_versions ADD COLUMN submitted_by INTEGER REFERENCES users (id) ON DELETE SET NULL;

CREATE TABLE assessment_confirmations (
    version_id    INTEGER PRIMARY KEY REFERENCES assessment_versions (id) ON DELETE CASCADE,
    confirmed_at  TEXT    NOT NULL
);

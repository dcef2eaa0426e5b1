-- Leavers: an admin switches off a staff account. Its sessions end at once and it cannot sign
-- in; the people in its caseload show as needing a new worker. Switching back on undoes it.
ALTER TABLE users ADD COLUMN disabled_at TEXT;

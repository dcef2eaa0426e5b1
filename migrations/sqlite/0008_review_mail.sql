-- Whether a person wants emails about their reviews, and when each planned review's reminder
-- went out (two weeks before it is due).
ALTER TABLE users ADD COLUMN review_emails INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reviews ADD COLUMN reminded_at TEXT;

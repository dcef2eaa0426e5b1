-- Whether a person wants emails about their reviews, and when each planned review's reminder
-- went out (two weeks before it is due).
ALTER TABLE users ADD COLUMN review_emails BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE reviews ADD COLUMN reminded_at TIMESTAMPTZ;

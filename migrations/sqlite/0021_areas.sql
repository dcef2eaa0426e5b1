-- Teams by area: a carer's or cared-for person's postcode, if they give it (at registering, or a
-- member of staff for them), and the postcode areas ("LS") and districts ("LS6") a team covers,
-- kept as the admin's list "LS6, LS7, BD"; an empty list covers everywhere.
ALTER TABLE users ADD COLUMN postcode TEXT;
ALTER TABLE teams ADD COLUMN areas TEXT NOT NULL DEFAULT '';

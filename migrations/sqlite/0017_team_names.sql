-- Team names that differ only in case are the same team to the people choosing between them:
-- the database refuses a second one, so two admins adding it at once cannot both succeed.
CREATE UNIQUE INDEX teams_name_folded ON teams (LOWER(name));

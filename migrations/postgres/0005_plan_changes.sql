-- When a person last changed the words, caption or description of something in their plan.
ALTER TABLE plan_contributions ADD COLUMN changed_at TIMESTAMPTZ;

-- The personal budget set for a signed-off plan version (once; a new version gets its own),
-- and what the person records spending from it.
CREATE TABLE budgets (
    id INTEGER PRIMARY KEY,
    plan_version_id INTEGER NOT NULL UNIQUE REFERENCES plan_versions(id),
    person_id INTEGER NOT NULL REFERENCES users(id),
    budget TEXT NOT NULL,
    set_by INTEGER NOT NULL REFERENCES users(id),
    set_at TEXT NOT NULL
);

CREATE TRIGGER budgets_are_kept BEFORE UPDATE ON budgets
BEGIN SELECT RAISE(ABORT, 'a budget cannot be changed: set it on the next plan version'); END;

CREATE TABLE spends (
    id INTEGER PRIMARY KEY,
    budget_id INTEGER NOT NULL REFERENCES budgets(id),
    person_id INTEGER NOT NULL REFERENCES users(id),
    spent_on TEXT NOT NULL,
    amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
    what_for TEXT NOT NULL,
    outcome TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX spends_by_budget ON spends (budget_id, spent_on);

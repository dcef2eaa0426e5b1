-- Trusted assessors (procedure 003: "trusted assessors… checked by the Council"): a carers'
-- centre worker who starts records for carers and fills in the self-assessment with them, for
-- the council to decide.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('carer', 'customer', 'representative', 'practitioner', 'trusted_assessor', 'responder', 'admin'));

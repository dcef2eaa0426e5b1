-- Local support, shaped on the Open Referral UK data standard: the organisation, the service,
-- its description, how to contact it, where it works, who it is for and its category.
-- Staff add, change and retire entries; retired ones stay on record.
CREATE TABLE support_services (
    id              INTEGER PRIMARY KEY,
    organisation    TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    category        TEXT    NOT NULL,
    url             TEXT,
    email           TEXT,
    phone           TEXT,
    area            TEXT    NOT NULL,
    eligibility     TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    retired_at      TEXT
);
CREATE INDEX support_services_category ON support_services (category, name);

-- The services the council's procedures name. No phone numbers are invented: each links to the
-- organisation's own public site.
INSERT INTO support_services (organisation, name, description, category, url, area, eligibility, updated_at) VALUES
('Carers FIRST', 'Lincolnshire Carers Service',
 'The county''s carers service, run by Carers FIRST for Lincolnshire County Council: information and advice, carers'' assessments and support planning, groups, and help to look after your own wellbeing while you care.',
 'carers_support', 'https://www.carersfirst.org.uk/', 'Lincolnshire',
 'Adults who look after a family member, partner or friend who lives in Lincolnshire.', '2026-11-23T00:00:00Z'),
('Carers UK with Lincolnshire County Council', 'Digital Resource for Carers',
 'Digital products, online resources, local information and support for carers on a single platform, offered by the council with Carers UK.',
 'carers_support', 'https://www.carersuk.org/', 'Lincolnshire',
 'Unpaid carers in Lincolnshire, and the people who support them.', '2026-11-23T00:00:00Z'),
('Lincolnshire County Council', 'Carers Emergency Response Service (CERS)',
 'Helps carers draw up an emergency plan for the person they look after. You carry a card with the scheme''s number and a code — no name or address — so that if something happens to you, replacement care can be arranged from your plan. You can keep your plan in this portal.',
 'emergency', '/emergency', 'Lincolnshire',
 'Carers in Lincolnshire whose cared-for person would be at risk if the carer were suddenly unable to care.', '2026-11-23T00:00:00Z'),
('Lincolnshire County Council', 'Employee carers network',
 'For council employees who are also carers in their personal lives: employee carer network meetings where you can meet other staff who care, share what helps, and find out about support at work. Details and meeting dates are on the Employee Carers page on the council intranet.',
 'employee_carers', '/support/employee-carers', 'Lincolnshire County Council staff',
 'Anyone who works for Lincolnshire County Council and cares for someone.', '2026-11-23T00:00:00Z'),
('Lincolnshire County Council', 'Independent advocacy',
 'An independent advocate can help you take part in your assessment, support planning, a review or a complaint, and make sure your views are heard — for example if you would find it hard to be involved and have nobody suitable to help. Ask your practitioner, who will consider the advocacy duty and can make a referral.',
 'advocacy', 'https://www.lincolnshire.gov.uk/', 'Lincolnshire',
 'Adults having an assessment, a care and support plan or a review, and carers, who would have substantial difficulty being involved.', '2026-11-23T00:00:00Z'),
('Lincolnshire County Council', 'Complaints about adult care',
 'If you are not happy with a care plan, the services provided or the way an assessment was carried out, you can use the council''s complaints process. It can help to have support when you make a complaint, such as from an advocacy organisation.',
 'complaints', 'https://www.lincolnshire.gov.uk/', 'Lincolnshire',
 'Anyone who receives adult care support from the council, their carer, or someone acting for them.', '2026-11-23T00:00:00Z');

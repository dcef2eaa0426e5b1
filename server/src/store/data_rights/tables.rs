//! Every table of the schema and what a person's data rights mean for it: which rows are about
//! them, what is left out of their copy, and what erasure does. `docs/RETENTION.md` says the
//! same in words; a test fails when a table of the schema is missing here.
//!
//! In the SQL below `$1` is the person's id and `$2` their email address.

/// One table and how data rights apply to it.
pub struct Table {
    pub name: &'static str,
    pub rule: Rule,
}

pub enum Rule {
    /// Holds personal data: `rows` (a WHERE clause) picks the rows about the person, which are
    /// exported (without the `hidden` columns) and then erased as `erasure` says.
    Personal { rows: &'static str, hidden: &'static [&'static str], erasure: Erasure },
    /// Holds nothing about any one person.
    NotPersonal(&'static str),
}

pub enum Erasure {
    /// Every row about the person is deleted.
    Delete,
    /// The rows stay (other records point at them); `set` overwrites what identifies the
    /// person, and afterwards no row matches `gone`.
    Anonymise { set: &'static str, gone: &'static str },
    /// Kept unchanged, for the reason given.
    Keep(&'static str),
    /// Some rows go, some stay: the statements run in order, afterwards no row matches
    /// `gone`, and what stays is kept for the reason given.
    Partly { statements: &'static [&'static str], gone: &'static str, kept: &'static str },
}

/// A column some readers of a copy do not get, beyond each table's `hidden` ones.
pub enum Withheld {
    /// Left out of a copy for staff, for the reason given.
    FromStaff(&'static str),
    /// In the person's own copy only on rows where `owner` is the person (their own sign-ins'
    /// addresses, not the staff member's who read their record); left out of a copy for staff.
    OnOthersRows { owner: &'static str },
}

/// (table, column, rule), in `docs/RETENTION.md` under "Who gets which column".
pub const WITHHELD: &[(&str, &str, Withheld)] = &[
    (
        "emergency_home_access",
        "instructions",
        Withheld::FromStaff("how to get into the home: only a responder's audited look-up reads it"),
    ),
    ("audit_events", "client_ip", Withheld::OnOthersRows { owner: "actor_id" }),
];

/// Takes out of `row` (of `table`, about `person`) the columns `audience` does not get.
pub fn withhold(table: &str, row: &mut serde_json::Value, person: i64, audience: app::domain::data_rights::Audience) {
    use app::domain::data_rights::Audience;
    let Some(object) = row.as_object_mut() else { return };
    for (_, column, rule) in WITHHELD.iter().filter(|(t, _, _)| *t == table) {
        let keep = match (rule, audience) {
            (_, Audience::Staff) => false,
            (Withheld::FromStaff(_), Audience::Themselves) => true,
            (Withheld::OnOthersRows { owner }, Audience::Themselves) => object.get(*owner) == Some(&person.into()),
        };
        if !keep {
            object.remove(*column);
        }
    }
}

const STATUTORY: &str = "a statutory care record (Care Act 2014), kept for the council's retention period";

/// In the order erasure runs: rows that point at others first, the account last.
pub const TABLES: &[Table] = &[
    Table { name: "_sqlx_migrations", rule: Rule::NotPersonal("the schema's version history") },
    Table { name: "teams", rule: Rule::NotPersonal("the council's teams: their names and whose intake they receive, in which postcode areas") },
    Table { name: "support_services", rule: Rule::NotPersonal("the directory of local services, about organisations") },
    Table {
        name: "rate_limit_attempts",
        rule: Rule::NotPersonal("one-way digests of what was tried (an address, a sign-in name), each deleted a day later"),
    },
    Table {
        name: "sessions",
        rule: Rule::Personal { rows: "user_id = $1", hidden: &["digest"], erasure: Erasure::Delete },
    },
    Table {
        name: "sign_in_challenges",
        rule: Rule::Personal { rows: "user_id = $1", hidden: &["digest"], erasure: Erasure::Delete },
    },
    Table {
        name: "recovery_codes",
        rule: Rule::Personal { rows: "user_id = $1", hidden: &["digest"], erasure: Erasure::Delete },
    },
    Table {
        name: "two_factor",
        rule: Rule::Personal { rows: "user_id = $1", hidden: &["secret", "pending_codes"], erasure: Erasure::Delete },
    },
    Table {
        name: "password_resets",
        rule: Rule::Personal { rows: "user_id = $1", hidden: &["digest"], erasure: Erasure::Delete },
    },
    Table {
        // Emails to them not yet sent (the relay was down) or given up on. The body is left
        // out: it may hold a one-use link.
        name: "mail_queue",
        rule: Rule::Personal { rows: "to_address = LOWER($2)", hidden: &["body"], erasure: Erasure::Delete },
    },
    Table {
        // A registration waiting for its emailed link (a day at most): what they typed.
        name: "pending_registrations",
        rule: Rule::Personal { rows: "email = LOWER($2)", hidden: &["digest", "password_hash"], erasure: Erasure::Delete },
    },
    Table {
        name: "contact_replies",
        // The conversations of their messages; which member of staff wrote is the council's.
        rule: Rule::Personal {
            rows: "message_id IN (SELECT id FROM contact_messages WHERE person_id = $1 OR LOWER(reply_to) = LOWER($2))",
            hidden: &["author_id"],
            erasure: Erasure::Delete,
        },
    },
    Table {
        name: "contact_messages",
        // Their own (sent signed in, or linked to them) and those with their address for a reply.
        // Which member of staff dealt with it is the council's, not the sender's.
        rule: Rule::Personal {
            rows: "person_id = $1 OR LOWER(reply_to) = LOWER($2)",
            hidden: &["done_by"],
            erasure: Erasure::Delete,
        },
    },
    Table {
        name: "care_links",
        rule: Rule::Personal { rows: "carer_id = $1 OR customer_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "representations",
        rule: Rule::Personal {
            rows: "representative_id = $1 OR principal_id = $1",
            hidden: &[],
            erasure: Erasure::Delete,
        },
    },
    Table {
        name: "allocations",
        rule: Rule::Personal { rows: "practitioner_id = $1 OR person_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "team_members",
        rule: Rule::Personal { rows: "user_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "shares",
        rule: Rule::Personal { rows: "owner_id = $1 OR viewer_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "invitations",
        rule: Rule::Personal {
            rows: "from_id = $1 OR answered_by = $1",
            hidden: &["digest"],
            erasure: Erasure::Partly {
                statements: &[
                    "DELETE FROM invitations WHERE from_id = $1",
                    "UPDATE invitations SET answered_by = NULL, helper_name = NULL, helper_email = NULL WHERE answered_by = $1",
                ],
                gone: "from_id = $1 OR answered_by = $1",
                kept: "an invitation someone else sent stays on their record, without the name or email of who answered",
            },
        },
    },
    Table {
        name: "assessment_answers",
        rule: Rule::Personal { rows: "carer_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "assessment_pages_seen",
        rule: Rule::Personal { rows: "carer_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "assessment_confirmations",
        rule: Rule::Personal {
            rows: "version_id IN (SELECT id FROM assessment_versions WHERE carer_id = $1)",
            hidden: &[],
            erasure: Erasure::Keep(STATUTORY),
        },
    },
    Table {
        name: "assessment_versions",
        rule: Rule::Personal { rows: "carer_id = $1", hidden: &[], erasure: Erasure::Keep(STATUTORY) },
    },
    Table {
        name: "eligibility_decisions",
        rule: Rule::Personal {
            rows: "version_id IN (SELECT id FROM assessment_versions WHERE carer_id = $1) OR practitioner_id = $1",
            hidden: &[],
            erasure: Erasure::Keep(STATUTORY),
        },
    },
    Table {
        name: "plan_contributions",
        rule: Rule::Personal { rows: "person_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "plan_own_words",
        rule: Rule::Personal { rows: "person_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "plan_versions",
        rule: Rule::Personal { rows: "person_id = $1", hidden: &[], erasure: Erasure::Keep(STATUTORY) },
    },
    Table {
        // Whether independent advocacy was offered and who the advocate is: the record that
        // the council met its duty (Care Act 2014 s.67). Who recorded it is the council's.
        name: "advocacy",
        rule: Rule::Personal { rows: "person_id = $1", hidden: &["recorded_by"], erasure: Erasure::Keep(STATUTORY) },
    },
    Table {
        name: "reviews",
        rule: Rule::Personal {
            rows: "person_id = $1",
            hidden: &[],
            erasure: Erasure::Partly {
                statements: &["DELETE FROM reviews WHERE person_id = $1 AND status <> 'done'"],
                gone: "person_id = $1 AND status <> 'done'",
                kept: "a done review is a statutory care record and cannot be changed; reviews not yet done will not happen and are deleted",
            },
        },
    },
    Table {
        name: "budgets",
        rule: Rule::Personal {
            rows: "person_id = $1",
            hidden: &[],
            erasure: Erasure::Keep("a financial record of public money, kept for the council's financial retention period"),
        },
    },
    Table {
        name: "spends",
        rule: Rule::Personal {
            rows: "person_id = $1",
            hidden: &[],
            erasure: Erasure::Keep("Direct Payment spending is a financial record of public money, kept for the council's financial retention period"),
        },
    },
    Table {
        name: "emergency_lookups",
        rule: Rule::Personal {
            rows: "carer_id = $1 OR responder_id = $1",
            hidden: &[],
            erasure: Erasure::Partly {
                statements: &["DELETE FROM emergency_lookups WHERE carer_id = $1"],
                gone: "carer_id = $1",
                kept: "a look-up a responder made of someone else's plan stays on that carer's record (the audit log keeps every look-up)",
            },
        },
    },
    Table {
        name: "emergency_cards",
        rule: Rule::Personal { rows: "carer_id = $1", hidden: &["code"], erasure: Erasure::Delete },
    },
    Table {
        name: "emergency_home_access",
        rule: Rule::Personal { rows: "carer_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "emergency_contacts",
        rule: Rule::Personal { rows: "carer_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "emergency_plans",
        rule: Rule::Personal { rows: "carer_id = $1", hidden: &[], erasure: Erasure::Delete },
    },
    Table {
        name: "audit_events",
        rule: Rule::Personal {
            rows: "actor_id = $1 OR subject_id = $1",
            hidden: &[],
            erasure: Erasure::Keep("the audit log is append-only (database triggers refuse changes): it is the record of who saw and changed what; it names people by number only"),
        },
    },
    Table {
        name: "admin_approvals",
        rule: Rule::Personal {
            rows: "subject_id = $1 OR asked_by = $1 OR approved_by = $1",
            hidden: &[],
            erasure: Erasure::Keep("who asked for and who approved an action on an admin's account, kept with the audit log"),
        },
    },
    Table {
        name: "users",
        rule: Rule::Personal {
            rows: "id = $1",
            hidden: &["password_hash"],
            erasure: Erasure::Anonymise {
                set: "email = 'erased-' || CAST(id AS TEXT) || '@invalid', display_name = 'Erased person', \
                      password_hash = '!', locale = 'en', review_emails = FALSE, postcode = NULL, \
                      council_subject = NULL",
                gone: "id = $1 AND (display_name <> 'Erased person' OR password_hash <> '!' OR postcode IS NOT NULL OR council_subject IS NOT NULL OR LOWER(email) = LOWER($2))",
            },
        },
    },
];

/// The table's rule, if it is listed.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

//! The README inside a person's copy of their data: what each file holds, in plain English.
use app::backend::ports::PersonalData;
use chrono::{DateTime, Utc};

/// What one table's file holds, as the person would put it.
fn about(table: &str) -> &'static str {
    match table {
        "users" => "Your account: name, email address, role, language, whether you want emails, your postcode if you gave one and, for council staff, which council sign-in is linked to it. Your password is not included (we only keep a scrambled form of it, which is not included either).",
        "sessions" => "When you were signed in, and any form you had not finished sending. The secret that identifies each sign-in is left out.",
        "two_factor" => "Whether you set up two-factor sign-in, and when. The secret your app uses is left out.",
        "recovery_codes" => "Which of your recovery codes were used, and when. The codes themselves are left out.",
        "sign_in_challenges" => "Sign-ins waiting for your code. What identifies them is left out.",
        "mail_queue" => "Emails to you that were waiting to be sent when the copy was made, or that could not be sent. What each email says is left out: it may hold a link only you should use.",
        "pending_registrations" => "An account you began to create and had not yet finished from the emailed link. Your password and the link are left out.",
        "password_resets" => "When you asked to reset your password, and whether the link was used. The link itself is left out.",
        "contact_messages" => "Messages you sent from the contact page: while signed in, linked to your account by us, or with your email address as the reply address.",
        "contact_replies" => "The replies to those messages: ours and your answers.",
        "care_links" => "Who you care for, or who cares for you, in this portal.",
        "representations" => "Who may act for you (helpers), or who you act for, and how far.",
        "allocations" => "The practitioners who have worked with you, from when to when, who arranged it and any handover note (or, for staff, the people you work with).",
        "team_members" => "For staff: the council teams you belong to, and whether you allocate their work.",
        "shares" => "What you share with the person you care for or who cares for you, and what they share with you.",
        "invitations" => "Invitations you sent or answered. The invitation codes are left out.",
        "assessment_answers" => "Your answers to the carer's assessment as last saved.",
        "assessment_pages_seen" => "Which pages of the assessment you have been through.",
        "assessment_confirmations" => "When you confirmed an assessment someone filled in with you.",
        "assessment_versions" => "Every assessment you sent, exactly as sent.",
        "eligibility_decisions" => "The council's decisions on your assessments, with the reasons.",
        "plan_contributions" => "What you put in your support plan: words, and the details of pictures and clips (the files themselves are in the files folder).",
        "plan_own_words" => "The long text you wrote in your own words to be split into plan sections.",
        "plan_versions" => "Every version of your plan you sent, and the council's record when it was signed off.",
        "advocacy" => "Whether you were offered an independent advocate, your answer, who your advocate is and whether they are sent a copy of your plan.",
        "reviews" => "Reviews of your plan: planned, asked for, arranged and done, with outcomes.",
        "budgets" => "Your personal budget and any Direct Payment.",
        "spends" => "What you recorded spending from your budget.",
        "emergency_plans" => "Your emergency plan (Carers Emergency Response Service).",
        "emergency_contacts" => "The people to contact in an emergency.",
        "emergency_home_access" => "How to get into your home in an emergency. This is shown only to a responder during a look-up.",
        "emergency_cards" => "When your emergency cards were issued and withdrawn. The card codes are left out.",
        "emergency_lookups" => "Every time a responder looked up your emergency plan: when, who and why.",
        "admin_approvals" => "For admins: erasures and switching off of admin accounts that one admin asked for and a second admin approved, where you were one of them or it was about you.",
        "audit_events" => "The log of what was done with your records and by you: who, when and why. People are named by their account number. The network address is shown for what you did, not for what others did.",
        _ => "",
    }
}

pub fn text(data: &PersonalData, at: DateTime<Utc>) -> String {
    let mut out = String::new();
    out.push_str("YOUR INFORMATION FROM THE CARER PORTAL\n\n");
    out.push_str(&format!("This copy was made on {} (UTC).\n\n", at.format("%-d %B %Y at %H:%M")));
    out.push_str(
        "Under the UK General Data Protection Regulation you have the right to a copy of the \
         information the council holds about you (your right of access). This file is that copy, as held in the carer \
         portal. Each .json file is one kind of record; open it with any text editor. Dates and \
         times are in UTC. Numbers such as 'carer_id' or 'actor_id' are account numbers: your own \
         account number is the 'id' in users.json.\n\n",
    );
    out.push_str("WHAT IS IN THIS FILE\n\n");
    for table in &data.tables {
        let count = table.rows.len();
        let rows = if count == 1 { "1 record".to_owned() } else { format!("{count} records") };
        out.push_str(&format!("{}.json ({rows})\n  {}\n\n", table.table, about(table.table)));
    }
    out.push_str(
        "files/\n  The pictures and voice or video clips you added to your plan, as we keep them \
         (pictures turned upright and without location data; the '-thumb' ones are the small \
         copies shown on phones).\n\n",
    );
    out.push_str(
        "WHAT IS LEFT OUT\n\n  Secrets that would let someone act as you: the scrambled \
         password, the codes that identify your sign-ins, reset links, invitation codes and \
         emergency card codes.\n\n",
    );
    out.push_str(
        "HOW LONG WE KEEP IT\n\n  Some records must be kept by law even if you ask us to erase \
         your information: assessments you sent and the council's decisions, signed-off plans, \
         reviews that are done, budgets and spending, and the audit log. Everything else is \
         deleted when your information is erased. Ask the council if you want your information \
         erased, corrected, or have a question about this copy; you can also complain to the \
         Information Commissioner's Office (ico.org.uk).\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use crate::store::data_rights::tables::{Rule, TABLES};

    #[test]
    fn every_table_in_the_copy_is_explained() {
        for table in TABLES {
            if let Rule::Personal { .. } = table.rule {
                assert!(!super::about(table.name).is_empty(), "README.txt says nothing about {}", table.name);
            }
        }
    }
}

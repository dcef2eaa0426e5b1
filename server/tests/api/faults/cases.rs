//! One case per server function: who calls it, from which page, with what a person would type.
//! The ids come from `household.rs`.
use chrono::Utc;

use super::advocacy_cases::advocacy;
use super::approval_cases::approvals;
use super::household::{Household, ADMIN, ALEX, JO, NOBODY, PAT, RESPONDER, ROBIN, SAM};
use super::message_cases::messages;
use super::team_cases::teams;
use super::two_factor_cases::two_factor;

pub struct Case {
    pub path: &'static str,
    /// Who is signed in ("" for nobody).
    pub who: &'static str,
    /// The page the form is on.
    pub page: String,
    pub fields: Vec<(&'static str, String)>,
    /// Whether it changes anything (a form a person fills in) rather than only reading.
    pub change: bool,
    /// Something typed that a refused form must show again.
    pub typed: Option<&'static str>,
}

pub(super) fn read(path: &'static str, who: &'static str, fields: &[(&'static str, String)]) -> Case {
    Case { path, who, page: "/".into(), fields: fields.to_vec(), change: false, typed: None }
}

pub(super) fn change(
    path: &'static str,
    who: &'static str,
    page: impl Into<String>,
    fields: &[(&'static str, &str)],
) -> Case {
    let fields = fields.iter().map(|(name, value)| (*name, value.to_string())).collect();
    Case { path, who, page: page.into(), fields, change: true, typed: None }
}

impl Case {
    pub(super) fn typed(self, typed: &'static str) -> Case {
        Case { typed: Some(typed), ..self }
    }
}

/// Every server function, in an order where no case undoes what a later one needs.
pub fn cases(h: &Household) -> Vec<Case> {
    let id = |n: i64| n.to_string();
    let review = |i: usize| h.jo_reviews.get(i).copied().unwrap_or_default().to_string();
    let today = Utc::now().date_naive();
    let (day, month, year) =
        (today.format("%-d").to_string(), today.format("%-m").to_string(), today.format("%Y").to_string());
    let soon = today + chrono::Days::new(10);
    let (soon_day, soon_month, soon_year) =
        (soon.format("%-d").to_string(), soon.format("%-m").to_string(), soon.format("%Y").to_string());
    // First: the code that turns two-factor on is good only for a minute or so.
    let mut all = two_factor(h);
    all.extend(vec![
        // Anyone.
        change(
            "/api/contact",
            NOBODY,
            "/contact",
            &[("name", "Ann"), ("email", "ann@example.org"), ("message", "Please call me about respite")],
        )
        .typed("Please call me about respite"),
        change(
            "/api/account/register",
            NOBODY,
            "/register",
            &[
                ("role", "carer"),
                ("name", "Casey Newcomer"),
                ("email", "casey@example.org"),
                ("password", "a long enough password"),
            ],
        )
        .typed("Casey Newcomer"),
        change(
            "/api/account/sign-in",
            NOBODY,
            "/sign-in",
            &[("email", JO), ("password", server::testing::demo::DEMO_PASSWORD), ("next", "")],
        )
        .typed(JO),
        change("/api/account/forgotten-password", NOBODY, "/password-reset", &[("email", JO)]).typed(JO),
        change(
            "/api/account/reset-password",
            NOBODY,
            format!("/password-reset/{}", h.reset_code),
            &[("code", &h.reset_code), ("password", "a brand new password")],
        ),
        change(
            "/api/account/confirm-registration",
            NOBODY,
            format!("/register/confirm/{}", h.registration_code),
            &[("code", &h.registration_code)],
        ),
        read("/api/support/search", NOBODY, &[("q", "carers".into()), ("category", String::new())]),
        read("/api/support/all", ADMIN, &[]),
        read("/api/support/service", ADMIN, &[("id", id(h.service))]),
        read("/api/family/invitation", PAT, &[("code", h.care_code.clone())]),
        change(
            "/api/family/helper-account",
            NOBODY,
            format!("/invitations?code={}", h.helper_code),
            &[("code", &h.helper_code), ("name", "Mo Helper"), ("password", "a long enough password")],
        )
        .typed("Mo Helper"),
        // Sessions.
        change("/api/account/stay-signed-in", JO, "/home", &[]),
        // The carer's assessment.
        read("/api/assessment/mine", SAM, &[]),
        read("/api/assessment/answers", SAM, &[]),
        change(
            "/api/assessment/save",
            SAM,
            "/assessment/questions/working",
            &[("page", "working"), ("intent", "stay"), ("working", "My sister helps on Fridays")],
        )
        .typed("My sister helps on Fridays"),
        change("/api/assessment/send", SAM, "/assessment/check", &[]),
        // Practitioners' assessments.
        read("/api/assessment/queue", ALEX, &[("status", String::new())]),
        change("/api/assessment/allocate", ALEX, "/staff/assessments", &[("carer_id", &id(h.kim))]),
        read("/api/assessment/record", ALEX, &[("version_id", id(h.sam_assessment))]),
        change(
            "/api/assessment/decide",
            ALEX,
            format!("/staff/assessments/{}", h.sam_assessment),
            &[
                ("version_id", &id(h.sam_assessment)),
                ("necessary_care", "yes"),
                ("health_at_risk", "no"),
                ("outcomes-nutrition", "yes"),
                ("significant_impact", "yes"),
                ("necessary_care_reason", "Sam's mother needs help every day."),
                ("health_reason", "No health problem was mentioned."),
                ("outcomes_reason", "Sam cannot eat properly because of caring."),
                ("impact_reason", "Not eating properly harms wellbeing."),
            ],
        )
        .typed("Sam cannot eat properly because of caring."),
        // The person's own plan.
        read("/api/plan/mine", SAM, &[]),
        change("/api/plan/add", SAM, "/plan", &[("section", "important"), ("text", "Walking the dog at dawn")])
            .typed("Walking the dog at dawn"),
        change("/api/plan/move", SAM, "/plan", &[("id", &id(h.sam_item)), ("direction", "down")]),
        change(
            "/api/plan/change",
            SAM,
            format!("/plan/items/{}", h.sam_item),
            &[("id", &id(h.sam_item)), ("text", "Sam's vegetable garden")],
        )
        .typed("Sam's vegetable garden"),
        change("/api/plan/own-words", SAM, "/plan/own-words", &[("words", "Church on Sundays matters to me.")])
            .typed("Church on Sundays matters to me."),
        read("/api/plan/own-words/proposals", SAM, &[]),
        change(
            "/api/plan/own-words/accept",
            SAM,
            "/plan/own-words/sections",
            &[("section-0", "important"), ("section-1", "important")],
        ),
        change("/api/plan/remove", SAM, "/plan", &[("id", &id(h.sam_item))]),
        change("/api/plan/send", SAM, "/plan", &[]),
        read("/api/plan/versions", JO, &[]),
        read("/api/plan/version", JO, &[("id", id(h.jo_plan))]),
        read("/api/plan/awaiting-sign-off", ALEX, &[]),
        change(
            "/api/plan/sign-off",
            ALEX,
            format!("/staff/plans/{}", h.sam_plan),
            &[
                ("id", &id(h.sam_plan)),
                ("needs", "Help at home"),
                ("eligibility", "Eligible"),
                ("needs_met", "A sitting service twice a week"),
                ("outcomes", "Time for the allotment"),
                ("advice", "Carers FIRST"),
                ("contingency", "Emergency plan with CERS"),
                ("review-day", "1"),
                ("review-month", "1"),
                ("review-year", "2099"),
            ],
        )
        .typed("A sitting service twice a week"),
        // Budgets.
        read("/api/budget/mine", JO, &[]),
        change(
            "/api/budget/spend",
            JO,
            "/budget",
            &[
                ("spent-day", &day),
                ("spent-month", &month),
                ("spent-year", &year),
                ("amount", "12.50"),
                ("what_for", "Swimming lessons"),
                ("outcome", "recreation"),
            ],
        )
        .typed("Swimming lessons"),
        read("/api/budget/for-plan", JO, &[("id", id(h.jo_plan))]),
        change(
            "/api/budget/set",
            ALEX,
            format!("/staff/plans/{}/budget", h.pat_plan),
            &[
                ("id", &id(h.pat_plan)),
                ("indicative", "900"),
                ("amount", "950"),
                ("period", "year"),
                ("taken_as", "council_arranged"),
            ],
        )
        .typed("950"),
        read("/api/timeline/mine", JO, &[]),
        // Reviews.
        read("/api/reviews/mine", JO, &[]),
        read("/api/reviews/subjects", JO, &[]),
        change(
            "/api/reviews/request",
            JO,
            "/reviews/request",
            &[
                ("reason", "other"),
                ("what_changed", "I started a new job"),
                ("method", "video"),
                ("urgency", "routine"),
            ],
        )
        .typed("I started a new job"),
        read("/api/reviews/review", JO, &[("id", review(0))]),
        read("/api/reviews/due", ALEX, &[]),
        change(
            "/api/reviews/arrange",
            ALEX,
            format!("/staff/reviews/{}", review(0)),
            &[
                ("id", &review(0)),
                ("arranged-day", &soon_day),
                ("arranged-month", &soon_month),
                ("arranged-year", &soon_year),
                ("method", "telephone"),
            ],
        ),
        change(
            "/api/reviews/outcome",
            ALEX,
            format!("/staff/reviews/{}", review(1)),
            &[("id", &review(1)), ("outcome", "no_change"), ("summary", "Everything is working well")],
        )
        .typed("Everything is working well"),
        read("/api/reviews/emails", JO, &[]),
        change("/api/reviews/emails/set", JO, "/account/emails", &[("wanted", "no")]),
        // Emergency plans.
        read("/api/emergency/mine", SAM, &[]),
        change(
            "/api/emergency/save",
            SAM,
            "/emergency/edit",
            &[("cared_for", "Pat"), ("routines", "Lunch at noon sharp"), ("medication", "Metformin")],
        )
        .typed("Lunch at noon sharp"),
        change(
            "/api/emergency/look-up",
            RESPONDER,
            "/responder",
            &[("code", &h.card), ("reason", "other"), ("note", "Neighbour rang at 9pm")],
        )
        .typed("Neighbour rang at 9pm"),
        change("/api/emergency/new-card", SAM, "/emergency/card", &[]),
        read("/api/emergency/look-up/result", RESPONDER, &[("id", id(h.lookup))]),
        read("/api/emergency/carers-plans", PAT, &[("person", id(h.pat))]),
        // Family and helpers.
        read("/api/family/mine", SAM, &[]),
        read("/api/family/acting-for", ROBIN, &[]),
        read("/api/people/linked", SAM, &[]),
        read("/api/people/workers", SAM, &[]),
        read("/api/people/summary", ALEX, &[("person_id", id(h.sam))]),
        change("/api/family/invite-cared-for", SAM, "/family/invite-cared-for", &[("share_plan", "yes")]),
        change(
            "/api/family/invite-helper",
            SAM,
            "/family/invite-helper",
            &[("name", "Nadia Friend"), ("email", "nadia@example.org"), ("scope", "view")],
        )
        .typed("Nadia Friend"),
        change("/api/family/withdraw", SAM, "/family", &[("id", &id(h.invitation))]),
        change(
            "/api/family/answer",
            PAT,
            format!("/invitations?code={}", h.care_code),
            &[("code", &h.care_code), ("answer", "accept"), ("share_reviews", "yes")],
        ),
        change("/api/family/shares", SAM, "/family", &[("person", &id(h.pat)), ("share_plan", "yes")]),
        change("/api/family/remove-helper", PAT, "/family", &[("helper", &id(h.robin))]),
        change("/api/family/unlink", SAM, "/family", &[("person", &id(h.pat))]),
        // Staff.
        read("/api/staff/audit-log", ADMIN, &[]),
        read("/api/mail/undelivered", ADMIN, &[]),
        change("/api/mail/send-again", ADMIN, "/staff/mail", &[("id", &id(h.undelivered))]),
        read("/api/staff/users", ADMIN, &[]),
        read("/api/staff/users/one", ADMIN, &[("id", id(h.leaver))]),
        // A record Alex started for Dana, who has no email; Sam confirms a version Alex filled in.
        change("/api/assisted/start", ALEX, "/staff/assisted", &[("name", "Dana Phone")]).typed("Dana Phone"),
        read("/api/assisted/letter", ALEX, &[("person_id", id(h.assisted))]),
        change(
            "/api/assisted/new-code",
            ALEX,
            format!("/staff/assisted/{}/letter", h.assisted),
            &[("person_id", &id(h.assisted))],
        ),
        change(
            "/api/assisted/fill-in",
            ALEX,
            format!("/staff/assisted/{}/letter", h.assisted),
            &[("person_id", &id(h.assisted))],
        ),
        change("/api/assisted/stop", ALEX, "/assessment", &[]),
        change(
            "/api/assisted/take-over",
            NOBODY,
            "/take-over",
            &[("code", &h.assisted_code), ("email", "dana@example.org"), ("password", "a long enough password")],
        )
        .typed("dana@example.org"),
        change("/api/assessment/confirm", SAM, "/assessment", &[("version_id", &id(h.sam_filled_in))]),
        change(
            "/api/staff/users/reset-two-factor",
            ADMIN,
            format!("/staff/users/{}", h.leaver),
            &[("id", &id(h.leaver))],
        ),
        change(
            "/api/staff/users/switch",
            ADMIN,
            format!("/staff/users/{}", h.leaver),
            &[("id", &id(h.leaver)), ("switch", "off")],
        ),
        change(
            "/api/staff/users/add",
            ADMIN,
            "/staff/users",
            &[("name", "Priya Practitioner"), ("email", "priya@council.example"), ("role", "practitioner")],
        )
        .typed("Priya Practitioner"),
        change(
            "/api/support/save",
            ADMIN,
            "/staff/support/new",
            &[
                ("id", "0"),
                ("organisation", "Crossroads Care"),
                ("name", "Evening sitting service"),
                ("description", "Someone sits with the person you care for so you can have a break."),
                ("category", "breaks"),
                ("url", "https://example.org/sitting"),
                ("area", "Lincoln"),
                ("eligibility", "Carers in Lincoln"),
            ],
        )
        .typed("Evening sitting service"),
        change(
            "/api/support/retire",
            ADMIN,
            format!("/staff/support/{}", h.service),
            &[("id", &id(h.service)), ("retire", "yes")],
        ),
    ]);
    all.extend(messages(h));
    all.extend(teams(h));
    all.extend(advocacy(h));
    all.extend(approvals(h));
    all.extend([
        // Data rights: the erasure is of Kim, whom no case after it needs.
        read("/api/people/data", ADMIN, &[("person_id", id(h.sam))]),
        read("/api/people/data/find", ADMIN, &[("email", "kim@example.org".to_owned())]),
        change(
            "/api/people/data/erase",
            ADMIN,
            format!("/people/{}/data", h.kim),
            &[("person_id", &id(h.kim)), ("confirm_name", "Someone"), ("reason", "Asked for it in writing on 1 May")],
        )
        .typed("Asked for it in writing on 1 May"),
        // Last: it ends the session it is sent in.
        change("/api/account/sign-out", JO, "/home", &[]),
    ]);
    all
}

//! One case per server function: who calls it, from which page, with what a person would type.
//! The demo household (`server::demo`) and a few records made here give every id a case needs.
use app::domain::assessment::Answers;
use app::domain::plan::PlanSection;
use chrono::Utc;

use crate::helpers::faults::{browser, get, post_form};
use crate::helpers::{plans, TestPortal};

const SAM: &str = "carer@example.org";
const PAT: &str = "customer@example.org";
const ROBIN: &str = "representative@example.org";
const ALEX: &str = "practitioner@example.org";
const RESPONDER: &str = "responder@example.org";
const ADMIN: &str = "admin@example.org";
/// A carer a year into the journey: a decided assessment, a signed-off plan, a budget, reviews.
const JO: &str = "jo@example.org";
const NOBODY: &str = "";

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

fn read(path: &'static str, who: &'static str, fields: &[(&'static str, String)]) -> Case {
    Case { path, who, page: "/".into(), fields: fields.to_vec(), change: false, typed: None }
}

fn change(path: &'static str, who: &'static str, page: impl Into<String>, fields: &[(&'static str, &str)]) -> Case {
    let fields = fields.iter().map(|(name, value)| (*name, value.to_string())).collect();
    Case { path, who, page: page.into(), fields, change: true, typed: None }
}

impl Case {
    fn typed(self, typed: &'static str) -> Case {
        Case { typed: Some(typed), ..self }
    }
}

/// The ids and codes the cases need.
#[derive(Default)]
pub struct Household {
    sam: i64,
    pat: i64,
    robin: i64,
    kim: i64,
    /// A practitioner the admin switches off (nobody else's case signs in as them).
    leaver: i64,
    /// A message sent from the contact page.
    message: i64,
    sam_item: i64,
    sam_plan: i64,
    sam_assessment: i64,
    pat_plan: i64,
    jo_plan: i64,
    jo_reviews: Vec<i64>,
    card: String,
    lookup: i64,
    invitation: i64,
    helper_code: String,
    care_code: String,
    reset_code: String,
    service: i64,
}

fn code_in(location: &str) -> String {
    let start = location.find("code=").expect("a code") + 5;
    location[start..start + 12].to_owned()
}

async fn scalar(portal: &TestPortal, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&portal.db).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The code in the reset link emailed (the outbox also holds the helpers' invitations).
fn reset_code(portal: &TestPortal) -> String {
    let outbox = std::fs::read_dir(portal.data.path().join("outbox")).expect("an outbox");
    let mail =
        outbox.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).find(|m| m.contains("/password-reset/"));
    let mail = mail.expect("a reset link");
    let start = mail.find("/password-reset/").unwrap() + "/password-reset/".len();
    mail[start..].split_whitespace().next().unwrap().to_owned()
}

/// Makes the records the cases act on, before any fault is switched on.
pub async fn household(portal: &TestPortal) -> Household {
    let store = &portal.store;
    let now = Utc::now();
    let (sam, pat, robin, jo) =
        (portal.user_id(SAM).await, portal.user_id(PAT).await, portal.user_id(ROBIN).await, portal.user_id(JO).await);
    let kim = portal
        .add_account("kim@example.org", app::domain::account::Role::Carer, server::testing::demo::DEMO_PASSWORD)
        .await;
    let sent =
        app::domain::contact::ContactMessage::new("Sam", "sam@example.org", "Who do I ask about respite?").unwrap();
    let message = store.add_contact_message(&sent, app::kit::i18n::Locale::En, now).await.unwrap().0;
    let leaver = portal
        .add_account(
            "leaver@example.org",
            app::domain::account::Role::Practitioner,
            server::testing::demo::DEMO_PASSWORD,
        )
        .await;

    let words =
        [(PlanSection::ImportantToMe, "Sam's garden".to_owned()), (PlanSection::ImportantToMe, "Sam's dog".to_owned())];
    store.add_contributions(sam, sam, &words, now).await.unwrap();
    let sam_item = store.contributions(sam).await.unwrap()[0].id;
    store.save_own_words(sam, Some("I love my garden. My dog Rex keeps me going."), now).await.unwrap();
    let sam_plan = store.send_plan(sam, &[], now).await.unwrap();
    // Something added since, so the plan can be sent again.
    store.add_contributions(sam, sam, &[(PlanSection::WantToAchieve, "A week away".to_owned())], now).await.unwrap();
    let answers = Answers::from_stored([("working".to_owned(), "Part time".to_owned())]);
    let sam_assessment = store.submit_assessment(sam, &answers, false, now).await.unwrap();
    store.submit_assessment(kim, &answers, false, now).await.unwrap();
    store.add_contributions(pat, pat, &[(PlanSection::ImportantToMe, "Pat's budgie".to_owned())], now).await.unwrap();
    let pat_plan = store.send_plan(pat, &[], now).await.unwrap();
    portal.sign_in(ALEX, server::testing::demo::DEMO_PASSWORD).await;
    plans::sign_off(portal, pat_plan).await;
    portal.sign_out().await;

    let jo_plan = scalar(portal, &format!("SELECT MAX(id) FROM plan_versions WHERE person_id = {jo}")).await;
    let jo_reviews: Vec<i64> =
        sqlx::query_scalar(&format!("SELECT id FROM reviews WHERE person_id = {jo} AND done_at IS NULL ORDER BY id"))
            .fetch_all(&portal.db)
            .await
            .unwrap();

    // Jo's second review arranged, so its outcome can be recorded.
    let as_alex = browser(portal, ALEX).await;
    let on = (now + chrono::Duration::days(10)).date_naive();
    let arranged = [
        ("id", jo_reviews[1].to_string()),
        ("arranged-day", on.format("%-d").to_string()),
        ("arranged-month", on.format("%-m").to_string()),
        ("arranged-year", on.format("%Y").to_string()),
        ("method", "telephone".to_owned()),
    ];
    let page = format!("/staff/reviews/{}", jo_reviews[1]);
    post_form(portal, &as_alex, "/api/reviews/arrange", &page, &arranged).await;

    // Sam's emergency plan and card, looked up once by the responder.
    let as_sam = browser(portal, SAM).await;
    let plan = [
        ("cared_for", "Pat"),
        ("routines", "Up at 7"),
        ("medication", "Metformin with breakfast"),
        ("contact1_name", "Jo Neighbour"),
        ("contact1_relationship", "neighbour"),
        ("contact1_phone", "01632 960 001"),
        ("contact1_agreed", "yes"),
        ("home_access", "Key safe 4321"),
        ("confirm", "yes"),
    ];
    let plan: Vec<(&str, String)> = plan.iter().map(|(k, v)| (*k, v.to_string())).collect();
    post_form(portal, &as_sam, "/api/emergency/save", "/emergency/edit", &plan).await;
    let card = get(portal, &as_sam, "/emergency/card").await.body;
    let marker = "class=\"portal-card__code\">";
    let start = card.find(marker).expect("a card code") + marker.len();
    let card = card[start..start + 14].to_owned();
    let as_responder = browser(portal, RESPONDER).await;
    let fields = [("code", card.clone()), ("reason", "carer_unwell".to_owned())];
    let looked = post_form(portal, &as_responder, "/api/emergency/look-up", "/responder", &fields).await;
    let lookup = looked.location().unwrap().rsplit('/').next().unwrap().parse().unwrap();

    // Invitations: two helpers invited by Sam (one to withdraw, one to accept), a care link by Jo.
    let helper = |name: &str, email: &str| {
        vec![("name", name.to_owned()), ("email", email.to_owned()), ("scope", "view".to_owned())]
    };
    post_form(portal, &as_sam, "/api/family/invite-helper", "/family/invite-helper", &helper("Lou", "lou@example.org"))
        .await;
    let invitation = scalar(portal, "SELECT MAX(id) FROM invitations").await;
    let invited = post_form(
        portal,
        &as_sam,
        "/api/family/invite-helper",
        "/family/invite-helper",
        &helper("Mo", "mo@example.org"),
    )
    .await;
    let helper_code = code_in(&invited.location().unwrap());
    let as_jo = browser(portal, JO).await;
    let invited = post_form(portal, &as_jo, "/api/family/invite-cared-for", "/family/invite-cared-for", &[]).await;
    let care_code = code_in(&invited.location().unwrap());

    // A reset link for Kim (whose password the reset case changes).
    let fields = [("email", "kim@example.org".to_owned())];
    post_form(portal, &portal.another_browser(), "/api/account/forgotten-password", "/password-reset", &fields).await;
    let reset_code = reset_code(portal);
    let service = scalar(portal, "SELECT MIN(id) FROM support_services").await;
    Household {
        sam,
        pat,
        robin,
        kim,
        leaver,
        message,
        sam_item,
        sam_plan,
        sam_assessment,
        pat_plan,
        jo_plan,
        jo_reviews,
        card,
        lookup,
        invitation,
        helper_code,
        care_code,
        reset_code,
        service,
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
    vec![
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
        read("/api/support/search", NOBODY, &[("q", "carers".into()), ("category", String::new())]),
        read("/api/support/all", ADMIN, &[]),
        read("/api/support/service", ADMIN, &[("id", id(h.service))]),
        read("/api/family/invitation", PAT, &[("code", h.care_code.clone())]),
        change(
            "/api/family/helper-account",
            NOBODY,
            format!("/invitations?code={}", h.helper_code),
            &[
                ("code", &h.helper_code),
                ("name", "Mo Helper"),
                ("email", "mo@example.org"),
                ("password", "a long enough password"),
            ],
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
        read("/api/staff/users", ADMIN, &[]),
        read("/api/staff/users/one", ADMIN, &[("id", id(h.leaver))]),
        read("/api/contact/inbox", ALEX, &[]),
        read("/api/contact/message", ALEX, &[("id", id(h.message))]),
        change("/api/contact/done", ALEX, format!("/staff/messages/{}", h.message), &[("id", &id(h.message))]),
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
    ]
}

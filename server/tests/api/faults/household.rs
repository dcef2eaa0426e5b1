//! The records the fault cases act on: the demo household (`server::demo`) and a few records
//! made here, so that every id a case needs exists before any fault is switched on.
use app::domain::assessment::Answers;
use app::domain::plan::PlanSection;
use chrono::Utc;

use crate::helpers::faults::{browser, get, post_form};
use crate::helpers::{new_account, plans, TestPortal};

pub(super) const SAM: &str = "carer@example.org";
pub(super) const PAT: &str = "customer@example.org";
pub(super) const ROBIN: &str = "representative@example.org";
pub(super) const ALEX: &str = "practitioner@example.org";
pub(super) const RESPONDER: &str = "responder@example.org";
pub(super) const ADMIN: &str = "admin@example.org";
/// Manages both demo teams: allocates their intake.
pub(super) const MORGAN: &str = "manager@example.org";
/// A carer a year into the journey: a decided assessment, a signed-off plan, a budget, reviews.
pub(super) const JO: &str = "jo@example.org";
pub(super) const NOBODY: &str = "";

/// The ids and codes the cases need.
#[derive(Default)]
pub struct Household {
    pub(super) sam: i64,
    pub(super) pat: i64,
    pub(super) robin: i64,
    pub(super) kim: i64,
    /// A practitioner the admin switches off (nobody else's case signs in as them).
    pub(super) leaver: i64,
    pub(super) alex: i64,
    /// A carer who has registered and waits in intake for a worker.
    pub(super) wren: i64,
    /// A carer Alex started a record for, waiting to take it over with `assisted_code`.
    pub(super) assisted: i64,
    pub(super) assisted_code: String,
    /// A version of Sam's assessment Alex filled in with them, for Sam to confirm.
    pub(super) sam_filled_in: i64,
    /// The demo team that receives carers' intake.
    pub(super) team: i64,
    /// A message sent from the contact page, signed out (linked to nobody).
    pub(super) message: i64,
    /// A message Sam sent signed in.
    pub(super) sam_message: i64,
    pub(super) sam_item: i64,
    pub(super) sam_plan: i64,
    pub(super) sam_assessment: i64,
    pub(super) pat_plan: i64,
    pub(super) jo_plan: i64,
    pub(super) jo_reviews: Vec<i64>,
    pub(super) card: String,
    pub(super) lookup: i64,
    pub(super) invitation: i64,
    pub(super) helper_code: String,
    pub(super) care_code: String,
    pub(super) reset_code: String,
    pub(super) registration_code: String,
    /// An email the portal gave up on, for an admin to send again.
    pub(super) undelivered: i64,
    pub(super) service: i64,
    pub(super) two_factor: super::two_factor_cases::TwoFactorCase,
    /// An admin whose account another admin asked to switch off, waiting for a second admin.
    pub(super) approval_subject: i64,
}

fn code_in(location: &str) -> String {
    let start = location.find("code=").expect("a code") + 5;
    location[start..start + 12].to_owned()
}

async fn scalar(portal: &TestPortal, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&portal.db).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
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
    let wren = portal
        .add_account("wren@example.org", app::domain::account::Role::Carer, server::testing::demo::DEMO_PASSWORD)
        .await;
    let alex = portal.user_id(ALEX).await;
    let team = scalar(portal, "SELECT id FROM teams WHERE covers = 'carers'").await;
    let dana = app::backend::ports::NewAccount {
        display_name: "Dana Phone",
        created_by: Some(alex),
        ..new_account("no-email-x@invalid", app::domain::account::Role::Carer, app::backend::ports::NO_PASSWORD_YET)
    };
    let assisted = store.create_account(dana, now).await.unwrap();
    store.allocate(assisted, alex, alex, None, now).await.unwrap();
    let assisted_code = app::domain::emergency::CardCode::from_random([9; 8]);
    let digest = portal.services.digests.digest(assisted_code.as_str());
    store.create_password_reset(&digest, assisted, now, now + chrono::Duration::days(90)).await.unwrap();
    let assisted_code = assisted_code.grouped();
    let sent =
        app::domain::contact::ContactMessage::new("Sam", "sam@example.org", "Who do I ask about respite?").unwrap();
    let message = store.add_contact_message(&sent, None, app::kit::i18n::Locale::En, now).await.unwrap().0;
    let sam_message = store.add_contact_message(&sent, Some(sam), app::kit::i18n::Locale::En, now).await.unwrap().0;
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
    let sam_filled_in = store.submit_assessment_by(sam, alex, &answers, false, now).await.unwrap();
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
    let plan = crate::helpers::emergency::CONFIRMED_PLAN;
    let plan: Vec<(&str, String)> = plan.iter().map(|(k, v)| (*k, v.to_string())).collect();
    post_form(portal, &as_sam, "/api/emergency/save", "/emergency/edit", &plan).await;
    let card = get(portal, &as_sam, "/emergency/card").await.body;
    let card = crate::helpers::emergency::card_code(&card);
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
    let reset_code = portal.emailed_link("kim@example.org", "/password-reset/").replace("/password-reset/", "");
    // A registration waiting for its emailed link.
    let fields = [
        ("role", "carer"),
        ("name", "Rowan Waiting"),
        ("email", "rowan-waiting@example.org"),
        ("password", "a long enough password"),
    ]
    .map(|(k, v)| (k, v.to_owned()));
    post_form(portal, &portal.another_browser(), "/api/account/register", "/register", &fields).await;
    let registration_code =
        portal.emailed_link("rowan-waiting@example.org", "/register/confirm/").replace("/register/confirm/", "");
    let email = app::backend::ports::Email { to: "sam@example.org".into(), subject: "Hello".into(), body: "Hi".into() };
    let undelivered = store.queue_email(&email, now, now).await.unwrap();
    store.email_failed(undelivered, "The mail relay could not be reached.", None, now).await.unwrap();
    let service = scalar(portal, "SELECT MIN(id) FROM support_services").await;
    let approval_subject = super::approval_cases::set_up(portal).await;
    // Last: its code is good only for a minute or so.
    let two_factor = super::two_factor_cases::set_up(portal).await;
    Household {
        sam,
        pat,
        robin,
        kim,
        leaver,
        alex,
        assisted,
        assisted_code,
        sam_filled_in,
        wren,
        team,
        message,
        sam_message,
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
        registration_code,
        undelivered,
        service,
        two_factor,
        approval_subject,
    }
}

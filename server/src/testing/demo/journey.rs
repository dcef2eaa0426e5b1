//! The second demo household, a year into the journey: Jo, who cares for their mum, with an
//! assessment decided, a plan signed off, a personal budget taken as a Direct Payment, some
//! spending, and reviews planned. Everything goes through the store's ports and the domain's
//! own parsers, as the portal's pages would make it, and only when Jo's account is new, so a
//! restart adds nothing twice.
use std::collections::BTreeMap;

use anyhow::{anyhow, Context};
use app::backend::ports::{NewAccount, Store, StoreError};
use app::domain::account::Role;
use app::domain::assessment::questions::find_page;
use app::domain::assessment::{Answers, Assessment, EligibilityDecision};
use app::domain::budget::{DirectPayment, PersonalBudget, Spend};
use app::domain::plan::record::{CareAndSupportPlan, StatutoryWords};
use app::domain::plan::{PlanSection, SentContribution, WrittenContribution};
use app::domain::reviews::{direct_payment_review, planned_after_sign_off, ReviewKind};
use app::features::assessment::wire::DecisionForm;
use app::kit::i18n::Locale;
use chrono::{DateTime, Duration, Utc};

pub const EMAIL: &str = "jo@example.org";
pub const NAME: &str = "Jo Carer";

/// Jo's answers, page by page, as the question pages store them.
const ANSWERS: &[(&str, &[(&str, &str)])] = &[
    ("age-band", &[("age_band", "25_64")]),
    ("work", &[("work", "part_time")]),
    ("own-health", &[("own_health", "Mostly fine, but my back has been bad since I started helping Mum in and out of the car.")]),
    ("relationship", &[("relationship", "parent")]),
    ("their-needs", &[("their_needs", "Mum has Parkinson's. She needs reminding about her tablets, help with cooking, and a lift to every appointment.")]),
    ("live-together", &[("live_together", "no")]),
    ("tasks", &[("tasks", "medication,meals,transport")]),
    ("hours", &[("hours", "20_to_34")]),
    ("caring-since", &[("caring_since", "Since Mum's diagnosis, about two years ago")]),
    ("task-medication", &[("task_medication_often", "daily"), ("task_medication_willing", "yes"), ("task_medication_able", "yes")]),
    ("task-meals", &[("task_meals_often", "daily"), ("task_meals_willing", "yes"), ("task_meals_able", "with_help")]),
    ("task-transport", &[("task_transport_often", "weekly"), ("task_transport_willing", "not_sure"), ("task_transport_able", "with_help")]),
    ("health-impact", &[("health_impact", "at_risk")]),
    ("health-details", &[("health_details", "I'm sleeping badly because I worry about Mum at night, and my back aches most days.")]),
    ("outcome-child", &[("outcome_child_achieve", "does_not_apply")]),
    ("outcome-others", &[("outcome_others_achieve", "does_not_apply")]),
    ("outcome-home", &[("outcome_home_achieve", "yes")]),
    ("outcome-nutrition", &[("outcome_nutrition_achieve", "with_help"), ("outcome_nutrition_affect", "I often skip lunch on the days I'm at Mum's.")]),
    ("outcome-relationships", &[("outcome_relationships_achieve", "with_distress"), ("outcome_relationships_affect", "I've missed most of my friends' get-togethers this year and I feel cut off.")]),
    ("outcome-work", &[("outcome_work_achieve", "with_distress"), ("outcome_work_affect", "I've dropped to three days a week at the library and I worry about losing my job.")]),
    ("outcome-facilities", &[("outcome_facilities_achieve", "yes")]),
    ("outcome-recreation", &[("outcome_recreation_achieve", "no"), ("outcome_recreation_affect", "I used to swim twice a week. I haven't been since Mum got worse.")]),
    ("working", &[("working", "Mum's neighbour pops in most afternoons, and the chemist delivers her tablets.")]),
    ("not-working", &[("not_working", "Evenings and weekends all go on Mum, and I never get a proper break.")]),
    ("want-to-achieve", &[("want_to_achieve", "A few hours a week that are mine again: swimming, seeing friends, and keeping my job.")]),
    ("emergency", &[("emergency", "If I was ill, my brother Dev could come down from Leeds for a day or two, but not longer.")]),
    ("beyond-caring", &[("beyond_caring", "I'd love to get back to the swimming club, and maybe finish my bookkeeping course.")]),
];

/// The practitioner's decision on the sent assessment, in words Jo will read.
const DECISION: [(&str, &str); 8] = [
    ("necessary_care", "yes"),
    ("necessary_care_reason", "Your mum needs help with her tablets, her meals and getting to appointments because of her Parkinson's, and she could not manage these on her own."),
    ("health_at_risk", "yes"),
    ("health_reason", "You told us you are sleeping badly and your back hurts from helping your mum, so your health is at risk if nothing changes."),
    ("outcomes_reason", "Because of caring, you cannot keep up with your friends, your work or your swimming without a lot of worry and distress."),
    ("significant_impact", "yes"),
    ("impact_reason", "Together these have a significant impact on your wellbeing, so you are eligible for support as a carer."),
    ("advice", "Carers FIRST can check you get the benefits you are entitled to, and help you make an emergency plan."),
];

/// What Jo put in their plan, in their own words.
const PLAN: [(PlanSection, &str); 5] = [
    (PlanSection::AboutMe, "I'm Jo. I look after my mum, who has Parkinson's, and I work three days a week at the library."),
    (PlanSection::ImportantToMe, "Mum staying in her own home for as long as she can. Keeping my job, and having a bit of time that's just mine."),
    (PlanSection::NotWorking, "I haven't had a proper evening off in months. I'm tired all the time and I've lost touch with my friends."),
    (PlanSection::WantToAchieve, "I'd like to get back in the pool twice a week and see my friends every other weekend, without worrying about Mum the whole time I'm out."),
    (PlanSection::Contingency, "If I can't get to Mum, her neighbour Mrs Patel has a key and will check on her. My brother Dev can come down from Leeds for a few days."),
];

/// The statutory Care and Support Plan the practitioner completes at sign-off.
const RECORD: [(&str, &str); 8] = [
    ("needs", "Jo helps their mum, who has Parkinson's, most days: tablets, meals and lifts to appointments. Jo is sleeping badly, has back pain and has lost time for friends, work and swimming."),
    ("eligibility", "Eligible as a carer: the care is necessary, Jo's health is at risk, and they cannot achieve three outcomes (relationships, work, recreation) without significant distress."),
    ("needs_met", "A Direct Payment of £100 a month, so Jo has regular time for themselves: swimming, seeing friends and keeping their job."),
    ("outcomes", "To swim twice a week, see friends every other weekend and keep working three days a week, knowing Mum is safe."),
    ("advice", "Carers FIRST for a benefits check and peer support; the GP about Jo's back; the local Parkinson's UK group for Mum."),
    ("direct_payment", "£100 a month from the start date, for breaks and activities that support Jo's own wellbeing."),
    ("carer", "Jo is willing to keep helping with Mum's tablets and meals, but is not sure about every hospital trip: a review of Mum's own support is suggested."),
    ("contingency", "Emergency plan with the Carers Emergency Response Service. Mrs Patel next door holds a key; Jo's brother Dev can stay for a few days."),
];

/// The personal budget set for the signed-off plan (the start date is added).
const BUDGET: [(&str, &str); 7] = [
    ("indicative", "1200"),
    ("amount", "1200"),
    ("period", "year"),
    ("taken_as", "direct_payment"),
    ("dp_amount", "100"),
    ("dp_frequency", "monthly"),
    (
        "dp_purpose",
        "Regular breaks and activities for Jo's own wellbeing: swimming, seeing friends, keeping their job.",
    ),
];

/// Spending from the Direct Payment: days ago, amount, what for, the outcome it helps with.
const SPENDS: [(i64, &str, &str, &str); 4] = [
    (24, "32.00", "A month's swimming pass at the leisure centre", "recreation"),
    (17, "23.40", "Train ticket to spend the day with my friend in York", "relationships"),
    (10, "24.99", "A slow cooker, so I can make meals ahead for Mum and me", "nutrition"),
    (3, "15.00", "A headset so I can join work calls from Mum's", "work"),
];

/// Creates Jo's account and, when it is new, their year of records.
pub async fn load(
    store: &dyn Store,
    password_hash: &str,
    practitioner: i64,
    manager: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let account = NewAccount {
        email: EMAIL,
        display_name: NAME,
        role: Role::Carer,
        password_hash,
        locale: Locale::En,
        created_by: None,
        postcode: None,
    };
    let alex = match store.create_account(account, now - Duration::weeks(20)).await {
        Ok(id) => id,
        // Loaded on an earlier start, records and all.
        Err(StoreError::Conflict) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    // Jo registered, sent their assessment, and the team manager allocated them to Alex.
    store.allocate(alex, practitioner, manager, None, now - Duration::weeks(18)).await?;
    assessment(store, alex, practitioner, now).await.context("Jo's assessment")?;
    let signed_off = now - Duration::weeks(5);
    let plan = plan(store, alex, practitioner, now, signed_off).await.context("Jo's plan")?;
    budget(store, alex, practitioner, plan, now, signed_off + Duration::days(2)).await.context("Jo's budget")?;
    message(store, alex, practitioner, now).await.context("Jo's message")
}

/// A question Jo sent signed in, the practitioner's reply and Jo's answer, waiting for the council.
async fn message(store: &dyn Store, jo: i64, practitioner: i64, now: DateTime<Utc>) -> anyhow::Result<()> {
    use app::domain::contact::{ContactMessage, Side};
    let question = ContactMessage::new(
        "",
        "",
        "Can my Direct Payment pay for a few hours of sitting so I can go to my daughter's school play?",
    )
    .map_err(|p| anyhow::anyhow!("{p:?}"))?;
    let sent = now - Duration::days(3);
    let id = store.add_contact_message(&question, Some(jo), Locale::En, sent).await?.0;
    let reply = "Yes: a sitting service that meets your outcome of a life of your own is a fair use. \
                 Keep the receipt and record it as spending from your Direct Payment.";
    store.add_contact_reply(id, practitioner, Side::Council, reply, sent + Duration::days(1)).await?;
    let answer = "Thank you. Can it be someone Mum already knows?";
    store.add_contact_reply(id, jo, Side::Person, answer, now - Duration::hours(5)).await?;
    Ok(())
}

/// Answers saved page by page, sent, and decided eligible.
async fn assessment(store: &dyn Store, alex: i64, practitioner: i64, now: DateTime<Utc>) -> anyhow::Result<()> {
    let started = now - Duration::weeks(19);
    let mut so_far = Answers::new();
    for (at, (id, given)) in (0..).map(|minutes| started + Duration::minutes(minutes)).zip(ANSWERS) {
        // The task pages exist once the tasks are chosen, so pages are found as the carer meets them.
        let page = find_page(id, &so_far).ok_or_else(|| anyhow!("no assessment page {id}"))?;
        let saved = Answers::from_stored(given.iter().map(|(q, a)| (q.to_string(), a.to_string())));
        let answers = page.read(&page.form_values(&saved)).map_err(|p| anyhow!("page {id}: {p:?}"))?;
        store.save_page(alex, &answers, at).await?;
        so_far.apply(&answers);
    }
    let draft = store.draft(alex).await?;
    let record = Assessment::from_answers(&draft.answers);
    let version =
        store.submit_assessment(alex, &draft.answers, record.is_under_18(), now - Duration::weeks(18)).await?;
    let mut fields = form(DECISION);
    // The outcomes ticked are the ones Jo said they cannot achieve.
    fields.extend(
        record.outcomes_not_achieved().into_iter().map(|o| (format!("outcomes-{}", o.code()), "yes".to_owned())),
    );
    let form: DecisionForm = serde_json::from_value(serde_json::to_value(&fields)?)?;
    let decision = EligibilityDecision::try_from(form).map_err(|p| anyhow!("the decision: {p:?}"))?;
    anyhow::ensure!(decision.eligible(), "Jo should be eligible");
    store.record_decision(version, practitioner, &decision, now - Duration::weeks(16)).await?;
    Ok(())
}

/// Their words in five sections, sent, and signed off with the reviews sign-off plans.
/// Returns the plan version's id.
async fn plan(
    store: &dyn Store,
    alex: i64,
    practitioner: i64,
    now: DateTime<Utc>,
    signed_off: DateTime<Utc>,
) -> anyhow::Result<i64> {
    let items = PLAN
        .iter()
        .map(|(section, words)| {
            WrittenContribution::parse(section.code(), words).map(|w| (w.section, w.text.into_inner()))
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|p| anyhow!("the plan's words: {p:?}"))?;
    store.add_contributions(alex, alex, &items, now - Duration::weeks(12)).await?;
    // As the send server function freezes them.
    let sent: Vec<SentContribution> =
        store.contributions(alex).await?.into_iter().map(SentContribution::from).collect();
    let id = store.send_plan(alex, &sent, now - Duration::weeks(7)).await?;
    let today = signed_off.date_naive();
    let reviews = planned_after_sign_off(today);
    // The anticipated review is the first planned one, 6 to 8 weeks after sign-off.
    let first =
        reviews.iter().find(|r| r.kind == ReviewKind::First).ok_or_else(|| anyhow!("no first review planned"))?;
    let words: StatutoryWords = RECORD.into_iter().collect();
    let record =
        CareAndSupportPlan::new(words, Ok(first.due_by), today).map_err(|p| anyhow!("the plan record: {p:?}"))?;
    store.sign_off_plan(id, practitioner, &record, &reviews, signed_off).await?;
    Ok(id)
}

/// The budget with its Direct Payment (and its review), and four spends since it started.
async fn budget(
    store: &dyn Store,
    alex: i64,
    practitioner: i64,
    plan: i64,
    now: DateTime<Utc>,
    set_at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let [indicative, amount, period, taken_as, dp_amount, dp_frequency, dp_purpose] = BUDGET.map(|(_, value)| value);
    let direct_payment = DirectPayment::new(dp_amount, dp_frequency, Ok(set_at.date_naive()), dp_purpose);
    let budget = PersonalBudget::new(indicative, amount, period, taken_as, direct_payment)
        .map_err(|p| anyhow!("the budget: {p:?}"))?;
    let review = budget.direct_payment.as_ref().map(|dp| direct_payment_review(dp.starts_on));
    let id = store.set_budget(plan, alex, practitioner, &budget, review.as_ref(), set_at).await?;
    for (days_ago, amount, what_for, outcome) in SPENDS {
        let at = now - Duration::days(days_ago);
        let spend = Spend::new(Ok(at.date_naive()), amount, what_for, outcome, now.date_naive())
            .map_err(|p| anyhow!("spending on {what_for:?}: {p:?}"))?;
        store.record_spend(id, alex, alex, &spend, at).await?;
    }
    Ok(())
}

fn form<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> BTreeMap<String, String> {
    pairs.into_iter().map(|(name, value)| (name.to_owned(), value.to_owned())).collect()
}

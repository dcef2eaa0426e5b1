//! The notice in the cared-for person's plan that their carer has an emergency plan.
use leptos::prelude::*;

use super::words;
use crate::domain::emergency::Freshness;
use crate::features::emergency::api::carers_emergency_plans;
use crate::features::emergency::wire::CarerPlanNotice;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// The carers' emergency plans, highlighted in the cared-for person's Care and Support Plan as
/// the procedure asks: who has one, when it was confirmed, and whether it needs checking.
#[component]
pub fn CarersEmergencyPlans(person: i64) -> impl IntoView {
    view! {
        <Await future=carers_emergency_plans(person) let:notices>
            <CarerPlanNotices notices=notices.clone().unwrap_or_default() />
        </Await>
    }
}

#[component]
pub fn CarerPlanNotices(notices: Vec<CarerPlanNotice>) -> impl IntoView {
    let locale = use_visitor().locale;
    view! {
        {notices
            .into_iter()
            .map(|notice| {
                let (tag_class, tag) = words::freshness_tag(locale, notice.freshness);
                let when = match &notice.confirmed_on {
                    Some(on) => locale.fill(Text::EmergencyNoticeConfirmed, &[("date", on)]),
                    None => locale.text(Text::EmergencyNoticeNotConfirmed).to_owned(),
                };
                let check = matches!(notice.freshness, Freshness::Overdue { .. })
                    .then(|| locale.text(Text::EmergencyNoticeCheck));
                view! {
                    <div
                        class="govuk-notification-banner"
                        role="region"
                        aria-label=locale.text(Text::EmergencyNoticeTitle)
                        data-carer-emergency-plan=""
                    >
                        <div class="govuk-notification-banner__header">
                            <h2 class="govuk-notification-banner__title">{locale.text(Text::EmergencyNoticeTitle)}</h2>
                        </div>
                        <div class="govuk-notification-banner__content">
                            <p class="govuk-body">
                                {locale.fill(Text::EmergencyNoticeBody, &[("name", &notice.carer_name)])}
                            </p>
                            <p class="govuk-body">
                                <strong class=tag_class>{tag}</strong>
                                " "
                                {when}
                                " "
                                {check}
                            </p>
                        </div>
                    </div>
                }
            })
            .collect_view()}
    }
}

//! The emergency card to print: the scheme's number and the card's code, no name or address.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::Submit;
use crate::components::layout::{load_failed, needs_sign_in, NotFound, PageTitle, SuccessBanner};
use crate::features::emergency::api::{my_emergency_plan, ReplaceCard};
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn CardPage() -> impl IntoView {
    let visitor = use_visitor();
    let replaced = use_query_map().with_untracked(|q| q.get("replaced").is_some());
    if needs_sign_in(&visitor) {
        return ().into_any();
    }
    let t = visitor.locale.translator();
    let phone = visitor.council.emergency_phone.clone();
    let flash = visitor.flash.clone();
    view! {
        <PageTitle text=t(Text::EmergencyCardTitle) />
        {replaced.then(|| view! { <SuccessBanner message=t(Text::EmergencyCardReplaced) /> })}
        <a href="/emergency" class="govuk-back-link portal-no-print">
            {t(Text::EmergencyBack)}
        </a>
        <h1 class="govuk-heading-l portal-no-print">{t(Text::EmergencyCardTitle)}</h1>
        <p class="govuk-body portal-no-print">{t(Text::EmergencyCardIntro)}</p>
        <Await future=my_emergency_plan() let:plan>
            {match plan.clone().map(|plan| plan.and_then(|p| p.card)) {
                Ok(Some(code)) => {
                    let phone = phone.clone();
                    view! {
                        <section class="portal-card" aria-labelledby="card-title">
                            <h2 class="portal-card__title" id="card-title">
                                {t(Text::EmergencyCardHeading)}
                            </h2>
                            <p class="portal-card__line">{t(Text::EmergencyCardCall)}</p>
                            <p class="portal-card__phone">
                                <a class="govuk-link" href=format!("tel:{}", phone.replace(' ', ""))>
                                    {phone.clone()}
                                </a>
                            </p>
                            <p class="portal-card__line">{t(Text::EmergencyCardGiveCode)}</p>
                            <p class="portal-card__code" data-card-code="">
                                {code}
                            </p>
                        </section>
                        <div class="govuk-button-group portal-no-print">
                            <a class="govuk-button" href="/emergency/card.pdf" download="">
                                {t(Text::EmergencyCardPdf)}
                            </a>
                        </div>
                        <p class="govuk-body portal-no-print">{t(Text::EmergencyCardPrintHint)}</p>
                        <div class="portal-no-print">
                            <h2 class="govuk-heading-m">{t(Text::EmergencyCardLostHeading)}</h2>
                            <p class="govuk-body">{t(Text::EmergencyCardLostBody)}</p>
                            <PostForm action=ReplaceCard::PATH refused=flash.clone()>
                                <Submit text=Text::EmergencyCardLostButton warning=true />
                            </PostForm>
                        </div>
                    }
                        .into_any()
                }
                Ok(None) => NotFound().into_any(),
                Err(error) => load_failed(error),
            }}
        </Await>
    }
    .into_any()
}

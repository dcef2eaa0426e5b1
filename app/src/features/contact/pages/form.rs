//! The contact page: the council's phone and email, and a message form.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Submit, TextArea};
use crate::components::layout::{PageTitle, WarningText};
use crate::components::patterns::{EmailField, NameField};
use crate::domain::contact::ContactMessage;
use crate::features::contact::api::SendContactMessage;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn ContactPage() -> impl IntoView {
    let visitor = use_visitor();
    let council = visitor.council.clone();
    let state = FormState::for_action(SendContactMessage::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let t = move |text| visitor.t(text).to_owned();
    view! {
        <PageTitle text=t(Text::ContactTitle) has_errors=state.has_errors() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary state=state.clone() order=&["name", "email", "message"] />
                <h1 class="govuk-heading-l">{t(Text::ContactTitle)}</h1>
                <WarningText text=t(Text::ContactEmergency) />
                <h2 class="govuk-heading-m">{t(Text::ContactPhoneHeading)}</h2>
                <p class="govuk-body">
                    <a class="govuk-link" href=format!("tel:{}", council.phone.replace(' ', ""))>
                        {council.phone.clone()}
                    </a>
                </p>
                <p class="govuk-body">{t(Text::ContactHours)}</p>
                <h2 class="govuk-heading-m">{t(Text::ContactEmailHeading)}</h2>
                <p class="govuk-body">
                    <a class="govuk-link" href=format!("mailto:{}", council.email)>
                        {council.email.clone()}
                    </a>
                </p>
                <h2 class="govuk-heading-m">{t(Text::ContactFormHeading)}</h2>
                <p class="govuk-body">{t(Text::ContactFormIntro)}</p>
                <PostForm action=SendContactMessage::PATH state=state.clone()>
                    <NameField label=t(Text::ContactNameLabel) />
                    <EmailField label=t(Text::ContactEmailLabel) hint=t(Text::ContactEmailHint) />
                    <TextArea
                        name="message"
                        label=t(Text::ContactMessageLabel)
                        hint=t(Text::ContactMessageHint)
                        max_chars=ContactMessage::MESSAGE_MAX
                        rows=8
                    />
                    <Submit text=Text::ContactSend />
                </PostForm>
            </div>
        </div>
    }
}

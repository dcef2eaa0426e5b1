//! The carer portal's Leptos app: the page shell, the routes and the browser entry point.
#![recursion_limit = "256"]
//!
//! Pages are rendered on the server and work without JavaScript. Only `#[island]` components
//! are compiled into the browser's wasm, to keep it small for phones.
pub mod assets;
pub mod components;
pub mod domain;
pub mod error;
pub mod features;
pub mod forms;
pub mod i18n;
pub mod policy;
pub mod visitor;

#[cfg(feature = "ssr")]
pub mod ports;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod session;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::components::enhanced_form::IslandsOnPage;
use crate::components::layout::{Footer, Header, NotFound, SkipLink};
use crate::components::timeout_warning::TimeoutDialog;
use crate::features::{
    account, assessment, budget, contact, emergency, family, home, info, people, plan, reviews, staff, start, support, timeline,
};
use crate::visitor::use_visitor;

/// The HTML document around every page.
pub fn shell() -> impl IntoView {
    let visitor = use_visitor();
    let islands = IslandsOnPage::default();
    provide_context(islands.clone());
    #[cfg(feature = "ssr")]
    server::set_content_security_policy();
    // Only islands hydrate: the data the server-rendered parts read is not needed in the
    // browser, so it is not serialised into the page (islands switch this on for themselves).
    #[cfg(feature = "ssr")]
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    view! {
        <!DOCTYPE html>
        <html lang=visitor.locale.tag() class="govuk-template govuk-template--rebranded">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <meta name="theme-color" content="#00576e" />
                <link rel="stylesheet" href=assets::stylesheet_href() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <MetaTags />
            </head>
            <body class="govuk-template__body">
                <App />
                // The islands' loader, only on pages that have an island: pages without one
                // (most of them) load no script or wasm at all.
                {move || islands.any().then(|| view! { <assets::IslandScripts /> })}
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <SkipLink />
        <Header />
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
                <Router>
                    // Every page is rendered whole before it is sent: streaming fragments in
                    // later would need JavaScript to put them in place.
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=start::StartPage ssr=SsrMode::Async />
                        <Route path=path!("/accessibility") view=info::AccessibilityPage ssr=SsrMode::Async />
                        <Route path=path!("/privacy") view=info::PrivacyPage ssr=SsrMode::Async />
                        <Route path=path!("/contact") view=contact::ContactPage ssr=SsrMode::Async />
                        <Route path=path!("/contact/sent") view=contact::SentPage ssr=SsrMode::Async />
                        <Route path=path!("/sign-in") view=account::SignInPage ssr=SsrMode::Async />
                        <Route path=path!("/register") view=account::RegisterPage ssr=SsrMode::Async />
                        <Route path=path!("/password-reset") view=account::ResetRequestPage ssr=SsrMode::Async />
                        <Route path=path!("/password-reset/sent") view=account::ResetSentPage ssr=SsrMode::Async />
                        <Route path=path!("/password-reset/:code") view=account::ResetPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/home") view=home::HomePage ssr=SsrMode::Async />
                        <Route path=path!("/people/:id") view=people::PersonPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/audit") view=home::AuditPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/users") view=staff::StaffUsersPage ssr=SsrMode::Async />
                        <Route path=path!("/assessment") view=assessment::AssessmentPage ssr=SsrMode::Async />
                        <Route path=path!("/assessment/questions/:page") view=assessment::QuestionPage ssr=SsrMode::Async />
                        <Route path=path!("/assessment/check") view=assessment::CheckPage ssr=SsrMode::Async />
                        <Route path=path!("/assessment/sent") view=assessment::SentPage ssr=SsrMode::Async />
                        <Route path=path!("/assessment/versions/:version") view=assessment::CopyPage ssr=SsrMode::Async />
                        <Route path=path!("/assessment/decision") view=assessment::DecisionPage ssr=SsrMode::Async />
                        <Route path=path!("/plan") view=plan::PlanPage ssr=SsrMode::Async />
                        <Route path=path!("/plan/own-words") view=plan::OwnWordsPage ssr=SsrMode::Async />
                        <Route path=path!("/plan/own-words/sections") view=plan::ProposalsPage ssr=SsrMode::Async />
                        <Route path=path!("/plan/items/:id") view=plan::ChangeItemPage ssr=SsrMode::Async />
                        <Route path=path!("/plan/versions/:id") view=plan::PlanVersionPage ssr=SsrMode::Async />
                        <Route path=path!("/timeline") view=timeline::TimelinePage ssr=SsrMode::Async />
                        <Route path=path!("/budget") view=budget::BudgetPage ssr=SsrMode::Async />
                        <Route path=path!("/budget/letter") view=budget::BudgetLetterPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/plans/:id/budget") view=budget::SetBudgetPage ssr=SsrMode::Async />
                        <Route path=path!("/reviews") view=reviews::ReviewsPage ssr=SsrMode::Async />
                        <Route path=path!("/account/emails") view=reviews::ReviewEmailsPage ssr=SsrMode::Async />
                        <Route path=path!("/reviews/request") view=reviews::RequestReviewPage ssr=SsrMode::Async />
                        <Route path=path!("/reviews/:id") view=reviews::ReviewPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/reviews") view=reviews::StaffReviewsPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/reviews/:id") view=reviews::StaffReviewPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/plans") view=plan::SignOffQueuePage ssr=SsrMode::Async />
                        <Route path=path!("/staff/plans/:id") view=plan::SignOffPage ssr=SsrMode::Async />
                        <Route path=path!("/emergency") view=emergency::EmergencyPlanPage ssr=SsrMode::Async />
                        <Route path=path!("/emergency/edit") view=emergency::EditEmergencyPlanPage ssr=SsrMode::Async />
                        <Route path=path!("/emergency/card") view=emergency::CardPage ssr=SsrMode::Async />
                        <Route path=path!("/responder") view=emergency::ResponderPage ssr=SsrMode::Async />
                        <Route path=path!("/responder/look-ups/:id") view=emergency::LookupResultPage ssr=SsrMode::Async />
                        <Route path=path!("/family") view=family::FamilyPage ssr=SsrMode::Async />
                        <Route path=path!("/family/invite-cared-for") view=family::InviteCaredForPage ssr=SsrMode::Async />
                        <Route path=path!("/family/invite-helper") view=family::InviteHelperPage ssr=SsrMode::Async />
                        <Route path=path!("/family/invited") view=family::InvitedPage ssr=SsrMode::Async />
                        <Route path=path!("/invitations") view=family::EnterCodePage ssr=SsrMode::Async />
                        <Route path=path!("/invitations/:code") view=family::InvitationPage ssr=SsrMode::Async />
                        <Route path=path!("/support") view=support::SupportPage ssr=SsrMode::Async />
                        <Route path=path!("/support/employee-carers") view=support::EmployeeCarersPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/support") view=support::StaffSupportPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/support/new") view=support::EditServicePage ssr=SsrMode::Async />
                        <Route path=path!("/staff/support/:id") view=support::EditServicePage ssr=SsrMode::Async />
                        <Route path=path!("/staff/assessments") view=assessment::QueuePage ssr=SsrMode::Async />
                        <Route path=path!("/staff/assessments/:id") view=assessment::RecordPage ssr=SsrMode::Async />
                    </Routes>
                </Router>
            </main>
        </div>
        <Footer />
        <TimeoutDialog />
    }
}

/// The browser entry point: wakes up the islands on the page and nothing else.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}

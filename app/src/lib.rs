//! The carer portal's Leptos app: the routes, and the modules each side compiles.
#![recursion_limit = "256"]
//!
//! Pages are rendered on the server and work without JavaScript. Only `#[island]` components
//! are compiled into the browser's wasm, to keep it small for phones. The only feature gates
//! are here, on whole modules: `backend` (the server side: request context, ports, the page
//! shell) and `browser` (the wasm entry point).
#[cfg(feature = "ssr")]
pub mod backend;
#[cfg(feature = "hydrate")]
pub mod browser;
pub mod components;
pub mod domain;
pub mod error;
pub mod features;
pub mod kit;
pub mod policy;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::components::layout::{Footer, Header, NotFound, SkipLink};
use crate::components::timeout_warning::TimeoutDialog;
use crate::features::{
    account, advocacy, allocation, assessment, assisted, budget, contact, data_rights, directory, emergency, family,
    home, info, people, plan, reviews, staff, start, teams, timeline, two_factor,
};

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
                        <Route path=path!("/sign-in/code") view=two_factor::SignInCodePage ssr=SsrMode::Async />
                        <Route path=path!("/account/two-factor") view=two_factor::TwoFactorPage ssr=SsrMode::Async />
                        <Route path=path!("/register") view=account::RegisterPage ssr=SsrMode::Async />
                        <Route path=path!("/password-reset") view=account::ResetRequestPage ssr=SsrMode::Async />
                        <Route path=path!("/password-reset/sent") view=account::ResetSentPage ssr=SsrMode::Async />
                        <Route path=path!("/password-reset/:code") view=account::ResetPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/home") view=home::HomePage ssr=SsrMode::Async />
                        <Route path=path!("/people/:id") view=people::PersonPage ssr=SsrMode::Async />
                        <Route path=path!("/people/:id/data") view=data_rights::PersonDataPage ssr=SsrMode::Async />
                        <Route path=path!("/people/:id/advocacy") view=advocacy::AdvocacyPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/staff/data-requests")
                            view=data_rights::DataRequestsPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/staff/audit") view=home::AuditPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/users") view=staff::StaffUsersPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/users/:id") view=staff::StaffMemberPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/teams") view=teams::TeamsPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/teams/:id") view=teams::TeamPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/intake") view=allocation::IntakePage ssr=SsrMode::Async />
                        <Route path=path!("/staff/assisted") view=assisted::StartAssistedPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/assisted/:id/letter") view=assisted::LetterPage ssr=SsrMode::Async />
                        <Route path=path!("/take-over") view=assisted::TakeOverPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/staff/allocations/:id")
                            view=allocation::AllocationPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/staff/messages") view=contact::InboxPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/messages/:id") view=contact::MessagePage ssr=SsrMode::Async />
                        <Route path=path!("/messages") view=contact::MyMessagesPage ssr=SsrMode::Async />
                        <Route path=path!("/messages/:id") view=contact::MyMessagePage ssr=SsrMode::Async />
                        <Route path=path!("/assessment") view=assessment::AssessmentPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/assessment/questions/:page")
                            view=assessment::QuestionPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/assessment/check") view=assessment::CheckPage ssr=SsrMode::Async />
                        <Route path=path!("/assessment/sent") view=assessment::SentPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/assessment/versions/:version")
                            view=assessment::CopyPage
                            ssr=SsrMode::Async
                        />
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
                        <Route
                            path=path!("/responder/look-ups/:id")
                            view=emergency::LookupResultPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/family") view=family::FamilyPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/family/invite-cared-for")
                            view=family::InviteCaredForPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/family/invite-helper") view=family::InviteHelperPage ssr=SsrMode::Async />
                        <Route path=path!("/family/invited") view=family::InvitedPage ssr=SsrMode::Async />
                        <Route path=path!("/invitations") view=family::EnterCodePage ssr=SsrMode::Async />
                        <Route path=path!("/invitations/:code") view=family::InvitationPage ssr=SsrMode::Async />
                        <Route path=path!("/support") view=directory::SupportPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/support/employee-carers")
                            view=directory::EmployeeCarersPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/staff/support") view=directory::StaffSupportPage ssr=SsrMode::Async />
                        <Route path=path!("/staff/support/new") view=directory::EditServicePage ssr=SsrMode::Async />
                        <Route path=path!("/staff/support/:id") view=directory::EditServicePage ssr=SsrMode::Async />
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

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
    components::{Route, RouteProps, Router, Routes},
    path, ChooseView, MatchNestedRoutes, PossibleRouteMatch, SsrMode,
};

use crate::components::layout::{Footer, Header, NotFound, SkipLink};
use crate::components::timeout_warning::TimeoutDialog;
use crate::features::{
    account, advocacy, allocation, assessment, assisted, budget, contact, data_rights, directory, emergency, family,
    home, info, mail, people, plan, reviews, staff, start, teams, timeline, two_factor,
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
                    <Routes fallback=NotFound>
                        <Page path=path!("/") view=start::StartPage />
                        <Page path=path!("/accessibility") view=info::AccessibilityPage />
                        <Page path=path!("/privacy") view=info::PrivacyPage />
                        <Page path=path!("/contact") view=contact::ContactPage />
                        <Page path=path!("/contact/sent") view=contact::SentPage />
                        <Page path=path!("/sign-in") view=account::SignInPage />
                        <Page path=path!("/sign-in/code") view=two_factor::SignInCodePage />
                        <Page path=path!("/account/two-factor") view=two_factor::TwoFactorPage />
                        <Page path=path!("/register") view=account::RegisterPage />
                        <Page path=path!("/register/check-email") view=account::RegisterSentPage />
                        <Page path=path!("/register/confirm/:code") view=account::ConfirmRegistrationPage />
                        <Page path=path!("/password-reset") view=account::ResetRequestPage />
                        <Page path=path!("/password-reset/sent") view=account::ResetSentPage />
                        <Page path=path!("/password-reset/:code") view=account::ResetPasswordPage />
                        <Page path=path!("/home") view=home::HomePage />
                        <Page path=path!("/people/:id") view=people::PersonPage />
                        <Page path=path!("/people/:id/data") view=data_rights::PersonDataPage />
                        <Page path=path!("/people/:id/advocacy") view=advocacy::AdvocacyPage />
                        <Page path=path!("/staff/data-requests") view=data_rights::DataRequestsPage />
                        <Page path=path!("/staff/mail") view=mail::UndeliveredPage />
                        <Page path=path!("/staff/audit") view=home::AuditPage />
                        <Page path=path!("/staff/users") view=staff::StaffUsersPage />
                        <Page path=path!("/staff/users/:id") view=staff::StaffMemberPage />
                        <Page path=path!("/staff/teams") view=teams::TeamsPage />
                        <Page path=path!("/staff/teams/:id") view=teams::TeamPage />
                        <Page path=path!("/staff/intake") view=allocation::IntakePage />
                        <Page path=path!("/staff/assisted") view=assisted::StartAssistedPage />
                        <Page path=path!("/staff/assisted/:id/letter") view=assisted::LetterPage />
                        <Page path=path!("/take-over") view=assisted::TakeOverPage />
                        <Page path=path!("/staff/allocations/:id") view=allocation::AllocationPage />
                        <Page path=path!("/staff/messages") view=contact::InboxPage />
                        <Page path=path!("/staff/messages/:id") view=contact::MessagePage />
                        <Page path=path!("/messages") view=contact::MyMessagesPage />
                        <Page path=path!("/messages/:id") view=contact::MyMessagePage />
                        <Page path=path!("/assessment") view=assessment::AssessmentPage />
                        <Page path=path!("/assessment/questions/:page") view=assessment::QuestionPage />
                        <Page path=path!("/assessment/check") view=assessment::CheckPage />
                        <Page path=path!("/assessment/sent") view=assessment::SentPage />
                        <Page path=path!("/assessment/versions/:version") view=assessment::CopyPage />
                        <Page path=path!("/assessment/decision") view=assessment::DecisionPage />
                        <Page path=path!("/plan") view=plan::PlanPage />
                        <Page path=path!("/plan/own-words") view=plan::OwnWordsPage />
                        <Page path=path!("/plan/own-words/sections") view=plan::ProposalsPage />
                        <Page path=path!("/plan/items/:id") view=plan::ChangeItemPage />
                        <Page path=path!("/plan/versions/:id") view=plan::PlanVersionPage />
                        <Page path=path!("/timeline") view=timeline::TimelinePage />
                        <Page path=path!("/budget") view=budget::BudgetPage />
                        <Page path=path!("/budget/letter") view=budget::BudgetLetterPage />
                        <Page path=path!("/staff/plans/:id/budget") view=budget::SetBudgetPage />
                        <Page path=path!("/reviews") view=reviews::ReviewsPage />
                        <Page path=path!("/account/emails") view=reviews::ReviewEmailsPage />
                        <Page path=path!("/reviews/request") view=reviews::RequestReviewPage />
                        <Page path=path!("/reviews/:id") view=reviews::ReviewPage />
                        <Page path=path!("/staff/reviews") view=reviews::StaffReviewsPage />
                        <Page path=path!("/staff/reviews/:id") view=reviews::StaffReviewPage />
                        <Page path=path!("/staff/plans") view=plan::SignOffQueuePage />
                        <Page path=path!("/staff/plans/:id") view=plan::SignOffPage />
                        <Page path=path!("/emergency") view=emergency::EmergencyPlanPage />
                        <Page path=path!("/emergency/edit") view=emergency::EditEmergencyPlanPage />
                        <Page path=path!("/emergency/card") view=emergency::CardPage />
                        <Page path=path!("/responder") view=emergency::ResponderPage />
                        <Page path=path!("/responder/look-ups/:id") view=emergency::LookupResultPage />
                        <Page path=path!("/family") view=family::FamilyPage />
                        <Page path=path!("/family/invite-cared-for") view=family::InviteCaredForPage />
                        <Page path=path!("/family/invite-helper") view=family::InviteHelperPage />
                        <Page path=path!("/family/invited") view=family::InvitedPage />
                        <Page path=path!("/invitations") view=family::EnterCodePage />
                        <Page path=path!("/invitations/:code") view=family::InvitationPage />
                        <Page path=path!("/support") view=directory::SupportPage />
                        <Page path=path!("/support/employee-carers") view=directory::EmployeeCarersPage />
                        <Page path=path!("/staff/support") view=directory::StaffSupportPage />
                        <Page path=path!("/staff/support/new") view=directory::EditServicePage />
                        <Page path=path!("/staff/support/:id") view=directory::EditServicePage />
                        <Page path=path!("/staff/assessments") view=assessment::QueuePage />
                        <Page path=path!("/staff/assessments/:id") view=assessment::RecordPage />
                    </Routes>
                </Router>
            </main>
        </div>
        <Footer />
        <TimeoutDialog />
    }
}

/// A route to a page. Every page is rendered whole before it is sent: streaming fragments in
/// later would need JavaScript to put them in place.
#[component(transparent)]
fn Page<Segments, View>(path: Segments, view: View) -> impl MatchNestedRoutes + Clone
where
    View: ChooseView + Clone + 'static,
    Segments: PossibleRouteMatch + Clone + Send + 'static,
{
    Route(RouteProps { path, view, ssr: SsrMode::Async })
}

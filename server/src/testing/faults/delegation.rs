//! `FaultyStore`'s store traits: every store method, listed once as a read, a write or a
//! session call (see `faulty!` in `mod.rs`). A new store trait is one more block here.
use app::backend::ports::*;
use app::domain::advocacy::{AdvocacyChoice, AdvocacyRecord};
use app::domain::allocation::{Allocation, Waiting};
use app::domain::approvals::{PendingApproval, TwoAdminAction};
use app::domain::assessment::{Answers, Draft, EligibilityDecision, PageAnswers};
use app::domain::budget::{PersonalBudget, Spend};
use app::domain::contact::{ContactMessage, Reply, ReplyEmail, Side};
use app::domain::data_rights::Audience;
use app::domain::directory::ServiceEntry;
use app::domain::emergency::{CardCode, EmergencyPlanForm, LookupReason};
use app::domain::family::InvitationStatus;
use app::domain::plan::record::CareAndSupportPlan;
use app::domain::plan::{ContributionChange, PlanSection, SentContribution};
use app::domain::reviews::{Arrangement, OutcomeRecord, PlannedReview, ReviewRequest};
use app::domain::teams::{Membership, OpenAllocation, Team, TeamMember, TeamRule};
use app::kit::forms::FormFlash;
use app::kit::i18n::Locale;
use app::policy::{Record, Relations, Scope};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::{Call, FaultyStore};

type At = DateTime<Utc>;

faulty! {
    MailQueueStore {
        Write queue_email(email: &Email, at: At, claimed_until: At) -> StoreResult<i64>;
        Write claim_due_emails(now: At, claimed_until: At, limit: u32) -> StoreResult<Vec<QueuedEmail>>;
        Write email_sent(id: i64) -> StoreResult<()>;
        Write email_failed(id: i64, error: &str, retry_at: Option<At>, at: At) -> StoreResult<()>;
        Read undelivered_emails() -> StoreResult<Vec<QueuedEmail>>;
        Write send_again(id: i64, at: At) -> StoreResult<()>;
    }
    TeamStore {
        Read teams() -> StoreResult<Vec<Team>>;
        Read team(id: i64) -> StoreResult<Option<Team>>;
        Write create_team(name: &str, rule: &TeamRule, at: At) -> StoreResult<i64>;
        Write set_team_rule(team_id: i64, rule: &TeamRule) -> StoreResult<()>;
        Read team_members(team_id: i64) -> StoreResult<Vec<TeamMember>>;
        Write set_team_place(team_id: i64, user_id: i64, manages: Option<bool>, at: At) -> StoreResult<()>;
        Read membership(user_id: i64) -> StoreResult<Membership>;
    }
    AssistedStore {
        Read awaiting_take_over(user_id: i64) -> StoreResult<bool>;
        Write take_over_account(digest: &str, email: &str, password_hash: &str, now: At) -> StoreResult<Option<i64>>;
    }
    AdvocacyStore {
        Read advocacy(person_id: i64) -> StoreResult<Option<AdvocacyRecord>>;
        Write set_advocacy(person_id: i64, choice: &AdvocacyChoice, recorded_by: i64, at: At) -> StoreResult<()>;
    }
    ApprovalStore {
        Write ask_approval(action: TwoAdminAction, subject_id: i64, asked_by: i64, reason: &str, at: At) -> StoreResult<()>;
        Read pending_approval(action: TwoAdminAction, subject_id: i64) -> StoreResult<Option<PendingApproval>>;
        Write approve(id: i64, by: i64, at: At) -> StoreResult<bool>;
    }
    TwoFactorStore {
        Read two_factor(user_id: i64) -> StoreResult<Option<TwoFactor>>;
        Write start_two_factor(user_id: i64, secret: &str, codes: &[(String, String)], at: At) -> StoreResult<()>;
        Write use_code_step(user_id: i64, step: u64, at: At) -> StoreResult<bool>;
        Write use_recovery_code(user_id: i64, digest: &str, at: At) -> StoreResult<bool>;
        Write remove_two_factor(user_id: i64) -> StoreResult<()>;
        Write create_sign_in_challenge(digest: &str, challenge: &SignInChallenge) -> StoreResult<()>;
        Read find_sign_in_challenge(digest: &str) -> StoreResult<Option<SignInChallenge>>;
        Write delete_sign_in_challenge(digest: &str) -> StoreResult<()>;
    }
    AllocationStore {
        Read waiting_for_a_worker() -> StoreResult<Vec<Waiting>>;
        Read allocations_of(person_id: i64) -> StoreResult<Vec<Allocation>>;
        Read open_allocations() -> StoreResult<Vec<OpenAllocation>>;
        Write allocate(person_id: i64, practitioner_id: i64, by: i64, handover_note: Option<&str>, at: At) -> StoreResult<()>;
        Write end_allocation(person_id: i64, by: i64, at: At) -> StoreResult<()>;
    }
    DataRightsStore {
        Read export_person(user_id: i64, audience: Audience) -> StoreResult<PersonalData>;
        Write erase_person(user_id: i64, audit: &AuditEvent) -> StoreResult<Erasure>;
    }
    ContactStore {
        Write add_contact_message(message: &ContactMessage, person_id: Option<i64>, locale: Locale, received_at: At) -> StoreResult<ContactReference>;
        Read contact_messages() -> StoreResult<Vec<ReceivedMessage>>;
        Read contact_message(id: i64) -> StoreResult<Option<ReceivedMessage>>;
        Read messages_of(person_id: i64) -> StoreResult<Vec<ReceivedMessage>>;
        Read contact_replies(message_id: i64) -> StoreResult<Vec<Reply>>;
        Write add_contact_reply(message_id: i64, author_id: i64, side: Side, body: &str, at: At) -> StoreResult<i64>;
        Write set_reply_email(reply_id: i64, email: ReplyEmail) -> StoreResult<()>;
        Write link_contact_message(id: i64, person_id: i64) -> StoreResult<()>;
        Write mark_contact_done(id: i64, by: i64, at: At) -> StoreResult<()>;
    }
    SessionStore {
        Session create_session(digest: &str, user_id: Option<i64>, second_factor: bool, at: At) -> StoreResult<()>;
        Session mark_second_factor(digest: &str) -> StoreResult<()>;
        Session find_session(digest: &str) -> StoreResult<Option<SessionRecord>>;
        Session touch_session(digest: &str, at: At) -> StoreResult<()>;
        Session set_flash(digest: &str, flash: Option<&FormFlash>) -> StoreResult<()>;
        Session delete_session(digest: &str) -> StoreResult<()>;
        Session delete_sessions_of(user_id: i64) -> StoreResult<()>;
        Session delete_expired_sessions(idle_before: At, created_before: At) -> StoreResult<u64>;
    }
    AccountStore {
        Write create_account(account: NewAccount<'_>, at: At) -> StoreResult<i64>;
        Read find_account(id: i64) -> StoreResult<Option<Account>>;
        Read find_credentials(email: &str) -> StoreResult<Option<Credentials>>;
        Read find_by_council_subject(subject: &str) -> StoreResult<Option<Account>>;
        Write link_council_subject(user_id: i64, subject: &str) -> StoreResult<bool>;
        Read staff_accounts() -> StoreResult<Vec<Account>>;
        Write set_staff_disabled(user_id: i64, disabled_at: Option<At>) -> StoreResult<()>;
        Write set_password_hash(user_id: i64, hash: &str) -> StoreResult<()>;
        Read relations(user_id: i64) -> StoreResult<Relations>;
        Read workers_of(person_id: i64) -> StoreResult<Vec<String>>;
        Write link_carer(carer_id: i64, customer_id: i64, at: At) -> StoreResult<()>;
        Write add_representation(representative_id: i64, principal_id: i64, scope: Scope, at: At) -> StoreResult<()>;
        Write create_password_reset(digest: &str, user_id: i64, at: At, expires_at: At) -> StoreResult<()>;
        Write use_password_reset(digest: &str, now: At) -> StoreResult<Option<i64>>;
        Read find_by_email(email: &str) -> StoreResult<Option<Account>>;
        Write create_pending_registration(digest: &str, account: NewAccount<'_>, at: At, expires_at: At) -> StoreResult<()>;
        Write complete_registration(digest: &str, now: At) -> StoreResult<Option<i64>>;
        Session delete_expired_registrations(now: At) -> StoreResult<u64>;
    }
    AuditLog {
        Write record(event: &AuditEvent) -> StoreResult<()>;
        Read recent(limit: u32, practitioner: Option<i64>) -> StoreResult<Vec<AuditEvent>>;
    }
    AssessmentStore {
        Read draft(carer_id: i64) -> StoreResult<Draft>;
        Write save_page(carer_id: i64, answers: &PageAnswers, at: At) -> StoreResult<()>;
        Write submit_assessment_by(carer_id: i64, by: i64, answers: &Answers, under_18: bool, at: At) -> StoreResult<i64>;
        Write confirm_assessment(version_id: i64, at: At) -> StoreResult<()>;
        Read assessment_versions(carer_id: i64) -> StoreResult<Vec<SubmittedAssessment>>;
        Read assessment_version(id: i64) -> StoreResult<Option<SubmittedAssessment>>;
        Read assessment_queue() -> StoreResult<Vec<QueuedAssessment>>;
        Write record_decision(version_id: i64, practitioner_id: i64, decision: &EligibilityDecision, at: At) -> StoreResult<()>;
    }
    PlanStore {
        Read contributions(person_id: i64) -> StoreResult<Vec<Contribution>>;
        Write add_contributions(person_id: i64, added_by: i64, items: &[(PlanSection, String)], at: At) -> StoreResult<()>;
        Write add_file_contribution(person_id: i64, added_by: i64, file: NewFileContribution<'_>, at: At) -> StoreResult<i64>;
        Read find_contribution(id: i64) -> StoreResult<Option<Contribution>>;
        Write move_contribution(person_id: i64, id: i64, up: bool) -> StoreResult<()>;
        Write change_contribution(person_id: i64, id: i64, change: &ContributionChange, at: At) -> StoreResult<()>;
        Write remove_contribution(person_id: i64, id: i64, at: At) -> StoreResult<()>;
        Write send_plan(person_id: i64, contributions: &[SentContribution], at: At) -> StoreResult<i64>;
        Read plan_versions(person_id: i64) -> StoreResult<Vec<PlanVersion>>;
        Read plan_version(id: i64) -> StoreResult<Option<PlanVersion>>;
        Read plans_awaiting_sign_off() -> StoreResult<Vec<PlanVersion>>;
        Write sign_off_plan(id: i64, practitioner_id: i64, record: &CareAndSupportPlan, reviews: &[PlannedReview], at: At) -> StoreResult<()>;
        Read own_words(person_id: i64) -> StoreResult<Option<String>>;
        Write save_own_words(person_id: i64, words: Option<&str>, at: At) -> StoreResult<()>;
    }
    ReviewStore {
        Read reviews_of(person_id: i64) -> StoreResult<Vec<Review>>;
        Read review(id: i64) -> StoreResult<Option<Review>>;
        Read open_reviews() -> StoreResult<Vec<Review>>;
        Write request_review(person_id: i64, requested_by: i64, request: &ReviewRequest, at: At) -> StoreResult<i64>;
        Write arrange_review(id: i64, by: i64, arrangement: &Arrangement, at: At) -> StoreResult<()>;
        Write complete_review(id: i64, by: i64, outcome: &OutcomeRecord, at: At) -> StoreResult<()>;
        Read reviews_to_remind(by: NaiveDate) -> StoreResult<Vec<Review>>;
        Write mark_reminded(id: i64, at: At) -> StoreResult<()>;
        Read review_emails(person_id: i64) -> StoreResult<bool>;
        Write set_review_emails(person_id: i64, wanted: bool) -> StoreResult<()>;
    }
    BudgetStore {
        Write set_budget(plan_version_id: i64, person_id: i64, set_by: i64, budget: &PersonalBudget, review: Option<&PlannedReview>, at: At) -> StoreResult<i64>;
        Read current_budget(person_id: i64) -> StoreResult<Option<SetBudget>>;
        Read budget_for_plan(plan_version_id: i64) -> StoreResult<Option<SetBudget>>;
        Read spends(budget_id: i64) -> StoreResult<Vec<RecordedSpend>>;
        Write record_spend(budget_id: i64, person_id: i64, by: i64, spend: &Spend, at: At) -> StoreResult<i64>;
    }
    EmergencyStore {
        Read emergency_plan(carer_id: i64) -> StoreResult<Option<EmergencyPlan>>;
        Write save_emergency_plan(carer_id: i64, plan: &EmergencyPlanForm, new_card: &CardCode, at: At) -> StoreResult<()>;
        Write confirm_emergency_plan(carer_id: i64, at: At) -> StoreResult<()>;
        Write replace_card(carer_id: i64, code: &CardCode, at: At) -> StoreResult<()>;
        Read carer_with_card(code: &CardCode) -> StoreResult<Option<i64>>;
        Write record_lookup(carer_id: i64, responder_id: i64, reason: LookupReason, note: Option<&str>, at: At) -> StoreResult<i64>;
        Read lookup(id: i64) -> StoreResult<Option<Lookup>>;
        Read lookups_of(carer_id: i64) -> StoreResult<Vec<Lookup>>;
        Read home_access(carer_id: i64) -> StoreResult<Option<String>>;
        Read plans_to_reconfirm(confirmed_by: At) -> StoreResult<Vec<EmergencyPlan>>;
        Write mark_reconfirm_reminded(carer_id: i64, at: At) -> StoreResult<()>;
    }
    FamilyStore {
        Write create_invitation(invitation: NewInvitation<'_>, at: At) -> StoreResult<i64>;
        Read open_invitation(digest: &str, now: At) -> StoreResult<Option<Invitation>>;
        Read invitations_from(person_id: i64) -> StoreResult<Vec<Invitation>>;
        Write accept_care_link(invitation_id: i64, customer_id: i64, answered_by: i64, customer_shares: &[Record], at: At) -> StoreResult<()>;
        Write accept_helper(invitation_id: i64, helper_id: i64, at: At) -> StoreResult<()>;
        Write close_invitation(invitation_id: i64, by: i64, status: InvitationStatus, at: At) -> StoreResult<()>;
        Read shares(owner_id: i64, viewer_id: i64) -> StoreResult<Vec<Record>>;
        Write set_shares(owner_id: i64, viewer_id: i64, records: &[Record]) -> StoreResult<()>;
        Write unlink(carer_id: i64, customer_id: i64) -> StoreResult<()>;
        Read helpers_of(principal_id: i64) -> StoreResult<Vec<Helper>>;
        Write remove_helper(principal_id: i64, helper_id: i64) -> StoreResult<()>;
    }
    DirectoryStore {
        Read services(include_retired: bool) -> StoreResult<Vec<ListedService>>;
        Read service(id: i64) -> StoreResult<Option<ListedService>>;
        Write add_service(entry: &ServiceEntry, at: At) -> StoreResult<i64>;
        Write update_service(id: i64, entry: &ServiceEntry, at: At) -> StoreResult<()>;
        Write retire_service(id: i64, retired: bool, at: At) -> StoreResult<()>;
    }
}

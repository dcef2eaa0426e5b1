//! Every server function, by the kind of id it takes (none, a person's, a plan's…).

/// Server functions that act only on the signed-in person (or on nobody).
pub const WITHOUT_AN_ID: &[&str] = &[
    "/api/contact",
    "/api/account/register",
    // Names its registration only by the code emailed to the address (tests/api/registration.rs).
    "/api/account/confirm-registration",
    "/api/account/sign-in",
    // Two-factor sign-in: one's own set-up, and the code after the password, which names its
    // account only by the one-use token the password earned (tests/api/two_factor.rs).
    "/api/two-factor/status",
    "/api/two-factor/start",
    "/api/two-factor/confirm",
    "/api/account/sign-in-code",
    "/api/account/sign-out",
    "/api/account/stay-signed-in",
    "/api/account/forgotten-password",
    "/api/account/reset-password",
    "/api/people/linked",
    "/api/people/workers",
    "/api/staff/audit-log",
    "/api/mail/undelivered",
    "/api/staff/users",
    "/api/staff/users/add",
    // The staff inbox lists every contact message (practitioners and admins only).
    "/api/contact/inbox",
    // A carer's or cared-for person's own messages.
    "/api/contact/mine",
    // A carer's own assessment: the signed-in carer is the only subject.
    "/api/assessment/mine",
    "/api/assessment/answers",
    "/api/assessment/save",
    "/api/assessment/send",
    // The practitioner's queue lists only their caseload (and unallocated carers' names).
    "/api/assessment/queue",
    // A person's own plan: the signed-in carer or customer is the only subject.
    "/api/plan/mine",
    "/api/plan/add",
    "/api/plan/own-words",
    "/api/plan/own-words/proposals",
    "/api/plan/own-words/accept",
    "/api/plan/send",
    "/api/plan/versions",
    // Lists only plans of people in the practitioner's caseload.
    "/api/plan/awaiting-sign-off",
    // A person's own reviews (a representative's: those they act for), and whose they may ask for.
    "/api/reviews/mine",
    "/api/reviews/subjects",
    // Lists only reviews of people in the practitioner's caseload.
    "/api/reviews/due",
    "/api/reviews/emails",
    "/api/reviews/emails/set",
    // A person's own budget and spending from it.
    "/api/budget/mine",
    "/api/budget/spend",
    // A person's own journey.
    "/api/timeline/mine",
    // A carer's own emergency plan and card.
    "/api/emergency/mine",
    "/api/emergency/save",
    "/api/emergency/new-card",
    // Responders only, by card code (tests/emergency.rs: only that plan, rate limited).
    "/api/emergency/look-up",
    // The signed-in person's own family, invitations (by code, rate limited) and helpers; the
    // person a representative accepts a link for is authorised (tests/family.rs).
    "/api/family/mine",
    "/api/family/invite-cared-for",
    "/api/family/invite-helper",
    "/api/family/invitation",
    "/api/family/answer",
    "/api/family/helper-account",
    "/api/family/acting-for",
    // The directory is public (tests/directory.rs).
    "/api/support/search",
    "/api/support/all",
    // Admins only: finds an account by email for a data rights request (tests/data_rights.rs).
    "/api/people/data/find",
    // Teams are the council's, not anyone's record: listed for staff, created by admins; the
    // intake lists only what the practitioner's teams receive (tests/api/teams.rs).
    "/api/teams/list",
    "/api/teams/create",
    "/api/allocation/intake",
    // A practitioner starts a record (a new account) or stops filling one in; a carer takes
    // theirs over by the code in their letter (rate limited: tests/api/assisted.rs).
    "/api/assisted/start",
    "/api/assisted/stop",
    "/api/assisted/take-over",
];

/// Server functions an admin handling a data rights request uses for anyone (a copy, erasure:
/// tests/data_rights.rs); for everyone else they take a person's id like those above.
pub const WITH_A_PERSON_ID_EXCEPT_FOR_ADMINS: &[(&str, &str)] =
    &[("/api/people/data", "person_id"), ("/api/people/data/erase", "person_id")];

/// Server functions with which an admin manages a staff account by its id; nobody else may.
pub const WITH_A_STAFF_ID_FOR_ADMINS: &[(&str, &str)] = &[
    ("/api/staff/users/one", "id"),
    ("/api/staff/users/switch", "id"),
    ("/api/staff/users/reset-two-factor", "id"),
    // A second admin approving what another admin asked about an admin's account
    // (tests/api/second_admin.rs: never the one who asked, nor the one it is about).
    ("/api/approvals/approve", "subject_id"),
];

/// Server functions that take the id of a contact message (staff who read the inbox; tests/api/
/// contact.rs checks who may); and the person's own ones, for the person they are linked to.
pub const WITH_A_MESSAGE_ID: &[(&str, &str)] = &[
    ("/api/contact/message", "id"),
    ("/api/contact/done", "id"),
    ("/api/contact/reply", "id"),
    ("/api/contact/link", "id"),
    ("/api/contact/my-message", "id"),
    ("/api/contact/answer", "id"),
];

/// The result of an emergency look-up, by its id: only for the responder who made it, for two
/// hours (tried by every other account in `access::only_the_responder_who_looked_up_opens_it`).
pub const WITH_A_LOOKUP_ID: &[(&str, &str)] = &[("/api/emergency/look-up/result", "id")];

/// Server functions that take a person's id, and the field that carries it.
pub const WITH_A_PERSON_ID: &[(&str, &str)] = &[
    ("/api/people/summary", "person_id"),
    ("/api/assessment/allocate", "carer_id"),
    ("/api/reviews/request", "person"),
    ("/api/emergency/carers-plans", "person"),
    ("/api/family/shares", "person"),
    ("/api/family/unlink", "person"),
    ("/api/family/remove-helper", "helper"),
    ("/api/allocation/person", "person_id"),
    ("/api/allocation/allocate", "person_id"),
    ("/api/allocation/take", "person_id"),
    ("/api/allocation/end", "person_id"),
    ("/api/assisted/letter", "person_id"),
    ("/api/assisted/new-code", "person_id"),
    ("/api/assisted/fill-in", "person_id"),
    // A practitioner's record of independent advocacy for someone in their caseload.
    ("/api/advocacy/of", "person_id"),
    ("/api/advocacy/record", "person_id"),
];

/// Server functions that take a team's id: its workload for staff, its members for admins
/// (tests/api/teams.rs checks who may).
pub const WITH_A_TEAM_ID: &[(&str, &str)] =
    &[("/api/teams/one", "id"), ("/api/teams/place", "id"), ("/api/teams/rule", "id")];

/// Server functions that take the id of something in a person's plan.
pub const WITH_A_CONTRIBUTION_ID: &[(&str, &str)] =
    &[("/api/plan/move", "id"), ("/api/plan/remove", "id"), ("/api/plan/change", "id")];

/// Server functions that take the id of a plan version.
pub const WITH_A_PLAN_ID: &[(&str, &str)] = &[
    ("/api/plan/version", "id"),
    ("/api/plan/sign-off", "id"),
    ("/api/budget/for-plan", "id"),
    ("/api/budget/set", "id"),
];

/// Server functions that take the id of a review.
pub const WITH_A_REVIEW_ID: &[(&str, &str)] =
    &[("/api/reviews/review", "id"), ("/api/reviews/arrange", "id"), ("/api/reviews/outcome", "id")];

/// Server functions that take the id of a sent assessment, and the field that carries it.
pub const WITH_AN_ASSESSMENT_ID: &[(&str, &str)] = &[
    ("/api/assessment/record", "version_id"),
    ("/api/assessment/decide", "version_id"),
    ("/api/assessment/confirm", "version_id"),
];

/// Server functions that take the id of an invitation: only the person who sent it may
/// withdraw it.
pub const WITH_AN_INVITATION_ID: &[(&str, &str)] = &[("/api/family/withdraw", "id")];

/// Server functions that take the id of a directory entry: the entries are public, but reading
/// one to change it, changing and retiring it are for admins only.
pub const WITH_A_SERVICE_ID_FOR_ADMINS: &[(&str, &str)] =
    &[("/api/support/service", "id"), ("/api/support/save", "id"), ("/api/support/retire", "id")];

/// Emails the portal gave up on: admins only (tests/api/mail_queue.rs).
pub const WITH_AN_EMAIL_ID_FOR_ADMINS: &[(&str, &str)] = &[("/api/mail/send-again", "id")];

/// Which record's id a plain route has in its path.
#[derive(Clone, Copy, Debug)]
pub enum RouteId {
    Person,
    Assessment,
    Contribution,
    Plan,
}

/// Plain routes about the signed-in person's own records (the upload, their copy of their data,
/// their budget letter and emergency card) or public (the questionnaire, and the council's
/// sign-in, whose refusals are in tests/api/council_sign_in.rs): no id to try.
pub const ROUTES_WITHOUT_AN_ID: &[(&str, &str)] = &[
    ("GET", "/auth/council"),
    ("GET", "/auth/council/callback"),
    ("POST", "/plan/upload"),
    ("GET", "/fhir/Questionnaire/carers-assessment"),
    ("GET", "/account/my-data"),
    ("GET", "/budget/letter.pdf"),
    ("GET", "/emergency/card.pdf"),
];

/// Plain routes with a record's id in their path: tried for every account on every other
/// household's records.
pub const ROUTES_WITH_AN_ID: &[(&str, &str, RouteId)] = &[
    ("GET", "/plan/files/{id}/{variant}", RouteId::Contribution),
    ("GET", "/plan/versions/{id}/copy.pdf", RouteId::Plan),
    ("GET", "/staff/plans/{id}/fhir", RouteId::Plan),
    ("GET", "/staff/assessments/{id}/fhir", RouteId::Assessment),
    // An admin may copy anyone's data for a data rights request (tests/api/data_rights.rs).
    ("POST", "/people/{id}/data.zip", RouteId::Person),
];

//! The policy's rules, one sentence each.
use super::*;

fn actor(user_id: i64, role: Role) -> Actor {
    Actor { user_id, role }
}

#[test]
fn everyone_may_see_and_change_their_own_records() {
    for role in Role::ALL {
        assert!(actor(1, role).may_access(&Relations::default(), 1, Record::Plan, Access::Edit).allowed());
    }
}

#[test]
fn nobody_sees_a_stranger() {
    for role in Role::ALL {
        let decision = actor(1, role).may_access(&Relations::default(), 2, Record::Profile, Access::View);
        assert!(!decision.allowed(), "{role:?}");
        assert!(!actor(1, role).may_access(&Relations::default(), 2, Record::Plan, Access::Edit).allowed(), "{role:?}");
    }
}

#[test]
fn a_practitioner_works_only_on_their_caseload() {
    let relations = Relations { caseload: vec![7], ..Relations::default() };
    let practitioner = actor(1, Role::Practitioner);
    assert_eq!(
        practitioner.may_access(&relations, 7, Record::Plan, Access::Edit),
        Decision::Allowed { basis: Basis::Caseload }
    );
    assert_eq!(practitioner.may_access(&relations, 8, Record::Plan, Access::View), Decision::Denied);
}

#[test]
fn a_trusted_assessor_sees_the_profile_and_assessment_of_records_they_started_only() {
    let relations = Relations { started_for: vec![7], ..Relations::default() };
    let assessor = actor(1, Role::TrustedAssessor);
    assert_eq!(
        assessor.may_access(&relations, 7, Record::Assessment, Access::Edit),
        Decision::Allowed { basis: Basis::StartedRecord }
    );
    assert!(assessor.may_access(&relations, 7, Record::Profile, Access::View).allowed());
    for record in [Record::Plan, Record::Budget, Record::Reviews, Record::EmergencyPlan] {
        assert!(!assessor.may_access(&relations, 7, record, Access::View).allowed(), "{record:?}");
    }
    assert!(!assessor.may_access(&relations, 8, Record::Assessment, Access::View).allowed());
    assert!(!assessor.may_export_data(&relations, 7).allowed());
    assert!(assessor.may(Capability::StartAssistedRecords));
    for capability in [Capability::ViewCaseload, Capability::SeeIntake, Capability::ReadMessages] {
        assert!(!assessor.may(capability), "{capability:?}");
    }
    // Only trusted assessors act on records they started: a carer who started nothing.
    assert!(!actor(1, Role::Carer).may_access(&relations, 7, Record::Assessment, Access::View).allowed());
}

#[test]
fn a_representative_acts_within_their_scope() {
    let relations = Relations { represents: vec![(5, Scope::View), (6, Scope::Edit)], ..Relations::default() };
    let representative = actor(1, Role::Representative);
    assert!(representative.may_access(&relations, 5, Record::Plan, Access::View).allowed());
    assert!(!representative.may_access(&relations, 5, Record::Plan, Access::Edit).allowed());
    assert!(representative.may_access(&relations, 6, Record::Plan, Access::Edit).allowed());
}

#[test]
fn a_carer_sees_what_the_person_they_care_for_shares_and_changes_nothing() {
    let relations = Relations {
        cares_for: vec![3],
        shared_with_me: vec![(3, Record::Plan), (9, Record::Budget)],
        ..Relations::default()
    };
    let carer = actor(1, Role::Carer);
    assert!(carer.may_access(&relations, 3, Record::Profile, Access::View).allowed());
    assert!(carer.may_access(&relations, 3, Record::Plan, Access::View).allowed());
    assert!(!carer.may_access(&relations, 3, Record::Budget, Access::View).allowed());
    assert!(!carer.may_access(&relations, 3, Record::Plan, Access::Edit).allowed());
    // A share from someone no longer linked counts for nothing.
    assert!(!carer.may_access(&relations, 9, Record::Budget, Access::View).allowed());
}

#[test]
fn a_carers_assessment_stays_private_unless_shared() {
    let linked = Relations { cared_for_by: vec![1], ..Relations::default() };
    let customer = actor(3, Role::Customer);
    assert!(!customer.may_access(&linked, 1, Record::Assessment, Access::View).allowed());
    let shared = Relations { shared_with_me: vec![(1, Record::Assessment)], ..linked };
    assert!(customer.may_access(&shared, 1, Record::Assessment, Access::View).allowed());
}

#[test]
fn a_copy_of_someones_data_is_for_them_their_practitioner_or_an_admin() {
    let caseload = Relations { caseload: vec![7], ..Relations::default() };
    assert!(actor(7, Role::Carer).may_export_data(&Relations::default(), 7).allowed());
    assert_eq!(
        actor(1, Role::Practitioner).may_export_data(&caseload, 7),
        Decision::Allowed { basis: Basis::Caseload }
    );
    assert!(!actor(1, Role::Practitioner).may_export_data(&caseload, 8).allowed());
    assert_eq!(
        actor(1, Role::Admin).may_export_data(&Relations::default(), 8),
        Decision::Allowed { basis: Basis::DataRequest }
    );
    let family = Relations { cares_for: vec![3], shared_with_me: vec![(3, Record::Plan)], ..Relations::default() };
    assert!(
        !actor(1, Role::Carer).may_export_data(&family, 3).allowed(),
        "a carer does not get the person's whole record"
    );
    let helper = Relations { represents: vec![(3, Scope::Edit)], ..Relations::default() };
    assert!(!actor(1, Role::Representative).may_export_data(&helper, 3).allowed());
}

#[test]
fn only_an_admin_erases_and_never_their_own_account() {
    assert!(actor(1, Role::Admin).may_erase_data(2));
    assert!(!actor(1, Role::Admin).may_erase_data(1));
    for role in Role::ALL.into_iter().filter(|r| *r != Role::Admin) {
        assert!(!actor(1, role).may_erase_data(2), "{role:?}");
    }
}

#[test]
fn intake_is_seen_by_the_teams_that_cover_a_person_and_by_everyone_when_none_does() {
    let member = Membership { places: vec![(1, false)] };
    let manager = Membership { places: vec![(2, true)] };
    let practitioner = actor(1, Role::Practitioner);
    assert!(practitioner.sees_intake(&member, &[1]));
    assert!(!practitioner.sees_intake(&member, &[2]));
    assert!(practitioner.sees_intake(&Membership::default(), &[]), "nobody covers them: everyone looks");
    assert!(actor(1, Role::Admin).sees_intake(&Membership::default(), &[2]));
    assert!(!actor(1, Role::Carer).sees_intake(&member, &[]));
    assert!(!practitioner.may_allocate(&member, &[1]), "members take on work; managers allocate it");
    assert!(practitioner.may_allocate(&manager, &[1, 2]));
    assert!(practitioner.may_allocate(&manager, &[]));
    assert!(!practitioner.may_allocate(&manager, &[1]));
    assert!(!actor(1, Role::Admin).may_allocate(&manager, &[2]), "admins manage teams, not casework");
}

#[test]
fn a_message_in_the_portal_is_read_by_the_person_it_is_about_only() {
    assert!(actor(7, Role::Carer).owns_message(Some(7)));
    assert!(actor(7, Role::Customer).owns_message(Some(7)));
    assert!(!actor(7, Role::Carer).owns_message(Some(8)));
    assert!(!actor(7, Role::Carer).owns_message(None), "linked to nobody: the inbox only");
    assert!(!actor(7, Role::Practitioner).owns_message(Some(7)));
    assert!(actor(1, Role::Practitioner).may(Capability::ReadMessages));
    assert!(!actor(1, Role::Responder).may(Capability::ReadMessages));
}

#[test]
fn only_admins_manage_users_and_only_responders_look_up_plans() {
    assert!(actor(1, Role::Admin).may(Capability::ManageUsers));
    assert!(!actor(1, Role::Practitioner).may(Capability::ManageUsers));
    assert!(actor(1, Role::Responder).may(Capability::LookUpEmergencyPlans));
    assert!(!actor(1, Role::Carer).may(Capability::LookUpEmergencyPlans));
}

#[test]
fn a_second_admin_neither_asking_nor_asked_about_approves_what_is_done_to_an_admin() {
    assert!(needs_second_admin(Role::Admin));
    assert!(Role::ALL.into_iter().filter(|r| *r != Role::Admin).all(|r| !needs_second_admin(r)));
    // Admin 1 asked about admin 2.
    assert!(actor(3, Role::Admin).may_approve(1, 2));
    assert!(!actor(1, Role::Admin).may_approve(1, 2), "not the one who asked");
    assert!(!actor(2, Role::Admin).may_approve(1, 2), "not the one it is about");
    assert!(!actor(3, Role::Practitioner).may_approve(1, 2));
}

#[test]
fn the_councils_sign_in_is_for_staff_and_can_replace_their_passwords() {
    let off = StaffSignIn::default();
    let both = StaffSignIn { through_council: true, passwords_off: false };
    let council_only = StaffSignIn { through_council: true, passwords_off: true };
    for role in Role::ALL {
        // Nobody signs in through a provider the council has not set up; everyone has a password.
        assert!(!may_sign_in(role, SignInMethod::Council, off));
        assert!(may_sign_in(role, SignInMethod::Password, off));
        assert!(may_sign_in(role, SignInMethod::Password, both));
        assert_eq!(may_sign_in(role, SignInMethod::Council, both), role.is_staff(), "{role:?}");
    }
    // Switched off for the council's own staff; people and outside workers keep their passwords.
    for role in [Role::Practitioner, Role::Admin] {
        assert!(!may_sign_in(role, SignInMethod::Password, council_only));
    }
    for role in [Role::Carer, Role::Customer, Role::Representative, Role::TrustedAssessor, Role::Responder] {
        assert!(may_sign_in(role, SignInMethod::Password, council_only));
    }
}

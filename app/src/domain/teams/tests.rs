//! Which teams cover whom, and each member's workload.
use super::*;

fn team(id: i64, covers: Covers, live_members: usize) -> Team {
    let areas = Areas::default();
    Team { id, name: format!("Team {id}"), covers, areas, live_members, created_at: Utc::now() }
}

fn in_areas(team: Team, areas: &str) -> Team {
    Team { areas: Areas::parse(areas).unwrap(), ..team }
}

#[test]
fn a_team_covers_the_people_its_rule_includes_when_someone_can_look() {
    let teams = [team(1, Covers::Carers, 2), team(2, Covers::CaredFor, 1), team(3, Covers::Everyone, 0)];
    assert_eq!(Team::covering(&teams, Role::Carer, None), vec![1]);
    assert_eq!(Team::covering(&teams, Role::Customer, None), vec![2]);
    assert!(Team::covering(&teams, Role::Practitioner, None).is_empty(), "staff have no intake");
    let empty = [team(3, Covers::Everyone, 0)];
    assert!(Team::covering(&empty, Role::Carer, None).is_empty(), "an empty team covers nobody");
    assert_eq!(Team::uncovered(&empty), [Role::Carer, Role::Customer]);
}

#[test]
fn an_area_team_covers_the_people_living_there_and_a_team_for_everywhere_everyone() {
    let north = in_areas(team(1, Covers::Everyone, 1), "LS6, LS7");
    let teams = [north.clone(), team(2, Covers::Carers, 1)];
    let lives = |p: &str| Postcode::parse(p);
    assert_eq!(Team::covering(&teams, Role::Carer, lives("LS6 1AA").as_ref()), vec![1, 2]);
    assert_eq!(Team::covering(&teams, Role::Customer, lives("LS6 1AA").as_ref()), vec![1]);
    assert!(Team::covering(&teams, Role::Customer, lives("BD1 1AA").as_ref()).is_empty());
    assert!(Team::covering(&teams, Role::Customer, None).is_empty(), "no postcode: every practitioner sees them");
    assert_eq!(Team::uncovered(&teams), [Role::Customer], "cared-for people outside LS6 and LS7");
    assert!(Team::uncovered(&[north, team(3, Covers::Everyone, 1)]).is_empty());
}

fn allocated(person_id: i64, role: Role, practitioner_id: i64) -> OpenAllocation {
    OpenAllocation { person_id, role, postcode: None, practitioner_id }
}

fn member(user_id: i64, name: &str) -> TeamMember {
    TeamMember { user_id, name: name.into(), manages: false, disabled: false }
}

#[test]
fn work_is_counted_for_the_people_allocated_to_each_practitioner() {
    let allocations = [allocated(10, Role::Carer, 1), allocated(11, Role::Carer, 1), allocated(12, Role::Customer, 2)];
    let work =
        [(10, Work::Assessment), (11, Work::ReviewOverdue), (11, Work::Request), (12, Work::Plan), (13, Work::Plan)];
    let counts = WorkCounts::of(1, &allocations, &work);
    assert_eq!(
        counts,
        WorkCounts { people: 2, assessments: 1, plans: 0, reviews_due: 0, reviews_overdue: 1, requests: 1 }
    );
    assert_eq!(WorkCounts::of(2, &allocations, &work).get(WorkloadColumn::Plans), 1);
    assert_eq!(WorkCounts::of(3, &allocations, &work), WorkCounts::default());
}

#[test]
fn a_team_counts_only_the_people_it_covers_and_the_filter_keeps_every_member_named() {
    let allocations = [allocated(10, Role::Carer, 1), allocated(11, Role::Customer, 1), allocated(12, Role::Carer, 2)];
    let work = [(11, Work::ReviewOverdue), (12, Work::ReviewOverdue)];
    let members = [member(1, "Alex"), member(2, "bo")];
    let carers = workload(&members, &team(1, Covers::Carers, 2), &allocations, &work, WorkloadColumn::Name, false);
    let counts: Vec<(i64, usize, usize)> =
        carers.iter().map(|(m, c)| (m.user_id, c.people, c.reviews_overdue)).collect();
    assert_eq!(counts, [(1, 1, 0), (2, 1, 1)], "Alex's cared-for person is another team's work");
    let cared_for =
        workload(&members, &team(1, Covers::CaredFor, 2), &allocations, &work, WorkloadColumn::People, true);
    assert_eq!(cared_for.iter().map(|(m, c)| (m.user_id, c.people)).collect::<Vec<_>>(), [(1, 1)]);
    let everyone =
        workload(&members, &team(1, Covers::Everyone, 2), &allocations, &work, WorkloadColumn::People, false);
    assert_eq!(everyone.iter().map(|(m, c)| (m.user_id, c.people)).collect::<Vec<_>>(), [(1, 2), (2, 1)]);
}

#[test]
fn a_new_team_needs_a_name_and_a_rule() {
    assert_eq!(
        NewTeam::parse(" ", "", "LS6 Leeds").unwrap_err(),
        vec![
            TeamProblem::NameMissing,
            TeamProblem::CoversMissing,
            TeamProblem::Areas(AreasProblem::NotACode("LEEDS".into()))
        ]
    );
    assert_eq!(NewTeam::parse(&"x".repeat(81), "carers", "").unwrap_err(), vec![TeamProblem::NameTooLong]);
    let team = NewTeam::parse(" Carers support ", "everyone", "").unwrap();
    assert_eq!((team.name.as_str(), team.rule.covers), ("Carers support", Covers::Everyone));
    assert!(team.rule.areas.is_everywhere());
}

//! The council's teams: who is in them, who manages them, and whose intake each receives. A
//! carer or cared-for person is covered by every team whose rule includes them and that has
//! someone in it who can sign in; a person no such team covers is seen by every practitioner, so
//! nothing anyone sends can wait where no member of staff looks.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::account::Role;
use super::text::{BoundedText, TextProblem};
use super::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

choices! {
    /// Whose intake a team receives (the rule an admin sets for the team).
    Covers { Everyone = "everyone", Carers = "carers", CaredFor = "cared_for" }
}

impl Covers {
    /// Does a team with this rule receive the intake of a person with `role`? Only carers and
    /// cared-for people have intake: staff and helpers send nothing that needs a worker.
    pub fn includes(self, role: Role) -> bool {
        match self {
            Covers::Everyone => matches!(role, Role::Carer | Role::Customer),
            Covers::Carers => role == Role::Carer,
            Covers::CaredFor => role == Role::Customer,
        }
    }

    pub fn name(self, locale: Locale) -> &'static str {
        locale.text(match self {
            Covers::Everyone => Text::TeamsCoversEveryone,
            Covers::Carers => Text::TeamsCoversCarers,
            Covers::CaredFor => Text::TeamsCoversCaredFor,
        })
    }
}

/// A team as the store keeps it, with how many of its members can sign in today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub covers: Covers,
    pub live_members: usize,
    pub created_at: DateTime<Utc>,
}

impl Team {
    /// The teams that receive the intake of a person with `role`: those whose rule includes
    /// them and that have someone to look. Empty means no team covers them, and then every
    /// practitioner sees their intake.
    pub fn covering(teams: &[Team], role: Role) -> Vec<i64> {
        teams.iter().filter(|t| t.covers.includes(role) && t.live_members > 0).map(|t| t.id).collect()
    }
}

/// A practitioner in a team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub user_id: i64,
    pub name: String,
    /// Allocates the team's work to its members.
    pub manages: bool,
    /// Switched off (a leaver): still listed so their work can be moved.
    pub disabled: bool,
}

/// The teams one member of staff is in, and which of them they manage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Membership {
    pub places: Vec<(i64, bool)>,
}

impl Membership {
    pub fn is_in(&self, team_id: i64) -> bool {
        self.places.iter().any(|(t, _)| *t == team_id)
    }

    pub fn manages(&self, team_id: i64) -> bool {
        self.places.iter().any(|(t, manages)| *t == team_id && *manages)
    }

    pub fn manages_any(&self) -> bool {
        self.places.iter().any(|(_, manages)| *manages)
    }
}

/// A new team as an admin typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTeam {
    pub name: BoundedText,
    pub covers: Covers,
}

impl NewTeam {
    pub const NAME_MAX: usize = 80;

    pub fn parse(name: &str, covers: &str) -> Result<NewTeam, Vec<TeamProblem>> {
        let mut problems = Vec::new();
        let name = BoundedText::required(name, Self::NAME_MAX)
            .map_err(|p| {
                problems.push(match p {
                    TextProblem::Missing => TeamProblem::NameMissing,
                    TextProblem::TooLong { .. } => TeamProblem::NameTooLong,
                })
            })
            .ok();
        let covers = Covers::parse(covers);
        if covers.is_none() {
            problems.push(TeamProblem::CoversMissing);
        }
        match (name, covers) {
            (Some(name), Some(covers)) if problems.is_empty() => Ok(NewTeam { name, covers }),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamProblem {
    NameMissing,
    NameTooLong,
    /// Another team already has this name.
    NameTaken,
    CoversMissing,
}

impl Problem for TeamProblem {
    fn field(&self) -> String {
        match self {
            TeamProblem::NameMissing | TeamProblem::NameTooLong | TeamProblem::NameTaken => "name",
            TeamProblem::CoversMissing => "covers",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            TeamProblem::NameMissing => locale.text(Text::TeamsNameMissing).to_owned(),
            TeamProblem::NameTooLong => with_max(locale, Text::TeamsNameTooLong, NewTeam::NAME_MAX),
            TeamProblem::NameTaken => locale.text(Text::TeamsNameTaken).to_owned(),
            TeamProblem::CoversMissing => locale.text(Text::TeamsCoversMissing).to_owned(),
        }
    }
}

choices! {
    /// What an admin does to someone's place in a team.
    Place { Member = "member", Manager = "manager", Remove = "remove" }
}

choices! {
    /// One kind of open work a practitioner has.
    Work {
        Assessment = "assessment",
        Plan = "plan",
        ReviewDue = "review_due",
        ReviewOverdue = "review_overdue",
        Request = "request",
    }
}

choices! {
    /// A column of the workload table to sort by.
    WorkloadColumn {
        Name = "name",
        People = "people",
        Assessments = "assessments",
        Plans = "plans",
        ReviewsDue = "reviews_due",
        ReviewsOverdue = "reviews_overdue",
        Requests = "requests",
    }
}

/// An open allocation: the person (and their role, which says which teams they belong to) and
/// the practitioner who is their worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenAllocation {
    pub person_id: i64,
    pub role: Role,
    pub practitioner_id: i64,
}

impl WorkloadColumn {
    /// Names read A to Z; counts most first.
    pub fn ascending(self) -> bool {
        self == WorkloadColumn::Name
    }
}

/// A team's workload table: each member's open work among the people the team covers (a
/// practitioner in two teams has different people in each), sorted by `column`, and only the
/// members with overdue reviews when `overdue_only`.
pub fn workload(
    members: &[TeamMember],
    covers: Covers,
    allocations: &[OpenAllocation],
    work: &[(i64, Work)],
    column: WorkloadColumn,
    overdue_only: bool,
) -> Vec<(TeamMember, WorkCounts)> {
    let covered: Vec<OpenAllocation> = allocations.iter().filter(|a| covers.includes(a.role)).copied().collect();
    let mut rows: Vec<(TeamMember, WorkCounts)> = members
        .iter()
        .map(|member| (member.clone(), WorkCounts::of(member.user_id, &covered, work)))
        .filter(|(_, counts)| !overdue_only || counts.reviews_overdue > 0)
        .collect();
    match column {
        WorkloadColumn::Name => rows.sort_by_key(|(member, _)| member.name.to_lowercase()),
        _ => rows.sort_by_key(|(_, counts)| std::cmp::Reverse(counts.get(column))),
    }
    rows
}

/// A practitioner's open work, counted: the people allocated to them, assessments to decide,
/// plans to sign off, planned reviews due soon and overdue, and requested reviews not yet
/// arranged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCounts {
    pub people: usize,
    pub assessments: usize,
    pub plans: usize,
    pub reviews_due: usize,
    pub reviews_overdue: usize,
    pub requests: usize,
}

impl WorkCounts {
    /// Counts `practitioner`'s work from the open allocations and each person's open work.
    pub fn of(practitioner: i64, allocations: &[OpenAllocation], work: &[(i64, Work)]) -> WorkCounts {
        let people: Vec<i64> =
            allocations.iter().filter(|a| a.practitioner_id == practitioner).map(|a| a.person_id).collect();
        let mut counts = WorkCounts { people: people.len(), ..WorkCounts::default() };
        for (_, kind) in work.iter().filter(|(person, _)| people.contains(person)) {
            *match kind {
                Work::Assessment => &mut counts.assessments,
                Work::Plan => &mut counts.plans,
                Work::ReviewDue => &mut counts.reviews_due,
                Work::ReviewOverdue => &mut counts.reviews_overdue,
                Work::Request => &mut counts.requests,
            } += 1;
        }
        counts
    }

    /// The count in a column (`Name` has none).
    pub fn get(&self, column: WorkloadColumn) -> usize {
        match column {
            WorkloadColumn::Name => 0,
            WorkloadColumn::People => self.people,
            WorkloadColumn::Assessments => self.assessments,
            WorkloadColumn::Plans => self.plans,
            WorkloadColumn::ReviewsDue => self.reviews_due,
            WorkloadColumn::ReviewsOverdue => self.reviews_overdue,
            WorkloadColumn::Requests => self.requests,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(id: i64, covers: Covers, live_members: usize) -> Team {
        Team { id, name: format!("Team {id}"), covers, live_members, created_at: Utc::now() }
    }

    #[test]
    fn a_team_covers_the_people_its_rule_includes_when_someone_can_look() {
        let teams = [team(1, Covers::Carers, 2), team(2, Covers::CaredFor, 1), team(3, Covers::Everyone, 0)];
        assert_eq!(Team::covering(&teams, Role::Carer), vec![1]);
        assert_eq!(Team::covering(&teams, Role::Customer), vec![2]);
        assert!(Team::covering(&teams, Role::Practitioner).is_empty(), "staff have no intake");
        assert!(Team::covering(&[team(3, Covers::Everyone, 0)], Role::Carer).is_empty(), "an empty team covers nobody");
    }

    fn allocated(person_id: i64, role: Role, practitioner_id: i64) -> OpenAllocation {
        OpenAllocation { person_id, role, practitioner_id }
    }

    fn member(user_id: i64, name: &str) -> TeamMember {
        TeamMember { user_id, name: name.into(), manages: false, disabled: false }
    }

    #[test]
    fn work_is_counted_for_the_people_allocated_to_each_practitioner() {
        let allocations =
            [allocated(10, Role::Carer, 1), allocated(11, Role::Carer, 1), allocated(12, Role::Customer, 2)];
        let work = [
            (10, Work::Assessment),
            (11, Work::ReviewOverdue),
            (11, Work::Request),
            (12, Work::Plan),
            (13, Work::Plan),
        ];
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
        let allocations =
            [allocated(10, Role::Carer, 1), allocated(11, Role::Customer, 1), allocated(12, Role::Carer, 2)];
        let work = [(11, Work::ReviewOverdue), (12, Work::ReviewOverdue)];
        let members = [member(1, "Alex"), member(2, "bo")];
        let carers = workload(&members, Covers::Carers, &allocations, &work, WorkloadColumn::Name, false);
        let counts: Vec<(i64, usize, usize)> =
            carers.iter().map(|(m, c)| (m.user_id, c.people, c.reviews_overdue)).collect();
        assert_eq!(counts, [(1, 1, 0), (2, 1, 1)], "Alex's cared-for person is another team's work");
        let cared_for = workload(&members, Covers::CaredFor, &allocations, &work, WorkloadColumn::People, true);
        assert_eq!(cared_for.iter().map(|(m, c)| (m.user_id, c.people)).collect::<Vec<_>>(), [(1, 1)]);
        let everyone = workload(&members, Covers::Everyone, &allocations, &work, WorkloadColumn::People, false);
        assert_eq!(everyone.iter().map(|(m, c)| (m.user_id, c.people)).collect::<Vec<_>>(), [(1, 2), (2, 1)]);
    }

    #[test]
    fn a_new_team_needs_a_name_and_a_rule() {
        assert_eq!(NewTeam::parse(" ", "").unwrap_err(), vec![TeamProblem::NameMissing, TeamProblem::CoversMissing]);
        assert_eq!(NewTeam::parse(&"x".repeat(81), "carers").unwrap_err(), vec![TeamProblem::NameTooLong]);
        let team = NewTeam::parse(" Carers support ", "everyone").unwrap();
        assert_eq!((team.name.as_str(), team.covers), ("Carers support", Covers::Everyone));
    }
}

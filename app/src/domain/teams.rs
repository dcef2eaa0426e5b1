//! The council's teams: who is in them, who manages them, and whose intake each receives. A
//! carer or cared-for person is covered by every team whose rule includes them (carers or
//! cared-for people, in the team's postcode areas if it has any) and that has someone in it who
//! can sign in; a person no such team covers is seen by every practitioner, so nothing anyone
//! sends can wait where no member of staff looks.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::account::Role;
use super::area::{Areas, AreasProblem, Postcode};
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
    /// The postcode areas and districts it covers; none means everywhere.
    pub areas: Areas,
    pub live_members: usize,
    pub created_at: DateTime<Utc>,
}

impl Team {
    /// Does the team's rule include a person with `role` living at `postcode`?
    pub fn includes(&self, role: Role, postcode: Option<&Postcode>) -> bool {
        self.covers.includes(role) && self.areas.include(postcode)
    }

    /// The teams that receive the intake of a person with `role` living at `postcode`: those
    /// whose rule includes them and that have someone to look. Empty means no team covers them,
    /// and then every practitioner sees their intake.
    pub fn covering(teams: &[Team], role: Role, postcode: Option<&Postcode>) -> Vec<i64> {
        teams.iter().filter(|t| t.includes(role, postcode) && t.live_members > 0).map(|t| t.id).collect()
    }

    /// The kinds of people some of whom no team covers: those no team for everywhere with
    /// someone in it includes (people outside every team's areas, or whose postcode is not known).
    pub fn uncovered(teams: &[Team]) -> Vec<Role> {
        [Role::Carer, Role::Customer].into_iter().filter(|role| Team::covering(teams, *role, None).is_empty()).collect()
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

/// A team's rule as an admin typed it: whose intake it receives, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamRule {
    pub covers: Covers,
    pub areas: Areas,
}

impl TeamRule {
    /// The rule for `covers` with no areas.
    pub fn everywhere(covers: Covers) -> TeamRule {
        TeamRule { covers, areas: Areas::default() }
    }

    pub fn parse(covers: &str, areas: &str) -> Result<TeamRule, Vec<TeamProblem>> {
        let mut problems = Vec::new();
        let covers = Covers::parse(covers);
        if covers.is_none() {
            problems.push(TeamProblem::CoversMissing);
        }
        let areas = Areas::parse(areas).map_err(|p| problems.push(TeamProblem::Areas(p))).ok();
        match (covers, areas) {
            (Some(covers), Some(areas)) => Ok(TeamRule { covers, areas }),
            _ => Err(problems),
        }
    }
}

/// A new team as an admin typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTeam {
    pub name: BoundedText,
    pub rule: TeamRule,
}

impl NewTeam {
    pub const NAME_MAX: usize = 80;

    pub fn parse(name: &str, covers: &str, areas: &str) -> Result<NewTeam, Vec<TeamProblem>> {
        let mut problems = Vec::new();
        let name = BoundedText::required(name, Self::NAME_MAX)
            .map_err(|p| {
                problems.push(match p {
                    TextProblem::Missing => TeamProblem::NameMissing,
                    TextProblem::TooLong { .. } => TeamProblem::NameTooLong,
                })
            })
            .ok();
        let rule = TeamRule::parse(covers, areas).map_err(|p| problems.extend(p)).ok();
        match (name, rule) {
            (Some(name), Some(rule)) => Ok(NewTeam { name, rule }),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamProblem {
    NameMissing,
    NameTooLong,
    /// Another team already has this name.
    NameTaken,
    CoversMissing,
    Areas(AreasProblem),
}

impl Problem for TeamProblem {
    fn field(&self) -> String {
        match self {
            TeamProblem::NameMissing | TeamProblem::NameTooLong | TeamProblem::NameTaken => "name",
            TeamProblem::CoversMissing => "covers",
            TeamProblem::Areas(_) => "areas",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            TeamProblem::NameMissing => locale.text(Text::TeamsNameMissing).to_owned(),
            TeamProblem::NameTooLong => with_max(locale, Text::TeamsNameTooLong, NewTeam::NAME_MAX),
            TeamProblem::NameTaken => locale.text(Text::TeamsNameTaken).to_owned(),
            TeamProblem::CoversMissing => locale.text(Text::TeamsCoversMissing).to_owned(),
            TeamProblem::Areas(AreasProblem::NotACode(code)) => {
                locale.fill(Text::TeamsAreasNotACode, &[("code", code)])
            }
            TeamProblem::Areas(AreasProblem::TooMany) => with_max(locale, Text::TeamsAreasTooMany, Areas::MAX),
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

/// An open allocation: the person (and their role and postcode, which say which teams they
/// belong to) and the practitioner who is their worker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenAllocation {
    pub person_id: i64,
    pub role: Role,
    pub postcode: Option<Postcode>,
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
    team: &Team,
    allocations: &[OpenAllocation],
    work: &[(i64, Work)],
    column: WorkloadColumn,
    overdue_only: bool,
) -> Vec<(TeamMember, WorkCounts)> {
    let covered: Vec<OpenAllocation> =
        allocations.iter().filter(|a| team.includes(a.role, a.postcode.as_ref())).cloned().collect();
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
mod tests;

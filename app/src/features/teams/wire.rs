//! What the teams pages show, and the forms that change teams.
use serde::{Deserialize, Serialize};

use crate::domain::teams::{Membership, NewTeam, Team, TeamMember, TeamProblem, TeamRule, WorkCounts};
use crate::kit::forms::text_form;
use crate::kit::i18n::{Locale, Text};

text_form! {
    /// A new team as typed: its name and whose intake it receives (and where).
    #[derive(Clone, Debug, Default, Serialize, Deserialize)]
    pub struct TeamForm { name, covers, areas }
    parsed by NewTeam::parse(name, covers, areas) -> Vec<TeamProblem>;
}

text_form! {
    /// A team's rule changed: whose intake it receives, and where.
    #[derive(Clone, Debug, Default, Serialize, Deserialize)]
    pub struct TeamRuleForm { covers, areas }
    parsed by TeamRule::parse(covers, areas) -> Vec<TeamProblem>;
}

/// One team in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamLine {
    pub id: i64,
    pub name: String,
    /// Whose intake it receives, in words.
    pub covers: String,
    /// Where: the postcode areas and districts, or "everywhere", in words.
    pub areas: String,
    /// The rule as its form shows it: the code of `covers`, and the areas as the admin typed them.
    pub rule: (String, String),
    /// Members who can sign in.
    pub live_members: usize,
    /// The signed-in practitioner is in it.
    pub mine: bool,
}

impl TeamLine {
    pub fn from_record(team: &Team, membership: &Membership, locale: Locale) -> TeamLine {
        TeamLine {
            id: team.id,
            name: team.name.clone(),
            covers: team.covers.name(locale).to_owned(),
            areas: match team.areas.is_everywhere() {
                true => locale.text(Text::TeamsAreasEverywhere).to_owned(),
                false => team.areas.to_text(),
            },
            rule: (team.covers.code().to_owned(), team.areas.to_text()),
            live_members: team.live_members,
            mine: membership.is_in(team.id),
        }
    }
}

/// The teams page: every team, whether the visitor may change them, and whose intake no team
/// receives (so every practitioner sees it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Teams {
    pub teams: Vec<TeamLine>,
    pub may_manage: bool,
    /// The kinds of people (in words) no team with members covers.
    pub uncovered: Vec<String>,
}

/// One practitioner's row of the workload table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkloadLine {
    pub member: TeamMember,
    pub counts: WorkCounts,
}

/// One team's page: its members and their workload, and (for an admin) who could join.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    pub team: TeamLine,
    /// Sorted as asked, and filtered to those with overdue work when asked.
    pub workload: Vec<WorkloadLine>,
    /// Every member, whatever the filter (for an admin, who places them).
    pub members: Vec<TeamMember>,
    pub may_manage: bool,
    /// Practitioners not in the team (id, name), for an admin to add.
    pub candidates: Vec<(i64, String)>,
    /// People in this team's intake, and how many of them are past the target.
    pub intake: (usize, usize),
}

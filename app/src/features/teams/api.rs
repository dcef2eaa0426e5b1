//! Server functions for teams: admins create them and say who is in them; practitioners and
//! admins see each team's workload. Every change is audited.
use leptos::prelude::*;

use super::wire::{TeamForm, TeamRuleForm, TeamView, Teams};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "teams/list")]
pub async fn all_teams() -> Result<Teams, AppError> {
    use super::wire::TeamLine;
    use crate::backend::cx::Cx;
    use crate::domain::teams::Team;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::SeeIntake, "teams").await?;
    let membership = cx.store().membership(cx.me().id).await?;
    let teams = cx.store().teams().await?;
    let uncovered = Team::uncovered(&teams).into_iter().map(|role| role.name(cx.locale()).to_owned()).collect();
    Ok(Teams {
        teams: teams.iter().map(|t| TeamLine::from_record(t, &membership, cx.locale())).collect(),
        may_manage: cx.actor().may(Capability::ManageTeams),
        uncovered,
    })
}

#[server(prefix = "/api", endpoint = "teams/create")]
pub async fn create_team(#[server(flatten)] form: TeamForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::StoreError;
    use crate::domain::teams::{NewTeam, TeamProblem};
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageTeams, "create a team").await?;
    let team = NewTeam::try_from(form).map_err(|p| cx.invalid(&p))?;
    let id = match cx.store().create_team(team.name.as_str(), &team.rule, cx.now()).await {
        Ok(id) => id,
        Err(StoreError::Conflict) => return Err(cx.invalid(&[TeamProblem::NameTaken])),
        Err(e) => return Err(e.into()),
    };
    cx.audit("team created", None, Some(team.name.as_str())).await?;
    leptos_axum::redirect(&format!("/staff/teams/{id}"));
    Ok(())
}

/// One team: members and their open work. `sort` names a column (`people`, `reviews_overdue`…;
/// by name otherwise); `overdue` keeps only those with overdue reviews.
#[server(prefix = "/api", endpoint = "teams/one")]
pub async fn team_page(
    #[server(default)] id: i64,
    #[server(default)] sort: String,
    #[server(default)] overdue: bool,
) -> Result<TeamView, AppError> {
    use super::wire::{TeamLine, WorkloadLine};
    use crate::backend::cx::Cx;
    use crate::backend::ports::{intake, open_work};
    use crate::domain::account::Role;
    use crate::domain::teams::{workload, Team, WorkloadColumn};
    use crate::policy::Capability;

    let cx = Cx::with(Capability::SeeIntake, "team workload").await?;
    let team = cx.store().team(id).await?.ok_or(AppError::NotFound)?;
    let membership = cx.store().membership(cx.me().id).await?;
    let members = cx.store().team_members(id).await?;
    let allocations = cx.store().open_allocations().await?;
    let work = open_work(&cx).await?;
    let column = WorkloadColumn::parse(&sort).unwrap_or(WorkloadColumn::Name);
    let workload = workload(&members, &team, &allocations, &work, column, overdue)
        .into_iter()
        .map(|(member, counts)| WorkloadLine { member, counts })
        .collect();
    let may_manage = cx.actor().may(Capability::ManageTeams);
    let candidates = match may_manage {
        true => cx
            .store()
            .staff_accounts()
            .await?
            .into_iter()
            .filter(|a| a.role == Role::Practitioner && a.disabled_at.is_none())
            .filter(|a| !members.iter().any(|m| m.user_id == a.id))
            .map(|a| (a.id, a.display_name))
            .collect(),
        false => Vec::new(),
    };
    let teams = cx.store().teams().await?;
    let waiting = intake(&cx).await?;
    let mine: Vec<_> =
        waiting.iter().filter(|e| Team::covering(&teams, e.role, e.postcode.as_ref()).contains(&id)).collect();
    let intake = (mine.len(), mine.iter().filter(|e| e.overdue).count());
    Ok(TeamView {
        team: TeamLine::from_record(&team, &membership, cx.locale()),
        workload,
        members: if may_manage { members } else { Vec::new() },
        may_manage,
        candidates,
        intake,
    })
}

/// An admin changes whose intake a team receives: carers, cared-for people or both, and the
/// postcode areas and districts it covers (none: everywhere).
#[server(prefix = "/api", endpoint = "teams/rule")]
pub async fn set_team_rule(#[server(default)] id: i64, #[server(flatten)] form: TeamRuleForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::teams::TeamRule;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageTeams, "change a team's rule").await?;
    let team = cx.store().team(id).await?.ok_or(AppError::NotFound)?;
    let rule = TeamRule::try_from(form).map_err(|p| cx.invalid(&p))?;
    cx.store().set_team_rule(team.id, &rule).await?;
    let words = format!("{}: {} ({})", team.name, rule.covers.code(), rule.areas.to_text());
    cx.audit("team rule changed", None, Some(&words)).await?;
    leptos_axum::redirect(&format!("/staff/teams/{}?changed=1", team.id));
    Ok(())
}

/// An admin puts a practitioner in a team (`place` is `member` or `manager`) or takes them out
/// (`remove`).
#[server(prefix = "/api", endpoint = "teams/place")]
pub async fn set_team_place(
    #[server(default)] id: i64,
    #[server(default)] user_id: i64,
    #[server(default)] place: String,
) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::teams::Place;
    use crate::kit::i18n::Text;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageTeams, "change a team").await?;
    let team = cx.store().team(id).await?.ok_or(AppError::NotFound)?;
    let (manages, action) = match Place::parse(&place) {
        Some(Place::Member) => (Some(false), "put in team"),
        Some(Place::Manager) => (Some(true), "made team manager"),
        Some(Place::Remove) => (None, "taken out of team"),
        None => return Err(cx.field_error("place", Text::TeamsPlaceChoose)),
    };
    cx.store().set_team_place(team.id, user_id, manages, cx.now()).await?;
    cx.audit(action, Some(user_id), Some(&team.name)).await?;
    leptos_axum::redirect(&format!("/staff/teams/{}", team.id));
    Ok(())
}

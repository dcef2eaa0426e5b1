//! The teams pages: every team (and, for an admin, a form to create one), and one team's page
//! with its members' workload.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Radios, Submit, TextField};
use crate::components::layout::{LinkParagraph, PageHeading, WarningText};
use crate::components::record_page::signed_in_page;
use crate::components::table::{LinkCell, Table};
use crate::domain::teams::Covers;
use crate::features::teams::api::{all_teams, CreateTeam};
use crate::features::teams::wire::Teams;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

mod team;
pub use team::TeamPage;

/// The form for a team's rule: whose intake it receives, and where.
#[component]
pub(super) fn RuleFields() -> impl IntoView {
    let (locale, t) = use_visitor().language();
    let covers = Covers::ALL.iter().map(|c| (c.code(), c.name(locale).to_owned())).collect::<Vec<_>>();
    view! {
        <Radios name="covers" legend=t(Text::TeamsCoversLegend) options=covers />
        <AreasField />
    }
}

/// `/staff/teams`.
#[component]
pub fn TeamsPage() -> impl IntoView {
    signed_in_page(all_teams, |teams| view! { <TeamList teams /> })
}

#[component]
fn TeamList(teams: Teams) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let state = FormState::for_action(CreateTeam::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let uncovered = (!teams.uncovered.is_empty()).then(|| {
        let who = teams.uncovered.join(", ");
        view! { <WarningText text=locale.fill(Text::TeamsUncovered, &[("who", &who)]) /> }
    });
    let create_state = state.clone();
    let create = teams.may_manage.then(move || {
        view! {
            <h2 class="govuk-heading-m" id="create">
                {t(Text::TeamsCreateHeading)}
            </h2>
            <PostForm action=CreateTeam::PATH state=create_state>
                <TextField name="name" label=t(Text::TeamsNameLabel) autocomplete="off" />
                <RuleFields />
                <Submit text=Text::TeamsCreateButton />
            </PostForm>
        }
    });
    let rows = teams
        .teams
        .into_iter()
        .map(|team| {
            let name = match team.mine {
                true => locale.fill(Text::TeamsYours, &[("name", &team.name)]),
                false => team.name.clone(),
            };
            view! {
                <tr class="govuk-table__row">
                    <LinkCell href=format!("/staff/teams/{}", team.id)>{name}</LinkCell>
                    <td class="govuk-table__cell">{team.covers}</td>
                    <td class="govuk-table__cell">{team.areas}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{team.live_members}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ErrorSummary state=state.clone() order=&["name", "covers", "areas"] />
        <PageHeading text=t(Text::TeamsTitle) has_errors=state.has_errors() intro=t(Text::TeamsIntro) />
        {uncovered}
        <LinkParagraph href="/staff/intake" text=Text::AllocationIntakeTitle />
        <Table
            label=t(Text::TeamsTitle)
            columns=vec![
                Text::TeamsNameLabel,
                Text::TeamsCoversColumn,
                Text::TeamsAreasColumn,
                Text::TeamsMembersColumn,
            ]
            numeric_last=true
        >
            {rows}
        </Table>
        {create}
        <LinkParagraph href="/home" text=Text::HomeBackLink />
    }
}

/// The team's postcode areas and districts, optional (none: everywhere).
#[component]
fn AreasField() -> impl IntoView {
    let t = use_visitor().locale.translator();
    view! {
        <TextField
            name="areas"
            label=t(Text::TeamsAreasLabel)
            hint=t(Text::TeamsAreasHint)
            autocomplete="off"
            spellcheck=false
        />
    }
}

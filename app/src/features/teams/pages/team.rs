//! One team's page: its intake, its members' open work by kind (sortable by any column with
//! plain links, so it works without JavaScript), and for an admin who is in it.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::ErrorSummary;
use crate::components::fields::Submit;
use crate::components::layout::{LinkParagraph, PageHeading, SuccessBanner};
use crate::components::record_page::record_page;
use crate::components::summary_list::SummaryList;
use crate::components::table::{Sorting, Table};
use crate::domain::teams::WorkloadColumn;
use crate::features::teams::api::{team_page, SetTeamPlace, SetTeamRule};
use crate::features::teams::wire::{TeamLine, TeamView, WorkloadLine};
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

/// `/staff/teams/:id`, with `?sort=` a column and `?overdue=true` to keep only those with
/// overdue reviews.
#[component]
pub fn TeamPage() -> impl IntoView {
    let (sorted, overdue, changed) = use_query_map().with_untracked(|q| {
        let sorted = q.get("sort").and_then(|s| WorkloadColumn::parse(&s)).unwrap_or(WorkloadColumn::Name);
        (sorted, q.get("overdue").is_some_and(|v| v == "true"), q.get("changed").is_some())
    });
    record_page(
        move |id| team_page(id, sorted.code().to_owned(), overdue),
        move |view| Some(view! { <Team view sorted overdue changed /> }),
    )
}

#[component]
fn Team(view: TeamView, sorted: WorkloadColumn, overdue: bool, changed: bool) -> impl IntoView {
    let (locale, t) = use_visitor().language();
    let team = view.team.clone();
    let (waiting, late) = view.intake;
    let intake = locale.fill(Text::TeamsIntakeCount, &[("count", &waiting.to_string()), ("late", &late.to_string())]);
    let filter = match overdue {
        true => (format!("/staff/teams/{}", team.id), t(Text::TeamsShowEveryone)),
        false => (format!("/staff/teams/{}?overdue=true", team.id), t(Text::TeamsShowOverdue)),
    };
    let members = view.may_manage.then(|| view! { <Members view=view.clone() /> });
    let rule = view.may_manage.then(|| view! { <Rule team=team.clone() /> });
    let changed = changed.then(|| view! { <SuccessBanner message=t(Text::TeamsRuleChanged) /> });
    view! {
        {changed}
        <span class="govuk-caption-l">{t(Text::TeamsTitle)}</span>
        <PageHeading text=team.name.clone() />
        <SummaryList rows=vec![
            (t(Text::TeamsCoversColumn), team.covers.clone()),
            (t(Text::TeamsAreasColumn), team.areas.clone()),
            (t(Text::TeamsIntakeLabel), intake),
        ] />
        <LinkParagraph href="/staff/intake" text=Text::AllocationIntakeTitle />
        <h2 class="govuk-heading-m">{t(Text::TeamsWorkloadHeading)}</h2>
        <p class="govuk-body">{t(Text::TeamsTimescales)}</p>
        <p class="govuk-body">
            <a class="govuk-link" href=filter.0>
                {filter.1}
            </a>
        </p>
        <Workload team_id=team.id lines=view.workload.clone() sorted overdue locale />
        {members}
        {rule}
        <LinkParagraph href="/staff/teams" text=Text::TeamsBackLink />
    }
}

/// The workload table: each heading links to the page sorted by it, and says which is sorted.
#[component]
fn Workload(
    team_id: i64,
    lines: Vec<WorkloadLine>,
    sorted: WorkloadColumn,
    overdue: bool,
    locale: Locale,
) -> impl IntoView {
    let filter = if overdue { "&overdue=true" } else { "" };
    let sorting = Sorting {
        hrefs: WorkloadColumn::ALL
            .iter()
            .map(|c| format!("/staff/teams/{team_id}?sort={}{filter}", c.code()))
            .collect(),
        column: WorkloadColumn::ALL.iter().position(|c| *c == sorted).unwrap_or_default(),
        ascending: sorted.ascending(),
    };
    let rows = lines.into_iter().map(move |line| {
        let mut name = line.member.name.clone();
        if line.member.manages {
            name = locale.fill(Text::TeamsManagerName, &[("name", &name)]);
        }
        if line.member.disabled {
            name = locale.fill(Text::AllocationWorkerLeft, &[("name", &name)]);
        }
        let overdue_cell = match line.counts.reviews_overdue {
            0 => view! { "0" }.into_any(),
            n => view! { <strong class="govuk-tag govuk-tag--red">{n}</strong> }.into_any(),
        };
        view! {
            <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                    {name}
                </th>
                <td class="govuk-table__cell govuk-table__cell--numeric">{line.counts.people}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{line.counts.assessments}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{line.counts.plans}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{line.counts.reviews_due}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{overdue_cell}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{line.counts.requests}</td>
            </tr>
        }
    });
    let columns: Vec<_> = WorkloadColumn::ALL.iter().map(|c| column_name(*c)).collect();
    view! {
        <Table label=locale.text(Text::TeamsWorkloadHeading) columns numeric_from=1 sorting>
            {rows.collect_view()}
        </Table>
    }
}

fn column_name(column: WorkloadColumn) -> Text {
    match column {
        WorkloadColumn::Name => Text::TeamsColumnName,
        WorkloadColumn::People => Text::TeamsColumnPeople,
        WorkloadColumn::Assessments => Text::TeamsColumnAssessments,
        WorkloadColumn::Plans => Text::TeamsColumnPlans,
        WorkloadColumn::ReviewsDue => Text::TeamsColumnReviewsDue,
        WorkloadColumn::ReviewsOverdue => Text::TeamsColumnReviewsOverdue,
        WorkloadColumn::Requests => Text::TeamsColumnRequests,
    }
}

/// For an admin: each member's place (manager, member, out), and practitioners to add.
#[component]
fn Members(view: TeamView) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let id = view.team.id;
    let place_form = move |user_id: i64, place: &'static str, words: String, class: &'static str| {
        view! {
            <PostForm action=SetTeamPlace::PATH>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="user_id" value=user_id />
                <input type="hidden" name="place" value=place />
                <button type="submit" class=class>
                    {words}
                </button>
            </PostForm>
        }
    };
    let members = view.members.into_iter().map(|m| {
        let (place, words) = match m.manages {
            true => ("member", locale.fill(Text::TeamsMakeMember, &[("name", &m.name)])),
            false => ("manager", locale.fill(Text::TeamsMakeManager, &[("name", &m.name)])),
        };
        let remove = locale.fill(Text::TeamsRemove, &[("name", &m.name)]);
        view! {
            <li>
                <h3 class="govuk-heading-s">{m.name.clone()}</h3>
                <div class="govuk-button-group">
                    {place_form(m.user_id, place, words, "govuk-button govuk-button--secondary")}
                    {place_form(m.user_id, "remove", remove, "govuk-button govuk-button--warning")}
                </div>
            </li>
        }
    });
    let candidates = view.candidates.into_iter().map(|(user_id, name)| {
        let words = locale.fill(Text::TeamsAdd, &[("name", &name)]);
        view! { <li>{place_form(user_id, "member", words, "govuk-button govuk-button--secondary")}</li> }
    });
    let state = FormState::for_action(SetTeamPlace::PATH, visitor.flash.as_ref(), BTreeMap::new());
    view! {
        <ErrorSummary state order=&["place"] />
        <h2 class="govuk-heading-m">{t(Text::TeamsMembersHeading)}</h2>
        <ul class="govuk-list">{members.collect_view()}</ul>
        <h2 class="govuk-heading-m">{t(Text::TeamsAddHeading)}</h2>
        <ul class="govuk-list">{candidates.collect_view()}</ul>
    }
}

/// For an admin: whose intake the team receives, and where; the form starts from the rule now.
#[component]
fn Rule(team: TeamLine) -> impl IntoView {
    let visitor = use_visitor();
    let t = visitor.locale.translator();
    let (covers, areas) = team.rule;
    let now = BTreeMap::from([("covers".to_owned(), covers), ("areas".to_owned(), areas)]);
    let state = FormState::for_action(SetTeamRule::PATH, visitor.flash.as_ref(), now);
    view! {
        <ErrorSummary state=state.clone() order=&["covers", "areas"] />
        <h2 class="govuk-heading-m" id="rule">
            {t(Text::TeamsRuleHeading)}
        </h2>
        <PostForm action=SetTeamRule::PATH state>
            <input type="hidden" name="id" value=team.id />
            <super::RuleFields />
            <Submit text=Text::TeamsRuleButton />
        </PostForm>
    }
}

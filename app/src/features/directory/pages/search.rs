//! Finding local support: search and filter without JavaScript (a plain GET form).
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::fields::Submit;
use crate::components::layout::PageHeading;
use crate::domain::directory::Category;
use crate::features::directory::api::search_services;
use crate::features::directory::wire::ServiceView;
use crate::features::directory::words;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn SupportPage() -> impl IntoView {
    let (locale, t) = use_visitor().language();
    let (q, category) =
        use_query_map().with_untracked(|m| (m.get("q").unwrap_or_default(), m.get("category").unwrap_or_default()));
    let searched = !q.trim().is_empty() || !category.is_empty();
    let options = Category::ALL
        .iter()
        .map(|c| {
            let selected = category == c.code();
            view! {
                <option value=c.code() selected=selected>
                    {words::category(locale, *c)}
                </option>
            }
        })
        .collect_view();
    view! {
        <PageHeading text=t(Text::DirectoryTitle) intro=t(Text::DirectoryIntro) />
        <div class="govuk-inset-text">
            <a class="govuk-link govuk-!-font-weight-bold" href="/support/employee-carers">
                {t(Text::DirectoryEmployeeQuestion)}
            </a>
        </div>
        <form method="get" action="/support" role="search" class="portal-search">
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="q">
                    {t(Text::DirectorySearchLabel)}
                </label>
                <div class="govuk-hint" id="q-hint">
                    {t(Text::DirectorySearchHint)}
                </div>
                <input
                    class="govuk-input"
                    id="q"
                    name="q"
                    type="search"
                    value=q.clone()
                    aria-describedby="q-hint"
                    spellcheck="true"
                />
            </div>
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="category">
                    {t(Text::DirectoryCategoryLabel)}
                </label>
                <select class="govuk-select" id="category" name="category">
                    <option value="" selected=category.is_empty()>
                        {t(Text::DirectoryCategoryAny)}
                    </option>
                    {options}
                </select>
            </div>
            <Submit text=Text::DirectorySearchButton />
        </form>
        <Await future=search_services(q.clone(), category.clone()) let:found>
            {match found.clone() {
                Ok(services) => view! { <Results services searched locale /> }.into_any(),
                Err(error) => view! { <p class="govuk-body">{error.summary(locale)}</p> }.into_any(),
            }}
        </Await>
    }
}

#[component]
fn Results(services: Vec<ServiceView>, searched: bool, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let count = services.len();
    let heading = if searched {
        locale.fill(Text::DirectoryFound, &[("count", &count.to_string())])
    } else {
        t(Text::DirectoryAll)
    };
    let items = services.into_iter().map(|s| view! { <Service service=s locale /> }).collect_view();
    view! {
        <h2 class="govuk-heading-m">{heading}</h2>
        {(count == 0).then(|| view! { <p class="govuk-body">{t(Text::DirectoryNoneFound)}</p> })}
        <ul class="govuk-list portal-services">{items}</ul>
    }
}

#[component]
fn Service(service: ServiceView, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let entry = service.entry;
    let link = entry.url.clone().map(|url| {
        let external = url.starts_with("http");
        let label = if external { t(Text::DirectoryVisitSite) } else { t(Text::DirectoryOpenPage) };
        view! {
            <p class="govuk-body">
                <a class="govuk-link" href=url.clone() rel=external.then_some("noopener noreferrer")>
                    {label}
                    <span class="govuk-visually-hidden">{format!(" – {}", entry.name)}</span>
                </a>
            </p>
        }
    });
    view! {
        <li class="portal-service" data-service=entry.name.clone()>
            <h3 class="govuk-heading-s">{entry.name.clone()}</h3>
            <p class="govuk-body-s portal-service__meta">
                {entry.organisation.clone()} " · "
                <strong class="govuk-tag govuk-tag--grey">{words::category(locale, entry.category)}</strong>
            </p>
            <p class="govuk-body">{entry.description.clone()}</p>
            <dl class="govuk-summary-list govuk-summary-list--no-border">
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{t(Text::DirectoryWhoFor)}</dt>
                    <dd class="govuk-summary-list__value">{entry.eligibility.clone()}</dd>
                </div>
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{t(Text::DirectoryWhere)}</dt>
                    <dd class="govuk-summary-list__value">{entry.area.clone()}</dd>
                </div>
                {entry
                    .phone
                    .clone()
                    .map(|phone| {
                        view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{t(Text::DirectoryPhone)}</dt>
                                <dd class="govuk-summary-list__value">
                                    <a class="govuk-link" href=format!("tel:{}", phone.replace(' ', ""))>
                                        {phone.clone()}
                                    </a>
                                </dd>
                            </div>
                        }
                    })}
                {entry
                    .email
                    .clone()
                    .map(|email| {
                        view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{t(Text::DirectoryEmail)}</dt>
                                <dd class="govuk-summary-list__value">
                                    <a class="govuk-link" href=format!("mailto:{email}")>
                                        {email.clone()}
                                    </a>
                                </dd>
                            </div>
                        }
                    })}
            </dl>
            {link}
        </li>
    }
}

//! "Your journey with the council": what happens next at the top, then every step in date
//! order with its status and a link to the record.
use leptos::prelude::*;

use crate::components::layout::PageHeading;
use crate::components::record_page::{loaded, signed_in};
use crate::domain::timeline::{Step, When};
use crate::features::timeline::api::my_timeline;
use crate::features::timeline::wire::EventView;
use crate::kit::i18n::{Locale, Text};

fn step_words(locale: Locale, step: Step) -> &'static str {
    let key = format!("timeline.steps.{}", step.code());
    locale.text(Text::from_key(&key).unwrap_or(Text::TimelineTitle))
}

fn tag(locale: Locale, when: When) -> impl IntoView {
    let (class, text) = match when {
        When::Done => ("govuk-tag govuk-tag--green", Text::TimelineDone),
        When::Upcoming => ("govuk-tag govuk-tag--blue", Text::TimelineUpcoming),
        When::Overdue => ("govuk-tag govuk-tag--red", Text::TimelineOverdue),
    };
    view! { <strong class=class>{locale.text(text)}</strong> }
}

fn event(locale: Locale, event: EventView) -> impl IntoView {
    let title = match event.detail.is_empty() {
        true => step_words(locale, event.step).to_owned(),
        false => format!("{}: {}", step_words(locale, event.step), event.detail),
    };
    view! {
        <li class="portal-timeline__item">
            <h3 class="govuk-heading-s portal-timeline__title">
                <a class="govuk-link" href=event.href.clone()>
                    {title}
                </a>
            </h3>
            <p class="govuk-body portal-timeline__date">
                <time>{event.date.clone()}</time>
                " "
                {tag(locale, event.when)}
            </p>
        </li>
    }
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        view! {
            <PageHeading text=t(Text::TimelineTitle) intro=t(Text::TimelineIntro) />
            {loaded(
                my_timeline(),
                move |timeline| {
                    view! {
                        <div class="govuk-inset-text">
                            <h2 class="govuk-heading-m">{t(Text::TimelineNextHeading)}</h2>
                            {match timeline.next.clone() {
                                Some(next) => view! { <ul class="govuk-list">{event(locale, next)}</ul> }.into_any(),
                                None => view! { <p class="govuk-body">{t(Text::TimelineNothingNext)}</p> }.into_any(),
                            }}
                        </div>
                        {if timeline.events.is_empty() {
                            view! { <p class="govuk-body">{t(Text::TimelineNothing)}</p> }.into_any()
                        } else {
                            let items = timeline.events.iter().cloned().map(|e| event(locale, e)).collect::<Vec<_>>();
                            view! { <ol class="govuk-list portal-timeline">{items}</ol> }.into_any()
                        }}
                    }
                        .into_any()
                },
            )}
        }
    })
}

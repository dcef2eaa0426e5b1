//! The frame around every page: skip link, council header with the service name and the
//! language switcher, footer, and the page title.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn SkipLink() -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <a href="#main-content" class="govuk-skip-link">
            {visitor.t(Text::LayoutSkipLink)}
        </a>
    }
}

/// The council's header (no crown: this is not a GOV.UK service), then the service name and
/// the GOV.UK language switcher. Switching language is a link, so it works without JavaScript.
#[component]
pub fn Header() -> impl IntoView {
    let visitor = use_visitor();
    let languages = Locale::ALL
        .into_iter()
        .map(|locale| {
            if locale == visitor.locale {
                view! {
                    <li class="govuk-language-navigation__list-item">
                        <span class="govuk-language-navigation__text" lang=locale.tag() aria-current="true">
                            {locale.native_name()}
                        </span>
                    </li>
                }
                .into_any()
            } else {
                view! {
                    <li class="govuk-language-navigation__list-item">
                        <a
                            class="govuk-language-navigation__link"
                            href=visitor.path_in(locale)
                            lang=locale.tag()
                            hreflang=locale.tag()
                            rel="alternate"
                        >
                            {locale.native_name()}
                        </a>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    // Signing out changes state, so it is a POST form, never a link.
    let account_links = match &visitor.user {
        Some(_) => view! {
            <li class="govuk-service-navigation__item">
                <a class="govuk-service-navigation__link" href="/home">
                    {visitor.t(Text::LayoutYourAccount)}
                </a>
            </li>
            <li class="govuk-service-navigation__item">
                <form method="post" action="/api/account/sign-out" class="portal-header-actions">
                    <button type="submit" class="portal-link-button govuk-service-navigation__link">
                        {visitor.t(Text::LayoutSignOut)}
                    </button>
                </form>
            </li>
        }
        .into_any(),
        None => view! {
            <li class="govuk-service-navigation__item">
                <a class="govuk-service-navigation__link" href="/sign-in">
                    {visitor.t(Text::LayoutSignIn)}
                </a>
            </li>
        }
        .into_any(),
    };
    view! {
        <header class="govuk-generic-header">
            <div class="govuk-generic-header__container govuk-width-container">
                <div class="govuk-generic-header__logo">
                    <a href="/" class="govuk-generic-header__homepage-link">
                        {visitor.council.name.clone()}
                    </a>
                </div>
            </div>
        </header>
        <section aria-label=visitor.t(Text::LayoutServiceInformation) class="govuk-service-navigation">
            <div class="govuk-width-container govuk-service-navigation__inlining-container">
                <div class="govuk-service-navigation__container">
                    <span class="govuk-service-navigation__service-name">
                        <a href="/" class="govuk-service-navigation__link">
                            {visitor.t(Text::LayoutServiceName)}
                        </a>
                    </span>
                    <nav aria-label=visitor.t(Text::LayoutMenu) class="govuk-service-navigation__wrapper">
                        <ul class="govuk-service-navigation__list" id="navigation">
                            {account_links}
                        </ul>
                    </nav>
                </div>
                <nav class="govuk-language-navigation" aria-label=visitor.t(Text::LayoutLanguageNavigation)>
                    <ul class="govuk-language-navigation__list">{languages}</ul>
                </nav>
            </div>
        </section>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        <h2 class="govuk-visually-hidden">{visitor.t(Text::LayoutSupportLinks)}</h2>
                        <ul class="govuk-footer__inline-list">
                            <FooterLink href="/accessibility" text=Text::AccessibilityTitle />
                            <FooterLink href="/privacy" text=Text::PrivacyTitle />
                            <FooterLink href="/support" text=Text::DirectoryTitle />
                            <FooterLink href="/contact" text=Text::ContactTitle />
                        </ul>
                        <p class="govuk-body-s">
                            {visitor.locale.fill(Text::LayoutRunBy, &[("council", &visitor.council.name)])}
                        </p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// One of the footer's links, its words from the catalogue.
#[component]
fn FooterLink(href: &'static str, text: Text) -> impl IntoView {
    view! {
        <li class="govuk-footer__inline-list-item">
            <a class="govuk-footer__link" href=href>
                {use_visitor().t(text)}
            </a>
        </li>
    }
}

/// The `<title>`: the page, the service and the council, with "Error: " first when the page
/// shows a refused form (GOV.UK pattern, so screen readers hear it first).
#[component]
pub fn PageTitle(text: String, #[prop(optional)] has_errors: bool) -> impl IntoView {
    let visitor = use_visitor();
    let prefix = if has_errors { format!("{}: ", visitor.t(Text::ErrorsPrefix)) } else { String::new() };
    let full = format!("{prefix}{text} – {} – {}", visitor.t(Text::LayoutServiceName), visitor.council.name);
    view! { <Title text=full /> }
}

/// The page's `<title>` and its `<h1>`, in the same words (the title is drawn in the head,
/// wherever the heading stands), then the paragraph that introduces the page, if it has one.
#[component]
pub fn PageHeading(
    #[prop(into)] text: String,
    #[prop(optional)] has_errors: bool,
    #[prop(optional, into)] intro: Option<String>,
) -> impl IntoView {
    view! {
        <PageTitle text=text.clone() has_errors />
        <h1 class="govuk-heading-l">{text}</h1>
        {intro.map(|intro| view! { <p class="govuk-body">{intro}</p> })}
    }
}

/// A list, or when it has nothing in it, the paragraph that says so ("No reviews are due",
/// "Not provided").
#[component]
pub fn OrNone(empty: bool, #[prop(into)] none: String, children: Children) -> impl IntoView {
    if empty {
        view! { <p class="govuk-body">{none}</p> }.into_any()
    } else {
        children().into_any()
    }
}

/// A paragraph that is one link, its words from the catalogue ("Find local support"); `bold`
/// for the one that leads to a person's main task.
#[component]
pub fn LinkParagraph(#[prop(into)] href: String, text: Text, #[prop(optional)] bold: bool) -> impl IntoView {
    let class = if bold { "govuk-link govuk-!-font-weight-bold" } else { "govuk-link" };
    view! {
        <p class="govuk-body">
            <a class=class href=href>
                {use_visitor().t(text)}
            </a>
        </p>
    }
}

/// A link drawn as a GOV.UK button (it goes to a page rather than sending a form), its words
/// from the catalogue; `secondary` for the grey one beside the page's main action.
#[component]
pub fn ButtonLink(#[prop(into)] href: String, text: Text, #[prop(optional)] secondary: bool) -> impl IntoView {
    let class = if secondary { "govuk-button govuk-button--secondary" } else { "govuk-button" };
    view! {
        <a class=class href=href role="button" draggable="false">
            {use_visitor().t(text)}
        </a>
    }
}

/// The GOV.UK back link at the top of a page, its words from the catalogue.
#[component]
pub fn BackLink(#[prop(into)] href: String, text: Text) -> impl IntoView {
    view! {
        <a href=href class="govuk-back-link">
            {use_visitor().t(text)}
        </a>
    }
}

/// The GOV.UK warning text: the icon, "Warning" for screen readers, and the words.
#[component]
pub fn WarningText(#[prop(into)] text: String) -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
                "!"
            </span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{visitor.t(Text::LayoutWarning)}</span>
                {text}
            </strong>
        </div>
    }
}

/// A GOV.UK notification banner: its title (with the id that names the banner for screen
/// readers) over what it says. `success` draws the green one, announced at once.
#[component]
pub fn NotificationBanner(
    title_id: &'static str,
    #[prop(into)] title: String,
    #[prop(optional)] success: bool,
    children: Children,
) -> impl IntoView {
    let (class, role) = if success {
        ("govuk-notification-banner govuk-notification-banner--success", "alert")
    } else {
        ("govuk-notification-banner", "region")
    };
    view! {
        <div class=class role=role aria-labelledby=title_id>
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id=title_id>
                    {title}
                </h2>
            </div>
            <div class="govuk-notification-banner__content">{children()}</div>
        </div>
    }
}

/// The GOV.UK success notification banner, for "done" messages after a form.
#[component]
pub fn SuccessBanner(#[prop(into)] message: String) -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <NotificationBanner title_id="success-title" title=visitor.t(Text::LayoutSuccess) success=true>
            <p class="govuk-notification-banner__heading">{message}</p>
        </NotificationBanner>
    }
}

/// Shown for any address the portal does not have (and for records a person may not see).
#[component]
pub fn NotFound() -> impl IntoView {
    let visitor = use_visitor();
    crate::kit::page::set_status(404);
    view! {
        <PageHeading text=visitor.t(Text::NotFoundTitle) intro=visitor.t(Text::NotFoundBody) />
        <p class="govuk-body">
            <a class="govuk-link" href="/">
                {visitor.t(Text::NotFoundHome)}
            </a>
        </p>
    }
}

/// What a page shows when its records could not be read: "not found" for a record that is gone
/// or not the person's, and for a fault the portal's own words with a 500, never "not found".
pub fn load_failed(error: crate::error::AppError) -> AnyView {
    match error {
        crate::error::AppError::Internal { request_id } => view! { <ServiceProblem reference=request_id /> }.into_any(),
        _ => NotFound().into_any(),
    }
}

#[component]
fn ServiceProblem(reference: String) -> impl IntoView {
    let visitor = use_visitor();
    crate::kit::page::set_status(500);
    view! {
        <PageHeading text=visitor.t(Text::ProblemTitle) />
        <p class="govuk-body">{visitor.locale.fill(Text::ProblemBody, &[("reference", &reference)])}</p>
    }
}

/// For pages that need a signed-in person: when nobody is signed in, sends the browser to sign
/// in (and back here afterwards) and returns true, so the page renders nothing.
pub fn needs_sign_in(visitor: &crate::kit::visitor::Visitor) -> bool {
    if visitor.user.is_some() {
        return false;
    }
    let next: String = form_urlencoded_path(&visitor.path);
    redirect(&format!("/sign-in?next={next}"));
    true
}

/// The visitor when someone is signed in; otherwise `None`, having sent the browser to sign in
/// (see `needs_sign_in`), so the page renders nothing.
pub fn signed_in_visitor() -> Option<crate::kit::visitor::Visitor> {
    let visitor = use_visitor();
    (!needs_sign_in(&visitor)).then_some(visitor)
}

/// Percent-encodes a path for a query value (enough for paths: no external crate in wasm).
fn form_urlencoded_path(path: &str) -> String {
    crate::domain::text::percent_encode(path, b"/")
}

pub use crate::kit::page::redirect;

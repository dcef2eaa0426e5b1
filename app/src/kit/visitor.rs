//! Who is asking and how to answer them: the person's language, their last refused form and
//! the request id. The server's middleware puts a `Visitor` into every page and
//! server-function request; components and server functions read it from there.
use crate::domain::account::Role;
use crate::domain::council::Council;
use crate::kit::forms::FormFlash;
use crate::kit::i18n::{Locale, Text};
use crate::policy::Actor;

/// The signed-in person, as pages need them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedInUser {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
}

impl SignedInUser {
    pub fn actor(&self) -> Actor {
        Actor { user_id: self.id, role: self.role }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Visitor {
    pub locale: Locale,
    /// The page's path and query, for links that come back to it (e.g. the language switcher).
    pub path: String,
    /// A form this person submitted that was refused, to be shown again.
    pub flash: Option<FormFlash>,
    /// Identifies the request in the server's log.
    pub request_id: String,
    pub council: Council,
    /// Who is signed in, if anyone.
    pub user: Option<SignedInUser>,
    /// They signed in with a second factor (a code, or the council's sign-in).
    pub second_factor: bool,
    /// True on the first page after a session ran out (so the page can say why).
    pub timed_out: bool,
    /// The address the request came from (for rate limits and the audit log).
    pub client_ip: Option<String>,
    /// Seconds until the session runs out if nothing else is sent (for the timeout warning).
    pub idle_seconds: i64,
    /// The carer a practitioner is filling in an assessment with (the `portal_assisting`
    /// cookie): only a choice of whom, authorised through the policy on every request.
    pub assisting: Option<i64>,
}

/// The cookie that says whose assessment a practitioner is filling in with them.
pub const ASSISTING_COOKIE: &str = "portal_assisting";

impl Visitor {
    /// Staff signed in with a password alone, who may only set up two-factor sign-in.
    pub fn must_set_up_two_factor(&self) -> bool {
        self.user.as_ref().is_some_and(|user| crate::policy::must_set_up_two_factor(user.role, self.second_factor))
    }

    pub fn t(&self, text: Text) -> &'static str {
        self.locale.text(text)
    }

    /// The reader's language and its translator, for a view: `let (locale, t) =
    /// visitor.language();` then `t(Text::…)` for words, `locale.fill(…)` for words with values.
    pub fn language(&self) -> (Locale, impl Fn(Text) -> String + Copy + Send + Sync + 'static) {
        (self.locale, self.locale.translator())
    }

    /// This page's address in another language: the same path and query with `lang` set.
    pub fn path_in(&self, locale: Locale) -> String {
        let (path, query) = self.path.split_once('?').unwrap_or((&self.path, ""));
        let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !p.starts_with("lang=")).collect();
        let lang = format!("lang={}", locale.tag());
        pairs.push(&lang);
        format!("{path}?{}", pairs.join("&"))
    }
}

/// The current request's visitor (a default one outside a request, e.g. in unit tests).
pub fn use_visitor() -> Visitor {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Visitor>().cloned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_link_keeps_the_rest_of_the_query() {
        let visitor = Visitor { path: "/contact/sent?reference=CM-000001&lang=en".into(), ..Visitor::default() };
        assert_eq!(visitor.path_in(Locale::Pl), "/contact/sent?reference=CM-000001&lang=pl");
        let visitor = Visitor { path: "/".into(), ..Visitor::default() };
        assert_eq!(visitor.path_in(Locale::En), "/?lang=en");
    }
}

//! Local support: a directory of services shaped on the Open Referral UK data standard (an
//! organisation runs a service; the service has a description, contact details, an area it
//! covers, who it is for and a category). Staff add, change and retire entries.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::text::{BoundedText, EmailAddress, TextProblem};
use crate::domain::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

pub const SHORT_MAX: usize = 150;
pub const LONG_MAX: usize = 2000;

choices! {
    /// The directory's categories (a small local taxonomy).
    Category {
        CarersSupport = "carers_support",
        Emergency = "emergency",
        EmployeeCarers = "employee_carers",
        Advocacy = "advocacy",
        Complaints = "complaints",
        Breaks = "breaks",
        Money = "money",
        Health = "health",
        Community = "community",
    }
}

/// One service, as staff describe it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceEntry {
    pub organisation: String,
    pub name: String,
    pub description: String,
    pub category: Category,
    /// The organisation's public page (`https://…`) or a page of this portal (`/…`).
    pub url: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub area: String,
    pub eligibility: String,
}

/// The ways to get in touch with a service: a web address, an email address, a phone number.
pub type ContactDetails = (Option<String>, Option<String>, Option<String>);

/// A web address a person can follow: `https://…`, `http://…`, or a page of the portal.
pub fn is_link(url: &str) -> bool {
    let url = url.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            rest.split('/').next().is_some_and(|host| host.contains('.') && !host.contains(char::is_whitespace))
        }
        None => url.starts_with('/') && !url.starts_with("//") && !url.contains(char::is_whitespace),
    }
}

impl ServiceEntry {
    /// A required piece of the entry's text, trimmed; `field` names it in the problem.
    pub fn text(field: &'static str, value: &str, max: usize) -> Result<String, DirectoryProblem> {
        BoundedText::required(value, max).map(BoundedText::into_inner).map_err(|p| DirectoryProblem::Text(field, p))
    }

    pub fn category(code: &str) -> Result<Category, DirectoryProblem> {
        Category::parse(code).ok_or(DirectoryProblem::Category)
    }

    /// The ways to get in touch, `(url, email, phone)`: each may be left out, but not all three.
    pub fn contact(url: &str, email: &str, phone: &str) -> Result<ContactDetails, Vec<DirectoryProblem>> {
        let given = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        let (url, email, phone) = (given(url), given(email), given(phone));
        let mut problems = Vec::new();
        if url.as_deref().is_some_and(|u| !is_link(u) || u.chars().count() > SHORT_MAX) {
            problems.push(DirectoryProblem::Url);
        }
        if email.as_deref().is_some_and(|e| EmailAddress::parse(e).is_err()) {
            problems.push(DirectoryProblem::Email);
        }
        if phone.as_deref().is_some_and(|p| !crate::domain::emergency::is_phone_number(p)) {
            problems.push(DirectoryProblem::Phone);
        }
        if url.is_none() && email.is_none() && phone.is_none() {
            problems.push(DirectoryProblem::NoContact);
        }
        if problems.is_empty() {
            Ok((url, email, phone))
        } else {
            Err(problems)
        }
    }

    /// How well the entry matches every word of a search (0: it does not). A word in the
    /// service's name or category counts most, then the organisation, then the rest.
    pub fn relevance(&self, words: &[String], category_name: &str) -> u32 {
        let fold = |s: &str| s.to_lowercase();
        let (name, organisation, category) = (fold(&self.name), fold(&self.organisation), fold(category_name));
        let rest = fold(&format!("{} {} {}", self.description, self.area, self.eligibility));
        let mut score = 0;
        for word in words {
            let here = if name.contains(word.as_str()) || category.contains(word.as_str()) {
                4
            } else if organisation.contains(word.as_str()) {
                2
            } else if rest.contains(word.as_str()) {
                1
            } else {
                return 0;
            };
            score += here;
        }
        score.max(1)
    }
}

/// The words of a search, lower case, without punctuation or one-letter words.
pub fn search_words(query: &str) -> Vec<String> {
    query
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .take(8)
        .map(str::to_owned)
        .collect()
}

impl Category {
    /// The category's name in the reader's language (searches match it too).
    pub fn name(self, locale: Locale) -> &'static str {
        locale.text(match self {
            Category::CarersSupport => Text::DirectoryCategoriesCarersSupport,
            Category::Emergency => Text::DirectoryCategoriesEmergency,
            Category::EmployeeCarers => Text::DirectoryCategoriesEmployeeCarers,
            Category::Advocacy => Text::DirectoryCategoriesAdvocacy,
            Category::Complaints => Text::DirectoryCategoriesComplaints,
            Category::Breaks => Text::DirectoryCategoriesBreaks,
            Category::Money => Text::DirectoryCategoriesMoney,
            Category::Health => Text::DirectoryCategoriesHealth,
            Category::Community => Text::DirectoryCategoriesCommunity,
        })
    }
}

/// A service as the directory keeps it: the entry, when it last changed, whether it is retired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedService {
    pub id: i64,
    pub entry: ServiceEntry,
    pub updated_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
}

impl ListedService {
    /// Those of `listed` that match every one of the search's `terms` (best first, then by
    /// name), in `category` when one is given. Category names match in the reader's language.
    pub fn search(
        listed: Vec<ListedService>,
        terms: &[String],
        category: Option<Category>,
        locale: Locale,
    ) -> Vec<ListedService> {
        let mut found: Vec<(u32, ListedService)> = listed
            .into_iter()
            .filter(|s| category.is_none_or(|c| s.entry.category == c))
            .filter_map(|s| {
                let score = s.entry.relevance(terms, s.entry.category.name(locale));
                (score > 0).then_some((score, s))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.entry.name.cmp(&b.1.entry.name)));
        found.into_iter().map(|(_, s)| s).collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectoryProblem {
    Text(&'static str, TextProblem),
    Category,
    Url,
    Email,
    Phone,
    NoContact,
}

impl Problem for DirectoryProblem {
    fn field(&self) -> String {
        match self {
            DirectoryProblem::Text(field, _) => field,
            DirectoryProblem::Category => "category",
            DirectoryProblem::Url | DirectoryProblem::NoContact => "url",
            DirectoryProblem::Email => "email",
            DirectoryProblem::Phone => "phone",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        let text = match self {
            DirectoryProblem::Text(_, TextProblem::TooLong { max }) => {
                return with_max(locale, Text::DirectoryErrorsTooLong, *max)
            }
            DirectoryProblem::Text("organisation", _) => Text::DirectoryErrorsOrganisation,
            DirectoryProblem::Text("name", _) => Text::DirectoryErrorsName,
            DirectoryProblem::Text("description", _) => Text::DirectoryErrorsDescription,
            DirectoryProblem::Text("area", _) => Text::DirectoryErrorsArea,
            DirectoryProblem::Text(_, _) => Text::DirectoryErrorsEligibility,
            DirectoryProblem::Category => Text::DirectoryErrorsCategory,
            DirectoryProblem::Url => Text::DirectoryErrorsUrl,
            DirectoryProblem::Email => Text::DirectoryErrorsEmail,
            DirectoryProblem::Phone => Text::DirectoryErrorsPhone,
            DirectoryProblem::NoContact => Text::DirectoryErrorsNoContact,
        };
        locale.text(text).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> ServiceEntry {
        ServiceEntry {
            organisation: "Lincolnshire County Council".into(),
            name: "Independent advocacy".into(),
            description: "Help to take part in your assessment".into(),
            category: Category::Advocacy,
            url: Some("https://www.lincolnshire.gov.uk/".into()),
            email: None,
            phone: None,
            area: "Lincolnshire".into(),
            eligibility: "Adults".into(),
        }
    }

    #[test]
    fn every_word_must_match_and_names_count_most() {
        let e = entry();
        assert_eq!(e.relevance(&search_words("advocacy"), "Advocacy"), 4);
        assert_eq!(e.relevance(&search_words("ADVOCACY assessment"), "Advocacy"), 5);
        assert_eq!(e.relevance(&search_words("advocacy dentist"), "Advocacy"), 0);
        assert_eq!(e.relevance(&[], "Advocacy"), 1);
    }

    #[test]
    fn a_search_keeps_matches_in_the_category_best_first_then_by_name() {
        let listed = |id: i64, name: &str, category: Category| ListedService {
            id,
            entry: ServiceEntry { name: name.into(), category, ..entry() },
            updated_at: DateTime::<Utc>::UNIX_EPOCH,
            retired_at: None,
        };
        let all = vec![
            listed(1, "Sitting service", Category::Breaks),
            listed(2, "Advocacy for carers", Category::Advocacy),
            listed(3, "Carers' breaks", Category::Breaks),
            listed(4, "A listening ear", Category::Breaks),
        ];
        let ids = |found: Vec<ListedService>| found.into_iter().map(|s| s.id).collect::<Vec<_>>();
        let en = Locale::En;
        assert_eq!(ids(ListedService::search(all.clone(), &search_words("carers"), None, en)), vec![2, 3]);
        assert_eq!(ids(ListedService::search(all.clone(), &[], Some(Category::Breaks), en)), vec![4, 3, 1]);
        assert_eq!(ids(ListedService::search(all, &search_words("dentist"), None, en)), Vec::<i64>::new());
    }

    #[test]
    fn search_words_drop_punctuation_and_single_letters() {
        assert_eq!(search_words("  Carers' a support!! "), vec!["carers", "support"]);
    }

    #[test]
    fn an_entry_needs_one_way_to_get_in_touch_and_each_must_work() {
        assert_eq!(ServiceEntry::contact(" ", "", ""), Err(vec![DirectoryProblem::NoContact]));
        assert_eq!(
            ServiceEntry::contact("", " help@example.org ", ""),
            Ok((None, Some("help@example.org".to_owned()), None))
        );
        assert_eq!(
            ServiceEntry::contact("javascript:alert(1)", "", "ring us"),
            Err(vec![DirectoryProblem::Url, DirectoryProblem::Phone])
        );
        assert_eq!(
            ServiceEntry::text("name", "  ", SHORT_MAX),
            Err(DirectoryProblem::Text("name", TextProblem::Missing))
        );
    }

    #[test]
    fn links_are_web_addresses_or_portal_pages() {
        assert!(is_link("https://www.carersuk.org/"));
        assert!(is_link("/support/employee-carers"));
        assert!(!is_link("//evil.example"));
        assert!(!is_link("javascript:alert(1)"));
        assert!(!is_link("https://nodot/"));
    }
}

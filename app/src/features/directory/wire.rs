//! What the directory pages and their server functions send each other: a service as the
//! pages show it, and the form that adds or changes one.
use serde::{Deserialize, Serialize};

use crate::domain::directory::{DirectoryProblem, ListedService, ServiceEntry, LONG_MAX, SHORT_MAX};
use crate::kit::i18n::Locale;

/// A service in the directory, with when it last changed and whether it is retired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceView {
    pub id: i64,
    pub entry: ServiceEntry,
    pub updated_on: String,
    pub retired: bool,
}

impl ServiceView {
    /// The service as the pages show it, its last change dated in `locale`.
    pub fn from_record(service: ListedService, locale: Locale) -> ServiceView {
        ServiceView {
            id: service.id,
            entry: service.entry,
            updated_on: locale.long_date(service.updated_at.date_naive()),
            retired: service.retired_at.is_some(),
        }
    }
}

/// A service as staff type it in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceForm {
    pub organisation: String,
    pub name: String,
    pub description: String,
    pub category: String,
    pub url: String,
    pub email: String,
    pub phone: String,
    pub area: String,
    pub eligibility: String,
}

impl TryFrom<ServiceForm> for ServiceEntry {
    type Error = Vec<DirectoryProblem>;

    fn try_from(form: ServiceForm) -> Result<Self, Self::Error> {
        let mut problems = Vec::new();
        let mut text = |field: &'static str, value: &str, max: usize| {
            ServiceEntry::text(field, value, max).unwrap_or_else(|problem| {
                problems.push(problem);
                String::new()
            })
        };
        let organisation = text("organisation", &form.organisation, SHORT_MAX);
        let name = text("name", &form.name, SHORT_MAX);
        let description = text("description", &form.description, LONG_MAX);
        let area = text("area", &form.area, SHORT_MAX);
        let eligibility = text("eligibility", &form.eligibility, LONG_MAX);
        let category = ServiceEntry::category(&form.category).map_err(|p| problems.push(p)).ok();
        let contact = ServiceEntry::contact(&form.url, &form.email, &form.phone).map_err(|p| problems.extend(p)).ok();
        match (category, contact) {
            (Some(category), Some((url, email, phone))) if problems.is_empty() => {
                Ok(ServiceEntry { organisation, name, description, category, url, email, phone, area, eligibility })
            }
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::Category;
    use crate::domain::Problem;

    fn form() -> ServiceForm {
        ServiceForm {
            organisation: "Lincolnshire County Council".into(),
            name: "Independent advocacy".into(),
            description: "Help to take part in your assessment".into(),
            category: "advocacy".into(),
            url: "https://www.lincolnshire.gov.uk/".into(),
            area: "Lincolnshire".into(),
            eligibility: "Adults".into(),
            ..ServiceForm::default()
        }
    }

    #[test]
    fn an_entry_needs_its_parts_and_one_way_to_get_in_touch() {
        let problems = ServiceEntry::try_from(ServiceForm::default()).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field()).collect();
        assert_eq!(fields, ["organisation", "name", "description", "area", "eligibility", "category", "url"]);
        let entry = ServiceEntry::try_from(form()).unwrap();
        assert_eq!(
            (entry.category, entry.url.as_deref(), entry.email),
            (Category::Advocacy, Some("https://www.lincolnshire.gov.uk/"), None)
        );
        let wrong = ServiceForm { url: "javascript:alert(1)".into(), phone: "ring us".into(), ..form() };
        let fields: Vec<_> = ServiceEntry::try_from(wrong).unwrap_err().iter().map(|p| p.field()).collect();
        assert_eq!(fields, ["url", "phone"]);
    }
}

//! Server functions about people. Every one that takes a person's id goes through
//! `authorise_person`, so a record someone may not see is "not found".
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::error::AppError;

/// A person, as shown to someone allowed to see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
}

#[server(prefix = "/api", endpoint = "people/summary")]
pub async fn view_person(person_id: i64) -> Result<PersonSummary, AppError> {
    use crate::policy::Access;
    use crate::backend::cx::{authorise_person, internal, services, signed_in};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let actor = signed_in(&visitor)?.actor();
    authorise_person(&services, &visitor, &actor, person_id, crate::policy::Record::Profile, Access::View, "viewed person summary").await?;
    let account = services
        .store
        .find_account(person_id)
        .await
        .map_err(|e| internal(&visitor, "reading an account", e))?
        .ok_or(AppError::NotFound)?;
    Ok(PersonSummary { id: account.id, name: account.display_name, email: account.email, role: account.role })
}

/// The people the signed-in person is linked to (cares for, is cared for by, represents, or
/// has in their caseload), for their home page.
#[server(prefix = "/api", endpoint = "people/linked")]
pub async fn linked_people() -> Result<Vec<PersonSummary>, AppError> {
    use crate::backend::cx::{internal, services, signed_in};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = signed_in(&visitor)?;
    let relations =
        services.store.relations(me.id).await.map_err(|e| internal(&visitor, "reading relations", e))?;
    let mut ids: Vec<i64> = relations
        .cares_for
        .iter()
        .chain(&relations.cared_for_by)
        .chain(relations.represents.iter().map(|(id, _)| id))
        .chain(&relations.caseload)
        .copied()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut people = Vec::new();
    for id in ids {
        if let Some(a) = services.store.find_account(id).await.map_err(|e| internal(&visitor, "reading an account", e))? {
            people.push(PersonSummary { id: a.id, name: a.display_name, email: a.email, role: a.role });
        }
    }
    Ok(people)
}

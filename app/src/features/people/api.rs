//! Server functions about people. Every one that takes a person's id is authorised through the
//! policy, so a record someone may not see is "not found".
use leptos::prelude::*;

use super::wire::PersonSummary;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "people/summary")]
pub async fn view_person(person_id: i64) -> Result<PersonSummary, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    cx.authorise(person_id, Record::Profile, Access::View, "viewed person summary").await?;
    let a = cx.store().find_account(person_id).await?.ok_or(AppError::NotFound)?;
    Ok(PersonSummary { id: a.id, name: a.display_name, email: a.email, role: a.role })
}

/// The people the signed-in person is linked to (cares for, is cared for by, represents, has
/// in their caseload, or started a record for), for their home page.
#[server(prefix = "/api", endpoint = "people/linked")]
pub async fn linked_people() -> Result<Vec<PersonSummary>, AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::signed_in()?;
    let relations = cx.relations().await?;
    let mut ids: Vec<i64> = relations
        .cares_for
        .iter()
        .chain(&relations.cared_for_by)
        .chain(relations.represents.iter().map(|(id, _)| id))
        .chain(&relations.caseload)
        .chain(&relations.started_for)
        .copied()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut people = Vec::new();
    for id in ids {
        if let Some(a) = cx.store().find_account(id).await? {
            people.push(PersonSummary { id: a.id, name: a.display_name, email: a.email, role: a.role });
        }
    }
    Ok(people)
}

/// The practitioners working with the signed-in person now, by name, for their home page.
#[server(prefix = "/api", endpoint = "people/workers")]
pub async fn my_workers() -> Result<Vec<String>, AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::signed_in()?;
    Ok(cx.store().workers_of(cx.me().id).await?)
}

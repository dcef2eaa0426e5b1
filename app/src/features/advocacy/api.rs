//! Server functions for independent advocacy: a practitioner reads and records it for a person
//! in their caseload, and invites the advocate to read the records when the person agrees.
use leptos::prelude::*;

use super::wire::{AdvocacyForm, AdvocacyView};
use crate::error::AppError;

/// What is recorded about advocacy for a person in the practitioner's caseload.
#[server(prefix = "/api", endpoint = "advocacy/of")]
pub async fn advocacy_of(#[server(default)] person_id: i64) -> Result<AdvocacyView, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::{Access, Capability, Record};

    let what = "viewed advocacy";
    let cx = Cx::with(Capability::ViewCaseload, what).await?;
    cx.authorise(person_id, Record::Plan, Access::View, what).await?;
    let person = cx.store().find_account(person_id).await?.ok_or(AppError::NotFound)?;
    Ok(AdvocacyView { person_id, name: person.display_name, record: cx.store().advocacy(person_id).await? })
}

/// Records advocacy; with the person's agreement, emails the advocate an invitation to read
/// their records (as a helper who may view, which the person can end from their family page).
#[server(prefix = "/api", endpoint = "advocacy/record")]
pub async fn record_advocacy(
    #[server(default)] person_id: i64,
    #[server(flatten)] form: AdvocacyForm,
) -> Result<(), AppError> {
    use crate::backend::cx::{Cx, MAIL_PER_SENDER};
    use crate::backend::ports::{email_advocate_invitation, Invitation};
    use crate::domain::advocacy::{AdvocacyChoice, Advocate};
    use crate::domain::family::{HelperInvitation, InvitationKind};
    use crate::policy::{Access, Capability, Record, Scope};

    let what = "recorded advocacy";
    let cx = Cx::with(Capability::ViewCaseload, what).await?;
    cx.authorise(person_id, Record::Plan, Access::Edit, what).await?;
    let choice = AdvocacyChoice::try_from(form).map_err(|problems| cx.invalid(&problems))?;
    let person = cx.store().find_account(person_id).await?.ok_or(AppError::NotFound)?;
    cx.store().set_advocacy(person_id, &choice, cx.me().id, cx.now()).await?;
    cx.audit("advocacy recorded", Some(person_id), Some(choice.answer.code())).await?;
    let mut page = format!("/people/{person_id}/advocacy?saved=1");
    if let (true, Some(Advocate { name, email: Some(email) })) = (choice.invite, &choice.advocate) {
        cx.limit_mail_to(email.as_str(), MAIL_PER_SENDER).await?;
        let advocate =
            HelperInvitation { name: name.as_str().to_owned(), email: email.as_str().to_owned(), scope: Scope::View };
        let (id, code) = Invitation::create_from(&cx, person_id, InvitationKind::Helper, Some(&advocate), &[]).await?;
        cx.audit("advocate invited", Some(person_id), Some(&format!("invitation {id}, view"))).await?;
        email_advocate_invitation(&cx, &person.display_name, &advocate, &code).await;
        page.push_str("&invited=1");
    }
    leptos_axum::redirect(&page);
    Ok(())
}

//! The store's side of independent advocacy, and sending the advocate what the person agreed
//! they should have: an invitation to read their records, and the plan's copy.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{Email, PlanVersion, StoreResult};
use crate::backend::cx::Cx;
use crate::domain::advocacy::{AdvocacyChoice, AdvocacyRecord};
use crate::domain::emergency::CardCode;
use crate::domain::family::HelperInvitation;
use crate::kit::i18n::Text;
use crate::kit::visitor::SignedInUser;

#[async_trait]
pub trait AdvocacyStore: Send + Sync {
    async fn advocacy(&self, person_id: i64) -> StoreResult<Option<AdvocacyRecord>>;
    /// Records advocacy for a person, replacing what was recorded before.
    async fn set_advocacy(
        &self,
        person_id: i64,
        choice: &AdvocacyChoice,
        recorded_by: i64,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
}

/// Emails the advocate the invitation to read `person_name`'s records. The code is on the
/// practitioner's screen too: a failure is logged, not fatal.
pub async fn email_invitation(cx: &Cx<SignedInUser>, person_name: &str, advocate: &HelperInvitation, code: &CardCode) {
    let (locale, services) = (cx.locale(), cx.services());
    let link = format!("{}/invitations/{}", services.public_url, code.as_str());
    let email = Email {
        to: advocate.email.clone(),
        subject: locale.fill(Text::AdvocacyMailSubject, &[("name", person_name)]),
        body: locale.fill(
            Text::AdvocacyMailBody,
            &[
                ("advocate", &advocate.name),
                ("name", person_name),
                ("council", &services.council.name),
                ("link", &link),
                ("code", &code.grouped()),
            ],
        ),
    };
    if let Err(error) = services.mailer.send(&email).await {
        tracing::warn!(request_id = %cx.visitor().request_id, "emailing an advocate's invitation: {error}");
    }
}

/// Sends the person's advocate the signed-off plan's copy, when the person agreed to it: a link
/// to sign in and download it (the copy holds what their access lets them see). Audited. The
/// sign-off stands whatever happens here: a failure is logged.
pub async fn send_plan_copy(cx: &Cx<SignedInUser>, plan: &PlanVersion) {
    let advocacy = match cx.store().advocacy(plan.person_id).await {
        Ok(advocacy) => advocacy,
        Err(error) => {
            tracing::warn!(request_id = %cx.visitor().request_id, "reading advocacy for a plan's copy: {error}");
            return;
        }
    };
    let Some((advocate, address)) = advocacy.as_ref().and_then(|a| a.copy_to()) else { return };
    let (locale, services) = (cx.locale(), cx.services());
    let link = format!("{}/plan/versions/{}/copy.pdf", services.public_url, plan.id);
    let date = locale.long_date(cx.now().date_naive());
    let email = Email {
        to: address.to_owned(),
        subject: locale.fill(Text::AdvocacyCopySubject, &[("name", &plan.person_name)]),
        body: locale.fill(
            Text::AdvocacyCopyBody,
            &[
                ("advocate", advocate),
                ("name", &plan.person_name),
                ("date", &date),
                ("link", &link),
                ("council", &services.council.name),
                ("phone", &services.council.phone),
            ],
        ),
    };
    let sent = match services.mailer.send(&email).await {
        Ok(()) => cx.audit("plan copy sent to advocate", Some(plan.person_id), Some(&plan.id.to_string())).await,
        Err(error) => Err(error.into()),
    };
    if let Err(error) = sent {
        tracing::warn!(request_id = %cx.visitor().request_id, "sending an advocate the plan's copy: {error}");
    }
}

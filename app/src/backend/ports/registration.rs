//! Registering proves the address: what was typed waits in the store until the link emailed to
//! the address is used. An address that has an account gets the same answer, and its owner an
//! email saying someone tried, so no form can be used to find out who has an account here.
use std::time::Duration;

use super::{Email, NewAccount};
use crate::backend::cx::Cx;
use crate::domain::account::REGISTRATION_LINK_HOURS;
use crate::domain::text::percent_encode;
use crate::error::AppError;
use crate::kit::i18n::Text;

/// Registration emails (links, or notes to an account's owner) one address may be sent in an
/// hour: whoever types an address cannot flood it with the council's mail.
const EMAILS_PER_ADDRESS: u32 = 3;

/// Keeps `account` (its password already hashed) and emails its address the link that makes
/// it, leading to `next` afterwards (a path); or, when the address has an account, emails its
/// owner instead. The caller answers the same either way.
pub async fn start_registration<W>(cx: &Cx<W>, account: NewAccount<'_>, next: Option<&str>) -> Result<(), AppError> {
    let services = cx.services();
    let limit = format!("register:email:{}", account.email);
    if !services.limits.allow(&limit, EMAILS_PER_ADDRESS, Duration::from_secs(3600)).await {
        return Err(AppError::RateLimited);
    }
    let email = match cx.store().find_by_email(account.email).await? {
        Some(owner) => {
            let sign_in = format!("{}/sign-in", services.public_url);
            let reset = format!("{}/password-reset", services.public_url);
            let fill = [("name", owner.display_name.as_str()), ("sign_in", &sign_in), ("reset", &reset)];
            cx.audit_as(None, "registration tried with an account's address", Some(owner.id), None).await?;
            Email {
                to: owner.email,
                subject: owner.locale.text(Text::RegistrationTakenSubject).to_owned(),
                body: owner.locale.fill(Text::RegistrationTakenBody, &fill),
            }
        }
        None => {
            let code = services.digests.new_code();
            let now = cx.now();
            let expires = now + chrono::Duration::hours(REGISTRATION_LINK_HOURS);
            let (to, name, locale) = (account.email.to_owned(), account.display_name.to_owned(), account.locale);
            cx.store().create_pending_registration(&services.digests.digest(&code), account, now, expires).await?;
            let after = next.map(|path| format!("?next={}", percent_encode(path, b"/"))).unwrap_or_default();
            let link = format!("{}/register/confirm/{code}{after}", services.public_url);
            let hours = REGISTRATION_LINK_HOURS.to_string();
            Email {
                to,
                subject: locale.text(Text::RegistrationEmailSubject).to_owned(),
                body: locale.fill(Text::RegistrationEmailBody, &[("name", &name), ("link", &link), ("hours", &hours)]),
            }
        }
    };
    services.mailer.send(&email).await.map_err(|e| cx.internal("sending a registration email", e))
}

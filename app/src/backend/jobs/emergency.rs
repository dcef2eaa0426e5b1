//! The yearly "is your emergency plan still right?" email, two weeks before the year since the
//! carer last confirmed it is up. It carries the first name and a link, nothing of the plan.
use chrono::{Days, Months};

use crate::backend::ports::{Email, Services, StoreError};
use crate::kit::i18n::Text;

/// Sends the reminder to each carer whose plan is due to be confirmed again within two weeks,
/// once per confirmation. Returns how many went out.
pub async fn send_reminders(services: &Services) -> Result<usize, StoreError> {
    let now = services.clock.now();
    let confirmed_by = (now + Days::new(14)).checked_sub_months(Months::new(12)).unwrap_or(now);
    let due = services.store.plans_to_reconfirm(confirmed_by).await?;
    for plan in &due {
        if let Some(account) = services.store.find_account(plan.carer_id).await? {
            let locale = account.locale;
            let first_name = account.display_name.split_whitespace().next().unwrap_or_default();
            let body = locale.fill(
                Text::EmergencyMailBody,
                &[
                    ("name", first_name),
                    ("link", &format!("{}/emergency", services.public_url)),
                    ("council", &services.council.name),
                ],
            );
            let email = Email { to: account.email, subject: locale.text(Text::EmergencyMailSubject).to_owned(), body };
            services.mailer.send(&email).await?;
        }
        services.store.mark_reconfirm_reminded(plan.carer_id, now).await?;
    }
    Ok(due.len())
}
